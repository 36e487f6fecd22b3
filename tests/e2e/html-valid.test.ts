/**
 * Every built page of the sample site, at both base paths, is valid HTML by the Nu HTML Checker
 * (the W3C validator). The checker is a Java program that is slow to start, so it runs once over
 * every file of both builds.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROJECT } from '../helpers/fixtures';
import { htmlFiles } from './built';
import { sites } from './helpers';

// vnu-jar's main export is the path to vnu.jar (a String object). It ships no types, so it is
// required rather than imported, to keep `npm run typecheck` strict.
const VNU_JAR = String(createRequire(import.meta.url)('vnu-jar'));

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  message: string;
  extract?: string;
  firstLine?: number;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
}

function javaVersion(): string | undefined {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return undefined;
  return (result.stderr || result.stdout).split('\n')[0];
}

/** "path:line:column: message" for one checker message, with the offending markup after it. */
function describeMessage(m: VnuMessage): string {
  const file = m.url?.startsWith('file:') ? relative(PROJECT, fileURLToPath(m.url)) : (m.url ?? '(no file)');
  const where = `${file}:${m.lastLine ?? m.firstLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'}`;
  const extract = m.extract ? `\n    ${m.extract.replace(/\s+/g, ' ').trim()}` : '';
  return `${where}: ${m.type}${m.subType ? ` (${m.subType})` : ''}: ${m.message}${extract}`;
}

describe('the Nu HTML Checker', () => {
  it('finds no error in any built page of the sample site, at either base path', () => {
    const java = javaVersion();
    if (!java) {
      throw new Error(
        'Java is not installed, and the Nu HTML Checker (node_modules/vnu-jar/build/dist/vnu.jar) needs Java 11 or later. ' +
          'Install it (apt-get install default-jre-headless; .ci/run does this) and run the tests again.',
      );
    }
    const files = sites().flatMap((site) => {
      const found = htmlFiles(site);
      // A checker that is given no pages finds no errors: make sure both builds are complete.
      expect(found.length, `HTML files built at ${site.base}`).toBeGreaterThan(40);
      return found;
    });

    const result = spawnSync('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'json', '--stdout', ...files], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(result.error, 'running the Nu HTML Checker').toBeUndefined();
    let messages: VnuMessage[];
    try {
      messages = JSON.parse(result.stdout).messages;
    } catch {
      throw new Error(`The Nu HTML Checker (${java}) did not print JSON; it exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
    }

    const problems = messages.filter((m) => m.type !== 'info').map(describeMessage);
    if (problems.length) console.error(`The Nu HTML Checker found ${problems.length} errors:\n${problems.join('\n')}`);
    expect(problems).toEqual([]);
    // vnu exits 1 when it reports an error; 0 with none.
    expect(result.status).toBe(0);
  });
});
