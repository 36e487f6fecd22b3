/**
 * What every step of `npm run build` that runs in a process of its own (Astro, the search index)
 * does first: refuse to run by hand, report any failure in words, and stop with scripts/build.mjs.
 */
import { describeFailure } from './failure.mjs';

/**
 * Checks the environment the step needs, and returns `failed(error)`, which prints the failure on
 * a line of its own (a step may be part-way through a progress line), in words, with the file and
 * line where content is at fault, never a stack trace, and exits 1.
 */
export function startBuildStep(script, required) {
  const missing = required.filter((name) => !process.env[name]);
  if (missing.length) {
    console.error(`${script} is run by scripts/build.mjs; use npm run build.`);
    process.exit(2);
  }
  // For the fault tests only: SCRUTINEER_KILL_AT=step:<script's file name> kills this step as the
  // system does when the machine runs out of memory.
  if (process.env.SCRUTINEER_KILL_AT === `step:${script.split('/').at(-1)}`) process.kill(process.pid, 'SIGKILL');
  const root = process.env.SCRUTINEER_ROOT ?? process.cwd();
  const failed = (error) => {
    console.error(`\n${describeFailure(error, root, process.env.SCRUTINEER_OUT)}`);
    process.exit(1);
  };
  process.on('uncaughtException', failed);
  process.on('unhandledRejection', failed);
  // scripts/build.mjs was stopped, however hard: stop too, rather than write on into a folder that
  // the next build removes, or race that build for the project's .astro/ folder. The channel must
  // not keep this process alive once the step is done.
  process.on('disconnect', () => process.exit(1));
  process.channel?.unref();
  return failed;
}
