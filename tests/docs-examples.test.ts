/**
 * The docs' examples are what officers copy: every ```yaml and ```csv block in
 * docs/content-format.md and docs/publishing.md must pass the check of the kind of file it shows,
 * and the spreadsheet the guide points to must import cleanly.
 *
 * Which kind of file a block shows comes from a comment just before it, `<!-- file: data/2020-21/q1.csv -->`,
 * or else from the nearest heading above it that names a file (`## indicators/<indicator-id>.yaml`).
 * A block meant to show a mistake is marked `<!-- bad example -->` just before it, and must fail.
 * A block that shows only some fields to add to a file (an `ees:` block, `confirmedSafe:`) says so
 * with `<!-- part of: content/site.yaml -->` before it, or a first line `# content/indicators/x.yaml`:
 * it is added to the sample site's own file of that kind, which must then pass.
 */
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parse, stringify as stringifyYaml } from 'yaml';
import { join } from 'node:path';
import type { ZodTypeAny } from 'astro/zod';
import { PROJECT } from './helpers/fixtures';
import { loadContent } from '../src/lib/content/load';
import { ProblemList, formatProblem } from '../src/lib/content/problems';
import { parseYaml } from '../src/lib/content/yaml-file';
import { validateWith } from '../src/lib/content/zod-issues';
import { readCsv } from '../src/lib/content/csv-file';
import { readDataFile } from '../src/lib/content/data';
import { decodeText } from '../src/lib/content/text-file';
import { parsePeriod, quarterOf } from '../src/lib/periods';
import { SiteSchema } from '../src/lib/schemas/site';
import { CommitteeSchema } from '../src/lib/schemas/committee';
import { IndicatorSchema } from '../src/lib/schemas/indicator';
import { GlossarySchema } from '../src/lib/schemas/glossary';
import { MeetingSchema } from '../src/lib/schemas/meeting';
import { importSheet } from '../src/lib/authoring/import';

const DOCS = ['docs/content-format.md', 'docs/publishing.md'];

interface Example {
  doc: string;
  /** Line of the doc where the example's text starts. */
  line: number;
  language: 'yaml' | 'csv';
  /** The file the example stands for, such as content/indicators/x.yaml, or undefined when unknown. */
  file: string | undefined;
  bad: boolean;
  /** Only some fields of the file, to be added to the sample's own. */
  part: boolean;
  text: string;
}

/** Every ```yaml and ```csv block, with the file it shows. */
function examples(doc: string): Example[] {
  const lines = readFileSync(join(PROJECT, doc), 'utf8').split('\n');
  const out: Example[] = [];
  let heading: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const h = /^#{1,6}\s+(.*)$/.exec(lines[i]);
    if (h) heading = h[1];
    const open = /^(\s*)```(yaml|csv)\s*$/.exec(lines[i]);
    if (!open) continue;
    const indent = open[1].length;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end])) end++;
    const before = lines.slice(Math.max(0, i - 3), i).join('\n');
    const marked = /<!--\s*file:\s*(\S+)\s*-->/.exec(before)?.[1];
    const partOf = /<!--\s*part of:\s*(\S+)\s*-->/.exec(before)?.[1] ?? /^\s*#\s*(content\/\S+\.(?:yaml|mdx))\s*$/.exec(lines[start] ?? '')?.[1];
    out.push({
      doc,
      line: start + 1,
      language: open[2] as 'yaml' | 'csv',
      file: partOf ?? marked ?? fileFromHeading(heading),
      bad: /<!--\s*bad example\s*-->/.test(before),
      part: partOf !== undefined,
      text: lines.slice(start, end).map((l) => l.slice(indent)).join('\n') + '\n',
    });
    i = end;
  }
  return out;
}

/** "indicators/<indicator-id>.yaml" in a heading → content/indicators/example.yaml. */
function fileFromHeading(heading: string | undefined): string | undefined {
  if (!heading) return undefined;
  const path = /`?((?:content\/)?(?:site\.yaml|glossary\.yaml|committees\/\S+\.yaml|indicators\/\S+\.yaml|meetings\/\S+\.mdx)|data\/\S+\.csv)`?/.exec(heading)?.[1];
  if (!path) return undefined;
  return path.startsWith('data/') || path.startsWith('content/') ? path : `content/${path}`;
}

const SCHEMAS: [RegExp, ZodTypeAny][] = [
  [/^content\/site\.yaml$/, SiteSchema],
  [/^content\/glossary\.yaml$/, GlossarySchema],
  [/^content\/committees\/[^/]+\.yaml$/, CommitteeSchema],
  [/^content\/indicators\/[^/]+\.yaml$/, IndicatorSchema],
  // A meeting's YAML example is its front matter.
  [/^content\/meetings\/.+\.mdx$/, MeetingSchema],
];

const sample = await loadContent(PROJECT);
const indicators = new Map(sample.content!.indicators.map((i) => [i.id, i]));

/** The problems the check finds in an example, as `path:line:column: message` with the doc's line. */
function check(example: Example): string[] {
  const problems = new ProblemList();
  const where = `${example.doc} (example at line ${example.line})`;
  if (example.language === 'yaml') {
    const schema = SCHEMAS.find(([re]) => re.test(example.file ?? ''))?.[1];
    if (!schema) return [`${where}: a YAML example for ${example.file}, which is not a YAML file Scrutineer reads`];
    const source = parseYaml(example.text, example.file!, problems, example.line - 1);
    if (example.part && !source.failed) {
      // Some fields to add: laid over the sample's own file of that kind.
      const whole = { ...sampleFile(example.file!), ...(source.data as object) };
      validateWith(schema, parseYaml(stringifyYaml(whole), example.file!, problems), example.file!, problems);
    } else validateWith(schema, source, example.file!, problems);
  } else {
    if (!example.file?.startsWith('data/')) return [`${where}: a CSV example for ${example.file}, which is not a data file`];
    const csv = readCsv(example.text, example.file, problems);
    // The example's file is the quarter of its latest period, unless its marker names one.
    const latest = csv.rows.map((r) => parsePeriod(r.cells.period ?? '')).filter((p) => p).sort((a, b) => b!.end - a!.end)[0];
    const fromName = /^data\/(\d{4})-(\d{2})\/q([1-4])\.csv$/.exec(example.file);
    const quarter = fromName ? parsePeriod(`${fromName[1]}/${fromName[2]} Q${fromName[3]}`)! : quarterOf(latest?.end ?? 0);
    readDataFile(example.file, quarter, csv, indicators, problems);
    for (const p of problems.items) p.line += example.line - 1;
  }
  return problems.items.map((p) => `${where}: ${formatProblem(p)}`);
}

/** The sample site's own file of a kind, as data: the same file, or the first of its folder. */
function sampleFile(file: string): Record<string, unknown> {
  const exact = join(PROJECT, file);
  const folder = join(PROJECT, file.replace(/\/[^/]+$/, ''));
  const path = existsSync(exact) ? exact : join(folder, readdirSync(folder).sort()[0]);
  const text = readFileSync(path, 'utf8');
  return parse(path.endsWith('.mdx') ? text.split(/^---$/m)[1] : text) as Record<string, unknown>;
}

const all = DOCS.flatMap(examples);

describe("the docs' examples", () => {
  it('are found: the content format shows every kind of YAML file, and the guide a data file', () => {
    const files = all.map((e) => e.file);
    for (const kind of ['content/site.yaml', 'content/glossary.yaml', 'content/committees/', 'content/indicators/', 'content/meetings/', 'data/']) {
      expect(files.some((f) => f?.startsWith(kind)), kind).toBe(true);
    }
    expect(all.filter((e) => e.file === undefined).map((e) => `${e.doc}:${e.line}: no file kind; put <!-- file: ... --> before it`)).toEqual([]);
  });

  it.each(all.filter((e) => !e.bad).map((e) => [`${e.doc}:${e.line} (${e.file})`, e] as const))('%s passes the check', (_, example) => {
    expect(check(example)).toEqual([]);
  });

  const bad = all.filter((e) => e.bad);
  it.runIf(bad.length > 0).each(bad.map((e) => [`${e.doc}:${e.line} (${e.file})`, e] as const))('%s, marked as a bad example, fails it', (_, example) => {
    expect(check(example)).not.toEqual([]);
  });

  it('the example spreadsheet the guide points to imports with nothing left out', () => {
    const text = decodeText(readFileSync(join(PROJECT, 'docs/examples/performance-sheet.csv'))).text;
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    const result = importSheet(sample.content!, rows, '2020/21 Q1', 'performance-sheet.csv');
    expect(result.skipped).toEqual([]);
    expect(result.rows).toBeGreaterThan(10);
  });
});
