/**
 * `npm run import -- <file.xlsx|file.csv> --quarter "2020/21 Q1" [--sheet <name>]`: converts a
 * wide spreadsheet (indicators as rows, months or quarters as columns; every sheet of a workbook,
 * or the one named) into the quarter's CSV file, reporting every row and cell it cannot map.
 * Refuses to overwrite a file. Exits 1 when any figure was not imported.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import Papa from 'papaparse';
import { parseQuarter, quarterFile } from '../src/lib/authoring/new-quarter';
import { contentFolder, readableContent, refuseExisting, runAuthoring, writeNew } from './lib/authoring-cli';
import { importSheets, type Sheet } from '../src/lib/authoring/import';
import { readWorkbook } from '../src/lib/authoring/workbook';
import { decodeText } from '../src/lib/content/text-file';

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
let sheets: Sheet[];
if (/\.xlsx$/i.test(source)) {
  const workbook = await readWorkbook(readFileSync(source));
  sheets = workbook;
  if (sheetName !== undefined) {
    sheets = sheets.filter((s) => s.name === sheetName);
    if (!sheets.length) {
      console.error(`${basename(source)} has no sheet "${sheetName}"; its sheets are ${workbook.map((s) => `"${s.name}"`).join(', ')}`);
      process.exit(1);
    }
  }
} else if (/\.csv$/i.test(source)) {
  // Excel's "CSV (Comma delimited)" is Windows-1252, and its "CSV UTF-8" starts with a byte order mark.
  sheets = [{ name: '', rows: Papa.parse<string[]>(decodeText(readFileSync(source)).text, { skipEmptyLines: true }).data }];
} else {
  console.error(`${basename(source)} is not an .xlsx or .csv file; save the spreadsheet as Excel (.xlsx) or CSV first`);
  process.exit(1);
}
await runAuthoring(() => {
  refuseExisting(root, quarterFile(parseQuarter(quarter)), 'Move it aside to import again.');
  const result = importSheets(content, sheets, quarter, basename(source));
  for (const line of result.notes) console.error(line);
  for (const line of result.skipped) console.error(line);
  if (result.rows === 0) {
    console.error('\nNothing could be imported, so no file was written.');
    process.exit(1);
  }
  writeNew(root, result.file, result.csv);
  console.log(`Created ${result.file} with ${result.rows} values${result.skipped.length ? `; ${result.skipped.length} thing${result.skipped.length === 1 ? ' was' : 's were'} not imported (listed above): add ${result.skipped.length === 1 ? 'it' : 'them'} to the file by hand, or correct the sheet and import again` : ''}.`);
  console.log('Next: run npm run check, and add any comparator figures, statuses and notes by hand.');
  if (result.skipped.length) process.exitCode = 1;
});
