/**
 * `npm run new:quarter -- "2020/21 Q1"`: creates the quarter's CSV file with a row for every
 * indicator and period it needs, values empty. When the file exists (import:ees --backfill makes
 * the Q3 and Q4 files of DfE's releases), it adds the rows the file lacks and changes nothing
 * else, saying what it added.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeText } from '../src/lib/content/text-file';
import { AuthoringError, addToQuarter, describeAdded, newQuarter, parseQuarter, quarterFile } from '../src/lib/authoring/new-quarter';
import { contentFolder, readableContent, runAuthoring, writeNew } from './lib/authoring-cli';

const root = contentFolder();
const [quarter, ...rest] = process.argv.slice(2);
if (!quarter || rest.length) {
  console.error('Usage: npm run new:quarter -- "2020/21 Q1"');
  process.exit(2);
}
const content = await readableContent(root, (c) => c.indicators.length > 0, 'the new file is made from the indicators and the previous quarter.');
await runAuthoring(() => {
  const path = join(root, quarterFile(parseQuarter(quarter)));
  if (existsSync(path)) {
    const bytes = readFileSync(path);
    const { encoding, firstBadByte } = decodeText(bytes);
    if (encoding !== 'utf-8') {
      // Adding rows re-saves the file; as UTF-8 its "£" and curly quotes would change, which this command promises not to do.
      throw new AuthoringError(`${quarterFile(parseQuarter(quarter))}:${firstBadByte?.line ?? 1}:${firstBadByte?.column ?? 1}: is not saved as UTF-8 (Excel's "CSV (Comma delimited)" writes Windows-1252), so rows cannot be added without changing its other lines; it was not changed. Save it in Excel as "CSV UTF-8 (Comma delimited)" and run this again`);
    }
    const result = addToQuarter(content, quarter, bytes.toString('utf8'));
    for (const line of describeAdded(result)) console.log(line);
    if (!result.added.length) return;
    // Written beside the file and renamed into place, so a failure never leaves half a file.
    writeFileSync(`${path}.new-quarter.tmp`, result.csv);
    renameSync(`${path}.new-quarter.tmp`, path);
    console.log('Next: type each value into the value column (or set status to not-available), then run npm run check.');
    return;
  }
  const made = newQuarter(content, quarter);
  writeNew(root, made.file, made.csv);
  console.log(`Created ${made.file} with ${made.rows} rows to fill in.`);
  console.log('Next: type each value into the value column (or set status to not-available), then run npm run check.');
});
