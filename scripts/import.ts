/**
 * `npm run import -- <file.xlsx|file.csv> --quarter "2020/21 Q1"`: converts a wide spreadsheet
 * (indicators as rows, months or quarters as columns) into the quarter's CSV file, reporting every
 * row and cell it cannot map. Refuses to overwrite a file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/node';
import { parseQuarter, quarterFile } from '../src/lib/authoring/new-quarter';
import { contentFolder, readableContent, refuseExisting, runAuthoring, writeNew } from './lib/authoring-cli';
import { importSheet, type Cell } from '../src/lib/authoring/import';

const root = contentFolder();
const args = process.argv.slice(2);
let quarter: string | undefined;
let sheetName: string | undefined;
const positional: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--quarter') quarter = args[++i];
  else if (args[i] === '--sheet') sheetName = args[++i];
  else positional.push(args[i]);
}
if (positional.length !== 1 || !quarter) {
  console.error('Usage: npm run import -- <file.xlsx|file.csv> --quarter "2020/21 Q1" [--sheet <name>]');
  process.exit(2);
}
const source = resolve(positional[0]);
if (!existsSync(source)) {
  console.error(`${positional[0]} does not exist; give the path of the spreadsheet to import`);
  process.exit(1);
}
const content = await readableContent(root, (c) => c.indicators.length > 0, 'the import needs the indicator definitions.');
let sheet: Cell[][];
if (/\.xlsx$/i.test(source)) {
  sheet = (await readSheet(readFileSync(source), sheetName ?? 1)) as Cell[][];
} else if (/\.csv$/i.test(source)) {
  sheet = Papa.parse<string[]>(readFileSync(source, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
} else {
  console.error(`${basename(source)} is not an .xlsx or .csv file; save the spreadsheet as Excel (.xlsx) or CSV first`);
  process.exit(1);
}
await runAuthoring(() => {
  refuseExisting(root, quarterFile(parseQuarter(quarter)), 'Move it aside to import again.');
  const result = importSheet(content, sheet, quarter, basename(source));
  for (const line of result.skipped) console.error(line);
  if (result.rows === 0) {
    console.error('\nNothing could be imported, so no file was written.');
    process.exit(1);
  }
  writeNew(root, result.file, result.csv);
  console.log(`Created ${result.file} with ${result.rows} values${result.skipped.length ? `; ${result.skipped.length} thing${result.skipped.length === 1 ? ' was' : 's were'} not imported (listed above)` : ''}.`);
  console.log('Next: run npm run check, and add any comparator figures, statuses and notes by hand.');
  if (result.skipped.length) process.exitCode = 1;
});
