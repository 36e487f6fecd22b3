/**
 * `npm run import:ees -- <file.csv>... --quarter "2024/25 Q3"` (or `--backfill`): fills the
 * council's, England's, the region's and the statistical neighbours' figures from DfE's Explore
 * Education Statistics data files, for every indicator whose `ees:` block names one of them.
 * Writes nothing when anything is wrong; prints what it wrote, revised, left and skipped.
 */
import { contentFolder } from './lib/authoring-cli';
import { EesError } from '../src/lib/ees/errors';
import { importEes } from '../src/lib/ees/run';
import { summarise } from '../src/lib/ees/summary';

const USAGE = 'Usage: npm run import:ees -- <file.csv>... --quarter "2024/25 Q3"\n       npm run import:ees -- <file.csv>... --backfill';

const args = process.argv.slice(2);
const paths: string[] = [];
let quarter: string | undefined;
let backfill = false;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--quarter') {
    quarter = args[++i];
    if (quarter === undefined) {
      console.error(`--quarter needs a quarter, such as "2024/25 Q3"\n${USAGE}`);
      process.exit(2);
    }
  } else if (args[i] === '--backfill') backfill = true;
  else if (args[i].startsWith('--')) {
    console.error(`Unknown option ${args[i]}\n${USAGE}`);
    process.exit(2);
  } else paths.push(args[i]);
}
if (!paths.length) {
  console.error(`Give at least one EES data file.\n${USAGE}`);
  process.exit(2);
}

try {
  const result = await importEes(contentFolder(), paths, { quarter, backfill });
  for (const line of summarise(result)) console.log(line);
  if (result.written.length) console.log('Next: run npm run check, look at the pages with npm run dev, and commit the data files.');
} catch (error) {
  if (error instanceof EesError) {
    for (const p of error.problems) console.error(p);
    console.error('\nNothing was written.');
    process.exit(1);
  }
  throw error;
}
