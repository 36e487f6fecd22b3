/**
 * How `npm run build` reports a failure: one line per problem, never a stack trace. A failure that
 * comes from content names its file, line and column (`path:line:column: message`, as `npm run
 * check` prints); a failure of the machine (a full disk, a folder it may not write) says what
 * happened, where, and what to do. Plain JavaScript, so that scripts/astro-build.mjs, which runs
 * without tsx, can use it as well as scripts/build.mjs.
 */
import { relative, sep } from 'node:path';

/** What each error code of the machine means to the person running the build, and what to do. */
const MACHINE = {
  ENOSPC: ['the disk is full', 'free some space on that disk (or build elsewhere with SCRUTINEER_OUT=<folder>), then run npm run build again'],
  EDQUOT: ['your disk quota is used up', 'free some space, then run npm run build again'],
  EACCES: ['permission denied', 'check that you may read and write there (the owner and permissions of the file or folder named), then run npm run build again'],
  EPERM: ['the operation is not permitted', 'check that no other program (an editor, a file viewer, antivirus) has the folder open, and that you may write to it, then run npm run build again'],
  EROFS: ['the disk is read-only', 'build to a disk you can write to, with SCRUTINEER_OUT=<folder>'],
  EBUSY: ['a file or folder is in use', 'close any program using the folder (a file viewer, a preview server), then run npm run build again'],
  EMFILE: ['too many files are open', 'close other programs, then run npm run build again'],
  ENFILE: ['too many files are open on this computer', 'close other programs, then run npm run build again'],
  ENOMEM: ['the computer ran out of memory', 'close other programs, then run npm run build again'],
  EIO: ['the disk could not be read or written', 'check the disk, then run npm run build again'],
  ENOTEMPTY: ['a folder that had to be replaced was not empty', 'delete the folder named, then run npm run build again'],
  EEXIST: ['a file or folder is in the way', 'delete the file or folder named, then run npm run build again'],
};

/** The first error in a chain of causes that carries a code of the machine. */
function machineError(error) {
  for (let e = error, depth = 0; e && depth < 5; e = e.cause, depth++) {
    if (typeof e === 'object' && typeof e.code === 'string' && e.code in MACHINE) return e;
  }
  return undefined;
}

/**
 * A failure of the machine in words, or undefined when the error is not one. `writing` names the
 * folder being written, for errors that do not name a file (a write to a full disk does not).
 */
export function describeMachineFailure(error, writing) {
  const e = machineError(error);
  if (!e) return undefined;
  const [what, todo] = MACHINE[e.code];
  const where = e.path ? ` (${e.syscall ? `${e.syscall} ` : ''}${e.path}${e.dest ? ` -> ${e.dest}` : ''})` : writing ? ` (writing ${writing})` : '';
  return `${what[0].toUpperCase()}${what.slice(1)}${where} [${e.code}]: ${todo}.`;
}

/** A path relative to the content root, with forward slashes, as `check` prints it. */
function fromRoot(root, file) {
  const rel = relative(root, file);
  return rel.startsWith('..') ? file : rel.split(sep).join('/');
}

/**
 * Any error from the build as lines to print: a machine failure in words, a located content error
 * as `path:line:column: message`, anything else as its message alone (never a stack trace).
 * @param {unknown} error
 * @param {string} [root] the content root, which paths are given from
 * @param {string} [writing] the folder being written
 */
export function describeFailure(error, root = process.cwd(), writing) {
  const machine = describeMachineFailure(error, writing);
  if (machine) return machine;
  const raw = error instanceof Error ? error.message : String(error);
  // Vite prefixes the plugin's name and appends the file; the location is given separately.
  const message = raw
    .replace(/^\[[^\]\s]+\] /, '')
    .replace(/\n\s*file: .*$/s, '')
    .trim();
  const loc = error && typeof error === 'object' ? (error.loc ?? (error.id ? { file: error.id } : undefined)) : undefined;
  if (/^[^\s:]+:\d+:\d+: /.test(message) || !loc?.file) return message;
  const file = fromRoot(root, String(loc.file).replace(/\?.*$/, ''));
  return loc.line ? `${file}:${loc.line}:${loc.column ?? 1}: ${message}` : `${file}: ${message}`;
}
