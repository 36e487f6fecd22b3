/**
 * What a build writes beside its output folder, and how the next build clears what a killed one
 * left. Everything is named after the output folder and the process id of the build that made it
 * (`dist.building-4242`, `dist.building-4242-cache`, `dist.building-4242.validated`,
 * `dist.old-4242`), so a later build can tell its own from another's and leave a running build's
 * files alone.
 */
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describeFailure } from './failure.mjs';

/**
 * @param {string} outDir
 * @param {number} pid
 */
export function stagingNames(outDir, pid) {
  const staging = `${outDir}.building-${pid}`;
  return {
    /** The new site, until it is complete. */
    staging,
    /** Astro's cache for this build. */
    cache: `${staging}-cache`,
    /** The validated content handed to the Astro process. */
    validated: `${staging}.validated`,
    /** The previous site, between the swap and its removal. */
    old: `${outDir}.old-${pid}`,
  };
}

/** @param {number} pid */
function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/** @param {string} s */
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Removes what builds that are no longer running left beside `outDir`. A build killed between
 * moving the old site aside and moving the new one in leaves no `outDir` at all: the old site is
 * put back. Returns warnings for what could not be removed; never throws, since leftovers must not
 * stop a build.
 */
/**
 * @param {string} outDir
 * @returns {string[]}
 */
export function sweepLeftovers(outDir) {
  /** @type {string[]} */
  const warnings = [];
  const parent = dirname(outDir);
  const pattern = new RegExp(`^${escapeRe(basename(outDir))}\\.(building|old)-(\\d+)(-cache|\\.validated)?$`);
  /** @type {{ path: string, kind: string, suffix?: string }[]} */
  const found = [];
  try {
    for (const name of existsSync(parent) ? readdirSync(parent).sort() : []) {
      const m = pattern.exec(name);
      if (m && Number(m[2]) !== process.pid && !isRunning(Number(m[2]))) found.push({ path: join(parent, name), kind: m[1], suffix: m[3] });
    }
    // Builds before these names kept the validated content in the system's temporary folder.
    for (const name of readdirSync(tmpdir())) {
      const m = /^scrutineer-validated-(\d+)\.bin$/.exec(name);
      if (m && !isRunning(Number(m[1]))) found.push({ path: join(tmpdir(), name), kind: 'temporary' });
    }
  } catch (error) {
    warnings.push(`could not look for what earlier builds left: ${describeFailure(error)}`);
    return warnings;
  }
  for (const { path, kind, suffix } of found) {
    try {
      if (kind === 'old' && !suffix && !existsSync(outDir)) {
        renameSync(path, outDir);
        warnings.push(`a build was stopped while swapping sites; the previous site was put back in ${outDir}`);
      } else rmSync(path, { recursive: true, force: true });
    } catch (error) {
      warnings.push(`could not remove ${path}, which an earlier build left: ${describeFailure(error)} Delete it yourself.`);
    }
  }
  return warnings;
}

/**
 * For the fault tests (tests/build-faults.test.ts) only: SCRUTINEER_KILL_AT=<point> kills this
 * build at that point, as a power cut or a cancelled CI job would, with no chance to clean up.
 */
/** @param {string} point */
export function faultPoint(point) {
  if (process.env.SCRUTINEER_KILL_AT === point) process.kill(process.pid, 'SIGKILL');
}
