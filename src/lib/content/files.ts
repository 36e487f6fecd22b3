/**
 * Content and data files are what they say: ordinary files inside the site's folder. A symbolic
 * link could publish a file from anywhere on the build machine (`content/glossary.yaml` linked to
 * `/proc/self/environ` printed the build's environment into the CI log), a link loop or a named
 * pipe could crash or hang the build, so each is refused by name, without being followed or read.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { bytesInWords } from './limits';
import type { ProblemList } from './problems';

export type EntryKind = 'file' | 'folder' | 'missing' | 'link' | 'other';

/** What is at `path`, without following a link. */
export function entryKind(path: string): EntryKind {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  if (!stat) return 'missing';
  if (stat.isSymbolicLink()) return 'link';
  if (stat.isDirectory()) return 'folder';
  return stat.isFile() ? 'file' : 'other';
}

/** Reports a link or a special file at `file`; true when it was one. */
export function refuseUnusual(kind: EntryKind, file: string, problems: ProblemList): boolean {
  if (kind === 'link') {
    problems.add(file, 1, 1, `${file} is a symbolic link; the content must be ordinary files inside the site's folder, so that nothing from elsewhere on the computer is read or published. Replace the link with a copy of the file`);
    return true;
  }
  if (kind === 'other') {
    problems.add(file, 1, 1, `${file} is not an ordinary file (it is a named pipe, a device or a socket); delete it and put the file itself here`);
    return true;
  }
  return false;
}

/**
 * The ordinary files under a folder, every level down, in name order. Links and special files
 * are reported and left out; names starting with a dot are skipped, as before.
 */
export function listContentFiles(dir: string, relative: (path: string) => string, problems: ProblemList): string[] {
  const kind = entryKind(dir);
  if (kind === 'missing' || refuseUnusual(kind, relative(dir), problems)) return [];
  if (kind === 'file') return [dir];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    out.push(...listContentFiles(join(dir, name), relative, problems));
  }
  return out;
}

/**
 * A file's bytes, read without following a link (O_NOFOLLOW) and without waiting on a pipe
 * (O_NONBLOCK), so what was checked is what is read. A file larger than `limit` is reported with
 * the limit and not read at all.
 */
export function readContentFile(path: string, file: string, limit: number, problems: ProblemList): Uint8Array | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') refuseUnusual('link', file, problems);
    else problems.add(file, 1, 1, `${file} could not be opened (${code ?? 'unknown reason'}); check that it is an ordinary file you can read`);
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return void refuseUnusual('other', file, problems);
    if (stat.size > limit) {
      problems.add(file, 1, 1, `${file} is ${bytesInWords(stat.size)}, over the limit of ${bytesInWords(limit)} for this kind of file; split it, or check that it holds what it should`);
      return undefined;
    }
    const bytes = new Uint8Array(stat.size);
    let filled = 0;
    while (filled < bytes.length) {
      const read = readSync(fd, bytes, filled, bytes.length - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    return bytes.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}
