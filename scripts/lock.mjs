/**
 * One Astro process at a time per project: Astro keeps generated modules in the project's .astro/
 * folder, so two builds (or a build and a dev server) of different content folders would mix them.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Waits for the project's lock, takes it, and releases it when this process exits. */
/**
 * @param {string} projectDir
 * @returns {Promise<() => void>}
 */
export async function takeBuildLock(projectDir) {
  const lock = join(projectDir, '.scrutineer', 'build.lock');
  mkdirSync(join(lock, '..'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      const release = () => rmSync(lock, { recursive: true, force: true });
      process.on('exit', release);
      return release;
    } catch (/** @type {any} */ error) {
      if (error?.code !== 'EEXIST') throw error;
      let holder = 0;
      try {
        holder = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      } catch {
        // The other process is between creating the lock and writing its pid.
      }
      if (holder && !isRunning(holder)) rmSync(lock, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** @param {number} pid */
function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
