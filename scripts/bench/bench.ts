/**
 * `npm run bench`: generates synthetic content sets (scripts/bench/generate.ts), checks and builds
 * them through scripts/build.ts, and prints what the build costs as plain lines, with the targets
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
 * build's lock (scripts/lock.ts), which build.ts reports through SCRUTINEER_BUILD_TIMINGS. Peak
 * memory is the largest resident set of the build's processes, from /usr/bin/time (Debian package
 * `time`) when it is installed, otherwise sampled from /proc/<pid>/status (VmHWM).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { generate, type GenerateOptions } from './generate';

const PROJECT = resolve(import.meta.dirname, '..', '..');
const TSX = join(PROJECT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const TIME = '/usr/bin/time';

// The targets (on a 2-core machine).
const TARGET = {
  buildSeconds: 45,
  peakRssBytes: 1.5e9,
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
for (const a of args) {
  if (!['--keep', '--no-growth'].includes(a)) {
    console.error(`Unknown option ${a}; use --keep or --no-growth`);
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
    // Without /usr/bin/time, sample the high-water mark of the build's processes.
    let sampledPeak = 0;
    const sampler = measure && !useTime ? setInterval(() => (sampledPeak = Math.max(sampledPeak, treePeak(child.pid!))), 100) : undefined;
    child.on('error', fail);
    child.on('close', (status) => {
      if (sampler) clearInterval(sampler);
      const seconds = (performance.now() - started) / 1000;
      if (useTime && existsSync(timeFile)) {
        const last = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
        rmSync(timeFile, { force: true });
        done({ status: status ?? 1, stderr, seconds, cpuSeconds: last[1] + last[2], peakRssBytes: last[3] * 1024 });
      } else done({ status: status ?? 1, stderr, seconds, ...(measure && { peakRssBytes: sampledPeak }) });
    });
  });
}

/** The largest VmHWM (bytes) of a process and its descendants, from /proc. */
function treePeak(pid: number): number {
  let peak = 0;
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
      if (hwm) peak = Math.max(peak, Number(hwm[1]) * 1024);
      for (const task of readdirSync(`/proc/${p}/task`)) {
        for (const c of readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) visit(Number(c));
      }
    } catch {
      // The process has ended.
    }
  };
  visit(pid);
  return peak;
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
    [process.execPath, TSX, join(PROJECT, 'scripts', 'build.ts')],
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
  const cardMs = existsSync(cardFile) ? readFileSync(cardFile, 'utf8').trim().split('\n').filter(Boolean).map(Number) : [];
  rmSync(chartFile, { force: true });
  rmSync(cardFile, { force: true });
  const lockWaitSeconds = t.lockWaitMs / 1000;
  return { seconds: result.seconds - lockWaitSeconds, lockWaitSeconds, cpuSeconds: result.cpuSeconds, peakRssBytes: result.peakRssBytes, chartMs, cardMs };
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
line('build, peak RSS', withCharts.peakRssBytes ? `${mb(withCharts.peakRssBytes)} (${existsSync(TIME) ? '/usr/bin/time' : 'sampled VmHWM'})` : 'not measured', verdict((withCharts.peakRssBytes ?? Infinity) < TARGET.peakRssBytes, '< 1.5 GB'));
line('pages', `${int(figures.pages)} (${figures.meetingPages} meeting pages)`);
line('charts', `${int(figures.charts)} on pages, each drawn wide and narrow; ${int(withCharts.chartMs.length)} drawings made, the others the same chart of the same data on another committee's page, reused`);
line('chart rendering, median', `${s2(chartMedian)} ms per chart drawn (total ${s1(withCharts.chartMs.reduce((a, b) => a + b, 0) / 1000)} s)`, verdict(chartMedian < TARGET.chartMedianMs, `< ${TARGET.chartMedianMs} ms`));
const cardSeconds = withCharts.cardMs.reduce((a, b) => a + b, 0) / 1000;
line(
  'link preview cards',
  `${int(figures.cards)} PNG cards; ${int(withCharts.cardMs.length)} drawn, median ${s2(median(withCharts.cardMs))} ms, total ${s1(cardSeconds)} s (${Math.round((cardSeconds / withCharts.seconds) * 100)}% of the build)`,
  verdict(cardSeconds < TARGET.cardShare * withCharts.seconds, `< ${TARGET.cardShare * 100}% of the build`),
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
  const runs = [{ meetings: big.meetings, seconds: withCharts.seconds, cpu: withCharts.cpuSeconds }];
  for (const site of sites.slice(1)) {
    const r = await build(site.root, site.out);
    runs.push({ meetings: site.meetings, seconds: r.seconds, cpu: r.cpuSeconds });
  }
  runs.sort((a, b) => a.meetings - b.meetings);
  for (const r of runs) {
    line(`build, ${r.meetings} meetings`, `${s1(r.seconds)} s wall${r.cpu !== undefined ? `, ${s1(r.cpu)} s CPU` : ''}, ${s2((r.seconds * 1000) / r.meetings / 1000)} s per meeting`);
  }
  const t100 = runs.find((r) => r.meetings === 100)!.seconds;
  const growthRatio = withCharts.seconds / t100;
  line('growth, 200 / 100 meetings', `${s2(growthRatio)}x (100 / 50: ${s2(t100 / runs.find((r) => r.meetings === 50)!.seconds)}x)`, verdict(growthRatio <= TARGET.growthRatio, `<= ${TARGET.growthRatio}x`));
}

// import:ees on DfE's files for one council (scripts/bench/import-ees.ts prints its own lines).
const ees = await run([process.execPath, TSX, join(PROJECT, 'scripts', 'bench', 'import-ees.ts')], {});
process.stdout.write(ees.status === 0 ? ees.stderr : `import:ees benchmark failed:\n${ees.stderr}`);

line('load average at the end', `${loadavg().map(s2).join(' ')} (other processes on the machine slow every figure above except sizes)`);
