/**
 * `npm run new:quarter -- "2020/21 Q1"`: creates the quarter's CSV file with a row for every
 * indicator and period it needs, values empty. Refuses to overwrite a file.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadContent } from '../src/lib/content/load';
import { formatProblem } from '../src/lib/content/problems';
import { AuthoringError, newQuarter } from '../src/lib/authoring/new-quarter';

const root = resolve(process.env.SCRUTINEER_ROOT ?? '.');
const [quarter, ...rest] = process.argv.slice(2);
if (!quarter || rest.length) {
  console.error('Usage: npm run new:quarter -- "2020/21 Q1"');
  process.exit(2);
}
const { partial: content, problems } = await loadContent(root);
if (!content || content.committees.length === 0) {
  for (const p of problems) console.error(formatProblem(p));
  console.error('\nFix the problems above first: the new file is made from the indicators and the previous quarter.');
  process.exit(1);
}
try {
  const made = newQuarter(content, quarter);
  const target = join(root, made.file);
  if (existsSync(target)) {
    console.error(`${made.file} already exists; it was not changed. Edit it, or delete it first to start again.`);
    process.exit(1);
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, made.csv);
  console.log(`Created ${made.file} with ${made.rows} rows to fill in.`);
  console.log('Next: type each value into the value column (or set status to not-available), then run npm run check.');
} catch (error) {
  if (error instanceof AuthoringError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
