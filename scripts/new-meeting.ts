/**
 * `npm run new:meeting -- <committee-id> <YYYY-MM-DD> --period "2020/21 Q1"`: creates the meeting's
 * MDX file with its front matter and headings, as a draft. Refuses to overwrite a file.
 */
import { newMeeting } from '../src/lib/authoring/new-meeting';
import { contentFolder, readableContent, runAuthoring, writeNew } from './lib/authoring-cli';

const root = contentFolder();
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
const content = await readableContent(root, (c) => c.committees.length > 0, '', true);
await runAuthoring(() => {
  const made = newMeeting(content, positional[0], positional[1], period);
  writeNew(root, made.file, made.text);
  console.log(`Created ${made.file} as a draft${made.openActions ? `, with ${made.openActions} open action${made.openActions === 1 ? '' : 's'} from earlier meetings to report on` : ''}.`);
  console.log('Next: fill in the front matter and the text, preview with npm run dev, then remove "draft: true" and run npm run check.');
});
