/**
 * `npm run bench`: generates synthetic content sets (scripts/bench/generate.ts), checks and builds
 * them through scripts/build.mjs, and prints what the build costs as plain lines, with the targets
 * each figure is held to and PASS or FAIL beside it. Nothing asserts on them: timings depend on
 * the machine, and on what else it is doing.
 *
 *   npm run bench                   # 200 meetings with and without charts, then 100 and 50
 *   npm run bench -- --no-growth    # only the 200-meeting builds
 *   npm run bench -- --keep         # keep the generated content and the built sites
 *
 * It ends with `import:ees` on DfE's files for one council (scripts/bench/import-ees.ts).
 *
 * Build times are wall seconds of the build process, less any time it spent waiting for another
 * build's lock (scripts/lock.mjs), with the time of each step (validation, Astro, search index) as
 * build.mjs reports them through SCRUTINEER_BUILD_TIMINGS. Peak memory is the largest sum of the
 * resident sets of all the build's processes at one moment, sampled from /proc every 50 ms: what a
 * machine (or a CI runner) must have free. CPU time comes from /usr/bin/time (Debian's `time`).
 *
 *   npm run bench -- --no-2000      # without the 2,000-meeting build (about two minutes)
 *   npm run bench -- --limit 1G     # also build the sample and 200 meetings under that memory limit
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { generate, type GenerateOptions } from './generate';

const PROJECT = resolve(import.meta.dirname, '..', '..');
const TSX = join(PROJECT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const TIME = '/usr/bin/time';

// The targets (on a 2-core machine).
const TARGET = {
  buildSeconds: 20,
  peakRssBytes: 500e6,
  bigPeakRssBytes: 1e9,
  bigTimeRatio: 11,
  chartMedianMs: 2.5,
  chartCostRatio: 1.6,
  growthRatio: 2.2,
  meetingPageGzipBytes: 40_000,
  javascriptBytes: 0,
  stylesheets: 1,
  /** Link preview cards' share of the build's wall time. */
  cardShare: 0.25,
};

const args = process.argv.slice(2);
const keep = args.includes('--keep');
const growth = !args.includes('--no-growth');
const huge = growth && !args.includes('--no-2000');
const limitArg = args.includes('--limit') ? args[args.indexOf('--limit') + 1] : undefined;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--limit') {
    i++;
    continue;
  }
  if (!['--keep', '--no-growth', '--no-2000'].includes(args[i])) {
    console.error(`Unknown option ${args[i]}; use --keep, --no-growth, --no-2000 or --limit <size such as 1G>`);
    process.exit(2);
  }
}

interface Run {
  /** Wall seconds of the build, less the lock wait. */
  seconds: number;
  lockWaitSeconds: number;
  /** User + system CPU seconds, when /usr/bin/time is there. */
  cpuSeconds?: number;
  peakRssBytes?: number;
  chartMs: number[];
  /** Milliseconds each link preview card took to draw (identical cards are drawn once). */
  cardMs: number[];
  /** How many of them were drawn in the background, while the meeting pages rendered. */
  cardsInBackground: number;
  /** From the first card page asked for to the last one ready: what the card pages cost the build. */
  cardSpanMs: number;
  /** Wall seconds of each step of the build. */
  steps: { validate: number; astro: number; search: number };
}

function run(command: string[], env: Record<string, string>, { measure = false } = {}): Promise<{ status: number; stderr: string; seconds: number; cpuSeconds?: number; peakRssBytes?: number }> {
  const timeFile = join(work, `time-${Math.random().toString(36).slice(2)}.txt`);
  const useTime = measure && existsSync(TIME);
  const argv = useTime ? [TIME, '-f', '%e %U %S %M', '-o', timeFile, ...command] : command;
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(argv[0], argv.slice(1), { cwd: PROJECT, env: { ...cleanEnv(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.on('data', (d) => (stderr += d));
    child.stderr.on('data', (d) => (stderr += d));
    // The build's memory is that of all its processes at once: sample their sum.
    let peak = 0;
    const sampler = measure ? setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 50) : undefined;
    child.on('error', fail);
    child.on('close', (status) => {
      if (sampler) clearInterval(sampler);
      const seconds = (performance.now() - started) / 1000;
      let cpuSeconds: number | undefined;
      if (useTime && existsSync(timeFile)) {
        const last = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
        rmSync(timeFile, { force: true });
        cpuSeconds = last[1] + last[2];
      }
      done({ status: status ?? 1, stderr, seconds, cpuSeconds, ...(measure && { peakRssBytes: peak }) });
    });
  });
}

/** The sum of the resident sets (VmRSS, bytes) of a process and all its descendants, from /proc. */
function treeRss(pid: number): number {
  let sum = 0;
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      const rss = /VmRSS:\s+(\d+) kB/.exec(status);
      if (rss) sum += Number(rss[1]) * 1024;
      for (const task of readdirSync(`/proc/${p}/task`)) {
        for (const c of readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) visit(Number(c));
      }
    } catch {
      // The process has ended.
    }
  };
  visit(pid);
  return sum;
}

/** The environment of a person's shell, without what npm adds. */
function cleanEnv() {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !/^npm_/.test(k)) env[k] = v;
  delete env.SCRUTINEER_CHARTS;
  delete env.SCRUTINEER_CHART_TIMINGS;
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1' };
}

async function build(root: string, out: string, { charts = true } = {}): Promise<Run> {
  const timings = join(work, `build-timings-${Math.random().toString(36).slice(2)}.json`);
  const chartFile = join(work, `chart-timings-${Math.random().toString(36).slice(2)}.txt`);
  const cardFile = join(work, `card-timings-${Math.random().toString(36).slice(2)}.txt`);
  const result = await run(
    // As `npm run build` runs it: one Node process with tsx's loader (not tsx's command, which
    // starts a second process to run the first).
    [process.execPath, join(PROJECT, 'scripts', 'build.mjs')],
    {
      SCRUTINEER_ROOT: root,
      SCRUTINEER_OUT: out,
      SCRUTINEER_QUIET: '1',
      SCRUTINEER_BUILD_TIMINGS: timings,
      SCRUTINEER_CARD_TIMINGS: cardFile,
      ...(charts ? { SCRUTINEER_CHART_TIMINGS: chartFile } : { SCRUTINEER_CHARTS: '0' }),
    },
    { measure: true },
  );
  if (result.status !== 0) throw new Error(`The build of ${root} failed:\n${result.stderr}`);
  const t = JSON.parse(readFileSync(timings, 'utf8'));
  const chartMs = existsSync(chartFile) ? readFileSync(chartFile, 'utf8').trim().split('\n').filter(Boolean).map(Number) : [];
  rmSync(timings, { force: true });
  // Lines `drawn <ms> <here|background>`, one a drawing, and `asked <when> <ready>` (ms since 1970),
  // one a card page (src/lib/cards/site-cards.ts).
  const cardLines = existsSync(cardFile) ? readFileSync(cardFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => l.split(' ')) : [];
  const drawn = cardLines.filter(([what]) => what === 'drawn');
  const asked = cardLines.filter(([what]) => what === 'asked').map(([, when, ready]) => [Number(when), Number(ready)]);
  const cardMs = drawn.map(([, ms]) => Number(ms));
  const cardsInBackground = drawn.filter(([, , where]) => where === 'background').length;
  const cardSpanMs = asked.length ? Math.max(...asked.map(([, ready]) => ready)) - Math.min(...asked.map(([when]) => when)) : 0;
  rmSync(chartFile, { force: true });
  rmSync(cardFile, { force: true });
  const lockWaitSeconds = t.lockWaitMs / 1000;
  const steps = { validate: t.validateMs / 1000, astro: t.astroMs / 1000, search: t.searchMs / 1000 };
  return { seconds: result.seconds - lockWaitSeconds, lockWaitSeconds, cpuSeconds: result.cpuSeconds, peakRssBytes: result.peakRssBytes, chartMs, cardMs, cardsInBackground, cardSpanMs, steps };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const median = (xs: number[]) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

interface SiteFigures {
  pages: number;
  charts: number;
  /** Link preview cards (PNG) published. */
  cards: number;
  meetingPages: number;
  meetingMedian: { bytes: number; gzip: number };
  meetingLargest: { bytes: number; gzip: number; path: string };
  jsMeeting: number;
  jsIndicator: number;
  stylesheets: Set<string>;
  pagesWithoutOneStylesheet: number;
  inlineStyles: number;
}

/** Sizes, scripts and stylesheets of a built site. */
function analyse(out: string): SiteFigures {
  const pages = walk(out).filter((f) => f.endsWith('.html'));
  const rel = (f: string) => relative(out, f).split(sep).join('/');
  const isMeeting = (f: string) => /^[^/]+\/\d{4}-\d{2}-\d{2}\/index\.html$/.test(rel(f));
  const isIndicator = (f: string) => /^indicators\/[^/]+\/index\.html$/.test(rel(f));
  const base = (() => {
    // Script and stylesheet addresses start with the base path; the files sit under out/.
    const first = readFileSync(pages[0], 'utf8');
    const m = /<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/.exec(first) ?? /<link[^>]+href="([^"]+)"[^>]+rel="stylesheet"/.exec(first);
    return m ? m[1].replace(/_astro\/.*$/, '') : '/';
  })();
  const fileOf = (href: string) => join(out, href.startsWith(base) ? href.slice(base.length) : href.replace(/^\//, ''));
  const scriptBytes = (html: string) => {
    let bytes = 0;
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      const src = /\bsrc="([^"]+)"/.exec(m[1]);
      if (/type="application\/(ld\+)?json"/.test(m[1])) continue;
      bytes += Buffer.byteLength(m[2]);
      if (src && existsSync(fileOf(src[1]))) bytes += statSync(fileOf(src[1])).size;
      else if (src) bytes += 1; // a script we cannot find still counts as script
    }
    // Inline event handlers are script too.
    for (const m of html.matchAll(/\son[a-z]+="([^"]*)"/g)) bytes += Buffer.byteLength(m[1]);
    return bytes;
  };

  let charts = 0;
  let jsMeeting = 0;
  let jsIndicator = 0;
  let pagesWithoutOneStylesheet = 0;
  let inlineStyles = 0;
  const stylesheets = new Set<string>();
  const meetingSizes: { bytes: number; gzip: number; path: string }[] = [];
  for (const f of pages) {
    const buffer = readFileSync(f);
    const html = buffer.toString('utf8');
    // Each chart is drawn twice, wide and narrow (src/lib/charts/fit.ts): count the wide drawings.
    charts += html.match(/<svg[^>]*class="scrutineer-chart scrutineer-chart--wide"/g)?.length ?? 0;
    const links = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)].map((m) => /href="([^"]+)"/.exec(m[0])?.[1] ?? '');
    for (const l of links) stylesheets.add(l);
    if (links.length !== 1) pagesWithoutOneStylesheet++;
    inlineStyles += html.match(/<style\b/g)?.length ?? 0;
    if (isMeeting(f)) {
      meetingSizes.push({ bytes: buffer.length, gzip: gzipSync(buffer).length, path: rel(f) });
      jsMeeting = Math.max(jsMeeting, scriptBytes(html));
    }
    if (isIndicator(f)) jsIndicator = Math.max(jsIndicator, scriptBytes(html));
  }
  const byGzip = [...meetingSizes].sort((a, b) => a.gzip - b.gzip);
  return {
    pages: pages.length,
    charts,
    cards: existsSync(join(out, 'cards')) ? walk(join(out, 'cards')).filter((f) => f.endsWith('.png')).length : 0,
    meetingPages: meetingSizes.length,
    meetingMedian: { bytes: median(meetingSizes.map((s) => s.bytes)), gzip: median(meetingSizes.map((s) => s.gzip)) },
    meetingLargest: byGzip.at(-1) ?? { bytes: 0, gzip: 0, path: '' },
    jsMeeting,
    jsIndicator,
    stylesheets,
    pagesWithoutOneStylesheet,
    inlineStyles,
  };
}

/** "validate 3.1 s, Astro 14.2 s, search index 1.9 s". */
function stepsText(r: Run) {
  return `validate ${s1(r.steps.validate)} s, Astro ${s1(r.steps.astro)} s, search index ${s1(r.steps.search)} s`;
}

/** "1G", "512M" in bytes. */
function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([KMG])?$/i.exec(text);
  if (!m) throw new Error(`--limit ${text} is not a size; write it like 1G or 768M`);
  return Number(m[1]) * { K: 2 ** 10, M: 2 ** 20, G: 2 ** 30 }[(m[2] ?? '').toUpperCase() as 'K' | 'M' | 'G'] || Number(m[1]);
}

/**
 * Builds a content set inside a memory cgroup with this limit (cgroup v2 at /sys/fs/cgroup, or the
 * v1 memory controller), as a CI runner of that size would, and says whether it was built or how
 * it failed. Needs root; otherwise says so.
 */
async function underLimit(limit: number, root: string, out: string): Promise<string> {
  const v2 = existsSync('/sys/fs/cgroup/cgroup.controllers') && readFileSync('/sys/fs/cgroup/cgroup.controllers', 'utf8').includes('memory');
  const base = v2 ? '/sys/fs/cgroup' : '/sys/fs/cgroup/memory';
  const group = join(base, `scrutineer-bench-${process.pid}`);
  try {
    mkdirSync(group);
    writeFileSync(join(group, v2 ? 'memory.max' : 'memory.limit_in_bytes'), String(Math.floor(limit)));
    if (v2) writeFileSync(join(group, 'memory.swap.max'), '0');
    else if (existsSync(join(group, 'memory.memsw.limit_in_bytes'))) writeFileSync(join(group, 'memory.memsw.limit_in_bytes'), String(Math.floor(limit)));
  } catch (error) {
    return `not measured: cannot make a memory cgroup here (${(error as Error).message.split('\n')[0]}); run as root on Linux`;
  }
  try {
    const script = `echo $$ > ${join(group, 'cgroup.procs')} && exec "$@"`;
    const result = await run(['sh', '-c', script, 'sh', process.execPath, join(PROJECT, 'scripts', 'build.mjs')], { SCRUTINEER_ROOT: root, SCRUTINEER_OUT: out, SCRUTINEER_QUIET: '1' }, { measure: true });
    const killed = /out of memory|heap limit|Killed|SIGKILL/i.test(result.stderr) || result.status === 137;
    return result.status === 0
      ? `built in ${s1(result.seconds)} s, peak ${mb(result.peakRssBytes!)}`
      : `FAILED (${killed ? 'out of memory' : `exit ${result.status}`}): ${result.stderr.trim().split('\n').at(-1)}`;
  } finally {
    try {
      rmdirSync(group);
    } catch {
      // Still holds a process that has not been reaped; the kernel removes it with the last one.
    }
  }
}

const s1 = (x: number) => x.toFixed(1);
const s2 = (x: number) => x.toFixed(2);
const int = (x: number) => Math.round(x).toLocaleString('en-GB');
const mb = (x: number) => `${(x / 1e6).toFixed(0)} MB`;
const verdict = (ok: boolean, target: string) => `${ok ? 'PASS' : 'FAIL'} (target ${target})`;
const line = (label: string, value: string, check?: string) => console.log(check ? `${`${label}: ${value}`.padEnd(78)} ${check}` : `${label}: ${value}`);

// ---------------------------------------------------------------------------------------------

const work = mkdtempSync(join(tmpdir(), 'scrutineer-bench-'));
process.on('exit', () => {
  if (!keep) rmSync(work, { recursive: true, force: true });
});
process.on('SIGINT', () => process.exit(130));

const sizes: { meetings: number; options: Partial<GenerateOptions> }[] = [
  { meetings: 200, options: {} },
  ...(growth ? [{ meetings: 100, options: { years: 5 } }, { meetings: 50, options: { years: 2.5 } }] : []),
  ...(huge ? [{ meetings: 2000, options: { committees: 10, years: 50 } }] : []),
];
const sites = sizes.map(({ meetings, options }) => {
  const root = join(work, `content-${meetings}`);
  const result = generate(root, options);
  if (result.meetings !== meetings) throw new Error(`expected ${meetings} meetings, generated ${result.meetings}`);
  return { ...result, out: join(work, `site-${meetings}`) };
});
const big = sites[0];

const cores = cpus().length;
const gib = (totalmem() / 2 ** 30).toFixed(1);
console.log(`Scrutineer benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
line('machine', `${cores} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), ${gib} GiB memory, Node ${process.version}, load average ${loadavg().map(s2).join(' ')}`);
line('content', `${big.meetings} meetings (${big.committees} committees, 10 years, 4 a year), ${big.indicators} monthly indicators, ${big.dataFiles} data files, ${int(big.rows)} data rows`);
line('work folder', `${work}${keep ? ' (kept)' : ' (removed at the end; --keep keeps it)'}`);

const check = await run([process.execPath, TSX, join(PROJECT, 'scripts', 'check.ts'), '--root', big.root], {});
if (check.status !== 0) throw new Error(`check failed on the generated content:\n${check.stderr}`);
line('check, wall', `${s1(check.seconds)} s`);

const withCharts = await build(big.root, big.out);
const figures = analyse(big.out);
const noChartsOut = `${big.out}-no-charts`;
const withoutCharts = await build(big.root, noChartsOut, { charts: false });
const noChartFigures = analyse(noChartsOut);

const ratio = withCharts.seconds / withoutCharts.seconds;
const chartMedian = median(withCharts.chartMs);
line('build, wall', `${s1(withCharts.seconds)} s (CPU ${withCharts.cpuSeconds !== undefined ? `${s1(withCharts.cpuSeconds)} s` : 'not measured'}; lock wait ${s1(withCharts.lockWaitSeconds)} s, not counted)`, verdict(withCharts.seconds < TARGET.buildSeconds, `< ${TARGET.buildSeconds} s`));
line('build, peak RSS', `${mb(withCharts.peakRssBytes!)}, summed over the build's processes`, verdict(withCharts.peakRssBytes! < TARGET.peakRssBytes, '< 500 MB'));
line('build, steps', stepsText(withCharts));
line('pages', `${int(figures.pages)} (${figures.meetingPages} meeting pages)`);
line('charts', `${int(figures.charts)} on pages, each drawn wide and narrow; ${int(withCharts.chartMs.length)} drawings made, the others the same chart of the same data on another committee's page, reused`);
line('chart rendering, median', `${s2(chartMedian)} ms per chart drawn (total ${s1(withCharts.chartMs.reduce((a, b) => a + b, 0) / 1000)} s)`, verdict(chartMedian < TARGET.chartMedianMs, `< ${TARGET.chartMedianMs} ms`));
const cardSeconds = withCharts.cardMs.reduce((a, b) => a + b, 0) / 1000;
const cardSpanSeconds = withCharts.cardSpanMs / 1000;
line(
  'link preview cards',
  `${int(figures.cards)} PNG cards; ${int(withCharts.cardMs.length)} drawn (${int(withCharts.cardsInBackground)} in the background while the meeting pages rendered), median ${s2(median(withCharts.cardMs))} ms, ${s1(cardSeconds)} s of drawing; the card pages took ${s1(cardSpanSeconds)} s of the build (${Math.round((cardSpanSeconds / withCharts.seconds) * 100)}%)`,
  verdict(cardSpanSeconds < TARGET.cardShare * withCharts.seconds, `< ${TARGET.cardShare * 100}% of the build`),
);
line('build without charts, wall', `${s1(withoutCharts.seconds)} s (CPU ${withoutCharts.cpuSeconds !== undefined ? `${s1(withoutCharts.cpuSeconds)} s` : 'not measured'}; ${noChartFigures.pages} pages, ${noChartFigures.charts} charts)`);
line('build with charts / without', `${s2(ratio)}x`, verdict(ratio <= TARGET.chartCostRatio, `<= ${TARGET.chartCostRatio}x`));
line('meeting page, median', `${int(figures.meetingMedian.bytes)} bytes, ${int(figures.meetingMedian.gzip)} gzipped`, verdict(figures.meetingMedian.gzip < TARGET.meetingPageGzipBytes, '< 40 KB gzipped'));
line('meeting page, largest', `${int(figures.meetingLargest.bytes)} bytes, ${int(figures.meetingLargest.gzip)} gzipped (${figures.meetingLargest.path})`);
line('JavaScript, meeting pages', `${int(figures.jsMeeting)} bytes (largest page)`, verdict(figures.jsMeeting === 0, '0 bytes'));
line('JavaScript, indicator pages', `${int(figures.jsIndicator)} bytes (largest page)`, verdict(figures.jsIndicator === 0, '0 bytes'));
line(
  'stylesheets',
  `${figures.stylesheets.size} file${figures.stylesheets.size === 1 ? '' : 's'} (${[...figures.stylesheets].join(', ')}); ${figures.pagesWithoutOneStylesheet} pages without exactly one; ${figures.inlineStyles} <style> elements`,
  verdict(figures.stylesheets.size === TARGET.stylesheets && figures.pagesWithoutOneStylesheet === 0 && figures.inlineStyles === 0, 'one stylesheet'),
);

if (growth) {
  const runs = [{ meetings: big.meetings, run: withCharts }];
  for (const site of sites.slice(1)) runs.push({ meetings: site.meetings, run: await build(site.root, site.out) });
  runs.sort((a, b) => a.meetings - b.meetings);
  for (const { meetings, run: r } of runs) {
    line(
      `build, ${int(meetings)} meetings`,
      `${s1(r.seconds)} s wall${r.cpuSeconds !== undefined ? `, ${s1(r.cpuSeconds)} s CPU` : ''}, peak ${mb(r.peakRssBytes!)}; ${stepsText(r)}`,
    );
  }
  const at = (n: number) => runs.find((r) => r.meetings === n)!.run;
  const growthRatio = withCharts.seconds / at(100).seconds;
  line('growth, 200 / 100 meetings', `${s2(growthRatio)}x (100 / 50: ${s2(at(100).seconds / at(50).seconds)}x)`, verdict(growthRatio <= TARGET.growthRatio, `<= ${TARGET.growthRatio}x`));
  if (huge) {
    const r = at(2000);
    line('build, 2,000 meetings, peak RSS', mb(r.peakRssBytes!), verdict(r.peakRssBytes! < TARGET.bigPeakRssBytes, '< 1 GB'));
    const timeRatio = r.seconds / withCharts.seconds;
    line('build, 2,000 / 200 meetings, time', `${s2(timeRatio)}x`, verdict(timeRatio < TARGET.bigTimeRatio, `< ${TARGET.bigTimeRatio}x`));
    line('build, 2,000 / 200 meetings, memory', `${s2(r.peakRssBytes! / withCharts.peakRssBytes!)}x (1.00x would be flat; 2,000 / 50: ${s2(r.peakRssBytes! / at(50).peakRssBytes!)}x)`);
  }
}

if (limitArg) {
  // The smallest machine that builds: the sample site and 200 meetings, each under a memory limit.
  const limit = parseSize(limitArg);
  for (const [label, root] of [['sample site', PROJECT], ['200 meetings', big.root]] as const) {
    const result = await underLimit(limit, root, join(work, `limited-${label.replace(/\W+/g, '-')}`));
    line(`build under a ${limitArg} memory limit, ${label}`, result);
  }
}

// import:ees on DfE's files for one council (scripts/bench/import-ees.ts prints its own lines).
const ees = await run([process.execPath, TSX, join(PROJECT, 'scripts', 'bench', 'import-ees.ts')], {});
process.stdout.write(ees.status === 0 ? ees.stderr : `import:ees benchmark failed:\n${ees.stderr}`);

line('load average at the end', `${loadavg().map(s2).join(' ')} (other processes on the machine slow every figure above except sizes)`);
