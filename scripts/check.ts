/**
 * `npm run check`: validates the content without building. Prints every problem, one per line as
 * `path:line:column: message` (or as GitHub annotations with `--format github`), and exits 1 when
 * there is any.
 */
import { resolve } from 'node:path';
import { loadContent } from '../src/lib/content/load';
import { formatGithubAnnotation, formatProblem } from '../src/lib/content/problems';

const args = process.argv.slice(2);
let format = 'plain';
let root = process.env.SCRUTINEER_ROOT ?? '.';
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--format') format = args[++i];
  else if (a.startsWith('--format=')) format = a.slice('--format='.length);
  else if (a === '--root') root = args[++i];
  else if (a === '--help' || a === '-h') {
    console.log('Usage: npm run check -- [--root <folder>] [--format plain|github]');
    process.exit(0);
  } else {
    console.error(`Unknown option ${a}; use --root <folder> or --format plain|github`);
    process.exit(2);
  }
}
if (format !== 'plain' && format !== 'github') {
  console.error(`Unknown format "${format}"; use plain or github`);
  process.exit(2);
}

const { problems, content } = await loadContent(resolve(root));
for (const p of problems) console.log(format === 'github' ? formatGithubAnnotation(p) : formatProblem(p));
if (problems.length) {
  console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} found. Nothing can be published until ${problems.length === 1 ? 'it is' : 'they are'} fixed.`);
  process.exit(1);
}
console.error(
  `Content is valid: ${content!.committees.length} committees, ${content!.meetings.length} meetings, ${content!.indicators.length} indicators, ${content!.observations.length} data rows.`,
);
