/**
 * Failures of the machine during `npm run build` say what happened and what to do, on lines of
 * their own, with no stack trace; and the published site is either the old one (the build fails)
 * or the new one (the build succeeds, with a warning), never a failure with a new site.
 *
 * The real cases run in a private mount namespace (`unshare -rm`), where a small tmpfs is a full
 * disk and a mount inside the old site makes it impossible to remove; they are skipped where the
 * system does not allow that.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describeFailure } from '../scripts/lib/failure.mjs';
import { MINIMAL, PROJECT } from './helpers/fixtures';
import { cleanEnv } from './helpers/build';

describe('how a failure is described', () => {
  it('a full disk, a folder in use, a read-only disk: what happened, where, and what to do', () => {
    const error = (code: string, extra: object = {}) => Object.assign(new Error(`${code}: raw`), { code, ...extra });
    expect([
      describeFailure(error('ENOSPC', { syscall: 'write' }), '/site', '/site/dist.building-1'),
      describeFailure(error('EBUSY', { syscall: 'rmdir', path: '/site/dist.old-1/x' })),
      describeFailure(new Error('hook failed', { cause: error('EROFS', { syscall: 'open', path: '/mnt/dist/index.html' }) })),
    ]).toMatchInlineSnapshot(`
      [
        "The disk is full (writing /site/dist.building-1) [ENOSPC]: free some space on that disk (or build elsewhere with SCRUTINEER_OUT=<folder>), then run npm run build again.",
        "A file or folder is in use (rmdir /site/dist.old-1/x) [EBUSY]: close any program using the folder (a file viewer, a preview server), then run npm run build again.",
        "The disk is read-only (open /mnt/dist/index.html) [EROFS]: build to a disk you can write to, with SCRUTINEER_OUT=<folder>.",
      ]
    `);
  });

  it('a content error from the compiler: file, line and column from the content root, without the plugin name or a stack', () => {
    const error = Object.assign(new Error('[@mdx-js/rollup] Unexpected character\nfile: /site/content/meetings/panel/2018-10-25.mdx:12:9'), {
      loc: { file: '/site/content/meetings/panel/2018-10-25.mdx', line: 12, column: 9 },
    });
    expect(describeFailure(error, '/site')).toBe('content/meetings/panel/2018-10-25.mdx:12:9: Unexpected character');
  });
});

const canUnshare = spawnSync('unshare', ['-rm', 'true']).status === 0;

/** Runs a shell script in a private mount namespace, with the build as `$BUILD`. */
function inNamespace(script: string) {
  const build = `${process.execPath} ${join(PROJECT, 'scripts', 'build.mjs')}`;
  return spawnSync('unshare', ['-rm', 'sh', '-c', `set -e\nBUILD="${build}"\n${script}`], {
    cwd: PROJECT,
    encoding: 'utf8',
    env: cleanEnv({ SCRUTINEER_ROOT: MINIMAL, SCRUTINEER_QUIET: '1' }),
  });
}

describe.skipIf(!canUnshare)('failures of the machine, for real', () => {
  it('a full disk: the message says so and what to do, the old site stays, nothing is left beside it', () => {
    const result = inNamespace(`
      D=$(mktemp -d); mount -t tmpfs -o size=400k tmpfs "$D"
      mkdir "$D/dist"; echo 'the old site' > "$D/dist/index.html"
      set +e; SCRUTINEER_OUT="$D/dist" $BUILD; echo "status=$?"; set -e
      echo "left: $(ls "$D")"; echo "old: $(cat "$D/dist/index.html")"`);
    const out = result.stdout + result.stderr;
    expect(result.stdout).toContain('status=1');
    expect(result.stderr).toMatch(/^The disk is full \(writing .*\/dist\.building-\d+\) \[ENOSPC\]: free some space on that disk \(or build elsewhere with SCRUTINEER_OUT=<folder>\), then run npm run build again\.$/m);
    expect(result.stderr).toMatch(/^The build failed; nothing was published and .*\/dist is unchanged\.$/m);
    expect(result.stdout).toContain('left: dist\n');
    expect(result.stdout).toContain('old: the old site');
    expect(out).not.toMatch(/^\s+at /m);
  }, 180_000);

  it('an old site that cannot be removed: the new site is published, with a warning, and the next build tidies up', () => {
    const result = inNamespace(`
      D=$(mktemp -d); mount -t tmpfs tmpfs "$D"
      mkdir -p "$D/dist/busy"; echo 'the old site' > "$D/dist/index.html"; mount -t tmpfs tmpfs "$D/dist/busy"
      SCRUTINEER_OUT="$D/dist" $BUILD; echo "status=$?"
      echo "left: $(ls "$D" | tr '\\n' ' ')"; grep -c '<html' "$D/dist/index.html"
      umount "$D"/dist.old-*/busy
      SCRUTINEER_OUT="$D/dist" $BUILD; echo "status=$?"; echo "then: $(ls "$D" | tr '\\n' ' ')"`);
    expect(result.stdout).toContain('status=0\nleft: dist dist.old-');
    expect(result.stdout).toContain('status=0\nthen: dist \n');
    expect(result.stderr).toMatch(
      /^Warning: the new site is published in .*\/dist, but the previous one could not be removed from .*\/dist\.old-\d+: A file or folder is in use \(rmdir .*\/busy\) \[EBUSY\]: .* Delete that folder yourself; the next build also tries again\.$/m,
    );
    expect(result.stderr).not.toMatch(/^\s+at /m);
  }, 240_000);
});
