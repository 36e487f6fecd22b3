/**
 * `npm run new:quarter -- "2020/21 Q1"`: creates the quarter's CSV file with a row for every
 * indicator and period it needs, values empty. Refuses to overwrite a file.
 */
import { newQuarter } from '../src/lib/authoring/new-quarter';
import { contentFolder, readableContent, runAuthoring, writeNew } from './lib/authoring-cli';

const root = contentFolder();
const [quarter, ...rest] = process.argv.slice(2);
if (!quarter || rest.length) {
  console.error('Usage: npm run new:quarter -- "2020/21 Q1"');
  process.exit(2);
}
const content = await readableContent(root, (c) => c.indicators.length > 0, 'the new file is made from the indicators and the previous quarter.');
await runAuthoring(() => {
  const made = newQuarter(content, quarter);
  writeNew(root, made.file, made.csv);
  console.log(`Created ${made.file} with ${made.rows} rows to fill in.`);
  console.log('Next: type each value into the value column (or set status to not-available), then run npm run check.');
});
