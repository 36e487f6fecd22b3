/**
 * `npm run new:meeting -- <committee-id> <YYYY-MM-DD> --period "2020/21 Q1"`: creates the meeting's
 * MDX file with its front matter and headings, as a draft. Refuses to overwrite a file.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadContent } from '../src/lib/content/load';
import { formatProblem } from '../src/lib/content/problems';
import { AuthoringError } from '../src/lib/authoring/new-quarter';
import { newMeeting } from '../src/lib/authoring/new-meeting';

const root = resolve(process.env.SCRUTINEER_ROOT ?? '.');
const args = process.argv.slice(2);
let period: string | undefined;
const positional: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--period') period = args[++i];
  else if (args[i].startsWith('--period=')) period = args[i].slice('--period='.length);
  else positional.push(args[i]);
}
if (positional.length !== 2) {
  console.error('Usage: npm run new:meeting -- <committee-id> <YYYY-MM-DD> --period "2020/21 Q1"');
  process.exit(2);
}
const { partial: content, problems } = await loadContent(root, { drafts: true });
if (!content || content.committees.length === 0) {
  for (const p of problems) console.error(formatProblem(p));
  console.error('\nFix the problems above first.');
  process.exit(1);
}
try {
  const made = newMeeting(content, positional[0], positional[1], period);
  const target = join(root, made.file);
  if (existsSync(target)) {
    console.error(`${made.file} already exists; it was not changed.`);
    process.exit(1);
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, made.text);
  console.log(`Created ${made.file} as a draft${made.openActions ? `, with ${made.openActions} open action${made.openActions === 1 ? '' : 's'} from earlier meetings to report on` : ''}.`);
  console.log('Next: fill in the front matter and the text, preview with npm run dev, then remove "draft: true" and run npm run check.');
} catch (error) {
  if (error instanceof AuthoringError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
