/**
 * The first step of `npm run build`, run by scripts/build.mjs in a process of its own: validates the
 * content, prints its problems and warnings, and when it is valid writes it to the file named in
 * SCRUTINEER_VALIDATED for Astro. Run apart so that what validation reads and works out (every
 * file, and the views the disclosure check of the text builds) is gone from memory when Astro
 * starts: the build's peak is then Astro's, not Astro's plus the checker's (README, "Memory").
 * Not meant to be run by hand.
 */
import { loadContent } from '../src/lib/content/load';
import { formatProblem } from '../src/lib/content/problems';
import { writeValidatedContent } from '../src/lib/site-data';
import { describeFailure } from './lib/failure.mjs';

const root = process.env.SCRUTINEER_ROOT;
const file = process.env.SCRUTINEER_VALIDATED;
const outDir = process.env.SCRUTINEER_PUBLISHED;
if (!root || !file || !outDir) {
  console.error('scripts/validate-for-build.ts is run by scripts/build.mjs; use npm run build.');
  process.exit(2);
}
// scripts/build.mjs was stopped: stop too.
process.on('disconnect', () => process.exit(1));
process.channel?.unref();

try {
  const { problems, warnings, content } = await loadContent(root);
  // Warnings (probably unfinished, not wrong) are shown but do not stop the build; CI's
  // `npm run check -- --strict` is where they fail.
  for (const w of problems.length ? [] : warnings) console.log(formatProblem(w));
  if (problems.length) {
    for (const p of problems) console.log(formatProblem(p));
    console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} found; nothing was published and ${outDir} is unchanged.`);
    process.exit(1);
  }
  writeValidatedContent(file, { root, drafts: false, content: content! });
} catch (error) {
  console.error(`\n${describeFailure(error, root, outDir)}\n\nThe build failed; nothing was published and ${outDir} is unchanged.`);
  process.exit(1);
}
process.exit(0);
