/**
 * `npm run check`: validates the content without building. Prints every problem, one per line as
 * `path:line:column: message` (or as GitHub annotations with `--format github`), and exits 1 when
 * there is any. Warnings (an indicator with no figure for its meeting's period, a missing quarter
 * file) are printed as `path:line:column: warning: message`; with `--strict`, as CI runs it, they
 * fail the check too.
 */
import { resolve } from 'node:path';
import { loadContent } from '../src/lib/content/load';
import { formatGithubAnnotation, formatProblem } from '../src/lib/content/problems';

const args = process.argv.slice(2);
let format = 'plain';
let strict = false;
let root = process.env.SCRUTINEER_ROOT ?? '.';
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--format') format = args[++i];
  else if (a.startsWith('--format=')) format = a.slice('--format='.length);
  else if (a === '--root') root = args[++i];
  else if (a === '--strict') strict = true;
  else if (a === '--help' || a === '-h') {
    console.log('Usage: npm run check -- [--root <folder>] [--format plain|github] [--strict]');
    process.exit(0);
  } else {
    console.error(`Unknown option ${a}; use --root <folder>, --format plain|github or --strict`);
    process.exit(2);
  }
}
if (format !== 'plain' && format !== 'github') {
  console.error(`Unknown format "${format}"; use plain or github`);
  process.exit(2);
}

const { problems, warnings, content } = await loadContent(resolve(root));
const print = format === 'github' ? formatGithubAnnotation : formatProblem;
for (const p of [...problems, ...warnings]) console.log(print(p));
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
if (problems.length) {
  console.error(`\n${plural(problems.length, 'problem')} found${warnings.length ? ` (and ${plural(warnings.length, 'warning')})` : ''}. Nothing can be published until ${problems.length === 1 ? 'it is' : 'they are'} fixed.`);
  process.exit(1);
}
if (warnings.length) {
  console.error(
    strict
      ? `\n${plural(warnings.length, 'warning')}: with --strict, as CI checks, they must be fixed before the content is accepted.`
      : `\n${plural(warnings.length, 'warning')}: the site would build, but check each one (CI runs npm run check -- --strict, which fails on them).`,
  );
  if (strict) process.exit(1);
}
console.error(
  `Content is valid${warnings.length ? ', with warnings' : ''}: ${content!.committees.length} committees, ${content!.meetings.length} meetings, ${content!.indicators.length} indicators, ${content!.observations.length} data rows.`,
);
