/**
 * Builds the sample site twice, at the root and under /performance/, with the real build script,
 * and serves each on 127.0.0.1 as a static host would. Browser tests read the addresses with
 * `inject('sites')`. It also builds the fixture sites that the layout tests (reflow.test.ts) run
 * over beside the sample, `inject('fixtureSites')`: content written to be hard to lay out.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../helpers/build';
import { PROJECT } from '../helpers/fixtures';
import { serveStatic, type StaticServer } from '../../scripts/serve';

export interface BuiltSite {
  /** The base path the site was built for: "/" or "/performance/". */
  base: string;
  /** The folder holding the built files. */
  dir: string;
  /** The address of the site's home page, ending with the base path. */
  url: string;
  /** What the site is, for test names: "sample", or the fixture's folder name. */
  name?: string;
}

/** Content sets under tests/fixtures/sites/ that the layout tests also run over, built at "/". */
// Sites laid out at every width besides the sample: content written to be hard, and a real
// council's DfE figures (issue 10's real-data fixture).
const FIXTURE_SITES = ['hard', 'worcestershire'];

declare module 'vitest' {
  export interface ProvidedContext {
    sites: BuiltSite[];
    fixtureSites: BuiltSite[];
  }
}

const servers: StaticServer[] = [];
let runDir: string | undefined;

export async function setup(project: TestProject) {
  const sites: BuiltSite[] = [];
  // A folder of this run's own: two test runs at once (two people, or two terminals) must not
  // delete each other's sites halfway through.
  mkdirSync(join(PROJECT, '.scrutineer', 'e2e'), { recursive: true });
  runDir = mkdtempSync(join(PROJECT, '.scrutineer', 'e2e', 'run-'));
  for (const base of ['/', '/performance/']) {
    const dir = join(runDir, base === '/' ? 'root' : 'performance');
    const result = buildSite(PROJECT, dir, { SITE_BASE: base });
    if (result.status !== 0) throw new Error(`The sample site did not build with SITE_BASE=${base}:\n${result.stdout}\n${result.stderr}`);
    const server = await serveStatic(dir, base);
    servers.push(server);
    sites.push({ base, dir, url: server.url, name: 'sample' });
  }
  project.provide('sites', sites);
  const fixtureSites: BuiltSite[] = [];
  for (const name of FIXTURE_SITES) {
    const dir = join(runDir, `fixture-${name}`);
    const result = buildSite(join(PROJECT, 'tests', 'fixtures', 'sites', name), dir);
    if (result.status !== 0) throw new Error(`The fixture site ${name} did not build:\n${result.stdout}\n${result.stderr}`);
    const server = await serveStatic(dir, '/');
    servers.push(server);
    fixtureSites.push({ base: '/', dir, url: server.url, name });
  }
  project.provide('fixtureSites', fixtureSites);
}

export async function teardown() {
  await Promise.all(servers.map((s) => s.close()));
  if (runDir) rmSync(runDir, { recursive: true, force: true });
}
