/**
 * `npm run fuzz`: applies seeded random mutations to a copy of the content and reports, by kind,
 * whether each was caught with its file and line, accepted correctly, crashed, or accepted
 * silently. Exits 1 on a crash, on a harmful kind accepted silently, or when a build disagrees
 * with check. The same seed gives the same mutations.
 *
 *   npm run fuzz -- [--seed 1] [--seconds 60] [--count N] [--builds 2] [--root <folder>] [--kind <kind>]... [--verbose]
 */
import { resolve } from 'node:path';
import { fuzz, summarise } from './run';
import { KINDS } from './mutations';

const args = process.argv.slice(2);
const options = { seed: 1, seconds: 60, count: undefined as number | undefined, builds: 2, root: '.', kinds: [] as string[], verbose: false };
for (let i = 0; i < args.length; i++) {
  const [name, inline] = args[i].split('=', 2);
  const value = () => inline ?? args[++i];
  const number = (what: string) => {
    const n = Number(value());
    if (!Number.isFinite(n) || n < 0) {
      console.error(`${what} must be a number, like ${name} 10`);
      process.exit(2);
    }
    return n;
  };
  if (name === '--seed') options.seed = number('--seed');
  else if (name === '--seconds') options.seconds = number('--seconds');
  else if (name === '--count') options.count = number('--count');
  else if (name === '--builds') options.builds = number('--builds');
  else if (name === '--root') options.root = value();
  else if (name === '--kind') options.kinds.push(value());
  else if (name === '--verbose') options.verbose = true;
  else if (name === '--list') {
    for (const k of KINDS) console.log(`${k.kind.padEnd(28)} ${k.target.padEnd(13)} ${k.expect.padEnd(7)} ${k.harmful ? 'harmful' : ''}`);
    process.exit(0);
  } else {
    console.error('Usage: npm run fuzz -- [--seed 1] [--seconds 60] [--count N] [--builds 2] [--root <folder>] [--kind <kind>]... [--list] [--verbose]');
    process.exit(2);
  }
}
const unknown = options.kinds.filter((k) => !KINDS.some((m) => m.kind === k));
if (unknown.length) {
  console.error(`Unknown kind ${unknown.join(', ')}; npm run fuzz -- --list shows them.`);
  process.exit(2);
}

process.env.ASTRO_TELEMETRY_DISABLED = '1';
console.error(`Fuzzing ${resolve(options.root)} with seed ${options.seed} for up to ${options.seconds} s${options.count ? ` or ${options.count} mutations` : ''}, building ${options.builds}.`);
const report = await fuzz({
  source: resolve(options.root),
  seed: options.seed,
  seconds: options.seconds,
  count: options.count,
  builds: options.builds,
  kinds: options.kinds.length ? options.kinds : undefined,
  log: options.verbose ? (line) => console.error(line) : undefined,
});
console.log(summarise(report));
if (report.failures.length) {
  console.log(`\nFAILED:\n${report.failures.join('\n')}`);
  process.exit(1);
}
console.log('\nNo crash, no harmful mutation accepted, and every build agreed with check.');
