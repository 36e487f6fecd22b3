import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { SiteSchema } from '../schemas/site';
import { CommitteeSchema, RESERVED_ROUTES } from '../schemas/committee';
import { IndicatorSchema } from '../schemas/indicator';
import { GlossarySchema } from '../schemas/glossary';
import { MeetingSchema } from '../schemas/meeting';
import { KEBAB_RE } from '../schemas/common';
import type { Action, ActionUpdate, Committee, Content, GlossaryEntry, Indicator, Meeting, Observation, Site } from '../model';
import { dayName, isIsoDate, lastDayOf, monthOfIsoDate, parseMonthDay, parsePeriod, quarterOf, type Period } from '../periods';
import { DataIndex, meetingCut } from '../data-index';
import { neighbourGroup, withNeighboursEntry } from './neighbours';
import { checkMeetingProse, checkNoteProse, type MeetingProse } from '../prose-disclosure/check';
import { excerpt, ProblemList, sortProblems, type Problem } from './problems';
import { parseYaml, unreadYaml, type YamlSource } from './yaml-file';
import { validateWith } from './zod-issues';
import { readCsv } from './csv-file';
import { readText, readUtf8Text } from './text-file';
import { entryKind, listContentFiles, readContentFile, refuseUnusual } from './files';
import { checkCharacters } from './characters';
import { checkYamlTextLengths, LIMITS } from './limits';
import { checkBodyLimits } from './body-limits';
import { missingFigures, missingQuarterFiles } from './completeness';
import { checkAcrossFiles, FILE_NAME_HINT, quarterOfFile, readDataFile } from './data';
import { readMdx } from './meeting-file';
import { checkMeetingBody } from './meeting-body';
import { didYouMean, nearest } from './suggest';
import { findTerm, termKey } from '../term-key';

export interface LoadOptions {
  /** Include meetings marked `draft: true` (the dev preview does; the build never does). */
  drafts?: boolean;
}

export interface LoadResult {
  /** The validated content; undefined when there is any problem. */
  content?: Content;
  /**
   * What could be read even with problems (files that failed are left out): enough for the
   * authoring commands, which must work while a new quarter's values are still being typed in.
   * Never published.
   */
  partial?: Content;
  problems: Problem[];
  /** What is probably unfinished (see completeness.ts): printed, but fails only `check --strict`. */
  warnings: Problem[];
}

const posix = (root: string, path: string) => relative(root, path).split(sep).join('/');


/**
 * Reads and validates a whole content set: `content/` and `data/` under `root`. Every problem is
 * collected, not only the first, so one run of `npm run check` lists everything to fix.
 */
export async function loadContent(root: string, options: LoadOptions = {}): Promise<LoadResult> {
  const problems = new ProblemList();
  const rel = (p: string) => posix(root, p);
  const listFiles = (dir: string) => listContentFiles(dir, rel, problems);
  /** A content file's text, checked for invisible characters; undefined when it cannot be read. */
  const readChecked = (path: string, limit: number, decode: (bytes: Uint8Array) => string) => {
    const bytes = readContentFile(path, rel(path), limit, problems);
    if (!bytes) return undefined;
    const text = decode(bytes);
    checkCharacters(text, rel(path), problems);
    return text;
  };
  const readYaml = (path: string): YamlSource => {
    const text = readChecked(path, LIMITS.yamlFileBytes, readText);
    if (text === undefined) return unreadYaml();
    const source = parseYaml(text, rel(path), problems);
    checkYamlTextLengths(source, rel(path), problems);
    return source;
  };

  // The two folders themselves: a link would bring in files from anywhere.
  const contentDir = join(root, 'content');
  const refusedFolder = ['content', 'data'].filter((name) => refuseUnusual(entryKind(join(root, name)), name, problems));
  if (refusedFolder.length) return { problems: sortProblems(problems.items), warnings: [] };

  // site.yaml
  const sitePath = join(root, 'content', 'site.yaml');
  let site: Site | undefined;
  if (entryKind(sitePath) === 'missing') {
    problems.add('content/site.yaml', 1, 1, 'content/site.yaml is missing; create it with at least council, title and url');
  } else {
    site = validateWith(SiteSchema, readYaml(sitePath), 'content/site.yaml', problems);
  }

  // Top-level layout: catch a misnamed file or folder before it is silently ignored.
  if (entryKind(contentDir) === 'folder') {
    for (const name of readdirSync(contentDir).sort()) {
      if (name.startsWith('.') || ['site.yaml', 'glossary.yaml', 'committees', 'indicators', 'meetings'].includes(name)) continue;
      problems.add(`content/${name}`, 1, 1, `content/${name} is not part of the content format; expected site.yaml, glossary.yaml, committees/, indicators/ or meetings/${didYouMean(name, ['site.yaml', 'glossary.yaml', 'committees', 'indicators', 'meetings'])}`);
    }
  }

  // Committees and indicators: one YAML file each, the id from the file name.
  const idFiles = (folder: string) =>
    listFiles(join(root, 'content', folder)).flatMap((path) => {
      const file = rel(path);
      const m = new RegExp(`^content/${folder}/([^/]+)\\.yaml$`).exec(file);
      if (!m) {
        problems.add(file, 1, 1, `${file} is not named like content/${folder}/<id>.yaml; rename it${file.endsWith('.yml') ? ' to end .yaml' : ''}`);
        return [];
      }
      if (!KEBAB_RE.test(m[1])) {
        problems.add(file, 1, 1, `the file name "${m[1]}" is not a kebab-case id; rename it using lower-case letters, digits and single hyphens, like ${m[1].toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.yaml`);
        return [];
      }
      return [{ id: m[1], file, source: readYaml(path) }];
    });

  // Ids whose file exists but has problems: what refers to them is not reported again, since
  // "unknown indicator" would send the author to create a file that is already there.
  const broken = { committees: new Set<string>(), indicators: new Set<string>(), meetings: new Set<string>(), glossary: false, data: false };

  const committees: Committee[] = [];
  for (const { id, file, source } of idFiles('committees')) {
    if ((RESERVED_ROUTES as readonly string[]).includes(id)) {
      problems.add(file, 1, 1, `committee id "${id}" is taken by the site's own /${id}/ page; rename the file to another id, such as ${id}-committee`);
      continue;
    }
    const data = validateWith(CommitteeSchema, source, file, problems);
    if (data) committees.push({ id, file, ...data });
    else broken.committees.add(id);
  }

  const indicators = new Map<string, Indicator>();
  for (const { id, file, source } of idFiles('indicators')) {
    const data = validateWith(IndicatorSchema, source, file, problems);
    if (!data) {
      broken.indicators.add(id);
      continue;
    }
    const { decimals, counts, target, snapshotDate, ...rest } = data;
    const targets =
      target === undefined
        ? []
        : typeof target === 'number'
          ? [{ value: target }]
          : target.map((t) => ({ from: parsePeriod(t.from)!, value: t.value })).sort((a, b) => a.from.start - b.from.start);
    indicators.set(id, {
      id,
      file,
      ...rest,
      decimals: decimals ?? (data.unit === 'count' || data.unit === 'gbp' ? 0 : 1),
      counts: counts ?? defaultCounts(data.unit),
      targets,
      ...(snapshotDate !== undefined && { snapshotDate: parseMonthDay(snapshotDate)! }),
    });
  }

  // Glossary
  let glossary: GlossaryEntry[] = [];
  const glossaryPath = join(root, 'content', 'glossary.yaml');
  if (entryKind(glossaryPath) !== 'missing') {
    const source = readYaml(glossaryPath);
    if (source.data === null) {
      // An empty glossary file is allowed: no terms.
    } else {
      const tooMany = Array.isArray(source.data) && source.data.length > LIMITS.glossaryTerms;
      if (tooMany) {
        const at = source.locate([LIMITS.glossaryTerms]);
        problems.add('content/glossary.yaml', at.line, at.column, `the glossary has ${(source.data as unknown[]).length.toLocaleString('en-GB')} terms, over the limit of ${LIMITS.glossaryTerms.toLocaleString('en-GB')}, and this is the first past it; a glossary explains the terms the pages use, so keep those`);
      }
      const parsed = tooMany ? undefined : validateWith(GlossarySchema, source, 'content/glossary.yaml', problems);
      if (!parsed) broken.glossary = true;
      const entries = parsed ?? [];
      const seen = new Map<string, number>();
      entries.forEach((entry, i) => {
        const key = termKey(entry.term);
        if (seen.has(key)) {
          const at = source.locate([i, 'term']);
          problems.add('content/glossary.yaml', at.line, at.column, `term "${excerpt(entry.term)}" is defined twice (also entry ${seen.get(key)! + 1}); keep one`);
        } else seen.set(key, i);
      });
      glossary = entries;
    }
  }

  // Data files, in quarter order so that revisions follow what they revise.
  const dataFiles: { path: string; file: string; quarter: Period }[] = [];
  for (const path of listFiles(join(root, 'data'))) {
    const file = rel(path);
    const quarter = quarterOfFile(file);
    if (!quarter) {
      const folder = /^data\/(\d{4})-(\d{2})\//.exec(file);
      const why = folder && (Number(folder[1]) + 1) % 100 !== Number(folder[2]) ? `the folder ${folder[1]}-${folder[2]} is not a financial year` : `"${file}" is not a financial quarter`;
      const lower = quarterOfFile(file.toLowerCase()) ? `; rename it ${file.toLowerCase().split('/').pop()}, in lower case` : `; ${FILE_NAME_HINT}`;
      problems.add(file, 1, 1, `${why}${lower}`);
      broken.data = true;
      continue;
    }
    dataFiles.push({ path, file, quarter });
  }
  dataFiles.sort((a, b) => a.quarter.end - b.quarter.end);
  const columns = new Map<string, Record<string, number>>();
  const rawObservations: Observation[] = [];
  for (const { path, file, quarter } of dataFiles) {
    const text = readChecked(path, LIMITS.csvFileBytes, readText);
    if (text === undefined) {
      broken.data = true;
      continue;
    }
    const csv = readCsv(text, file, problems);
    columns.set(file, csv.columnOf);
    if (csv.rows.length === 0 && csv.header.some((h) => h !== '')) {
      // Otherwise the quarter would silently have no figures.
      problems.add(file, 2, 1, `this file has a header row but no data rows, so ${quarter.label} has no figures; add its rows (npm run new:quarter -- "${quarter.label}" writes them, in a new file), or delete the file`);
      broken.data = true;
    }
    const before = problems.items.length;
    rawObservations.push(...readDataFile(file, quarter, csv, indicators, problems, broken.indicators));
    if (problems.items.length > before) broken.data = true;
  }
  missingQuarterFiles(dataFiles, indicators.values(), rawObservations, problems);
  const observations = checkAcrossFiles(rawObservations, columns, problems, { earlierFilesBroken: broken.data });
  seriesPrecision(observations);
  // Rule 9: a site that shows statistical neighbours explains them, in the glossary and on each
  // indicator page, before the meetings' <Term> tags are checked against the glossary.
  const neighbours = site && neighbourGroup(site);
  if (site && observations.some((o) => o.area === 'statistical-neighbours')) glossary = withNeighboursEntry(glossary, site, neighbours);

  // Meetings
  const committeeIds = new Set(committees.map((c) => c.id));
  const glossaryTerms = glossary.map((g) => g.term);
  const meetings: (Meeting & { source: YamlSource })[] = [];
  const prose = new Map<string, Omit<MeetingProse, 'meeting'>>();
  for (const path of listFiles(join(root, 'content', 'meetings'))) {
    const file = rel(path);
    const m = /^content\/meetings\/([^/]+)\/([^/]+)\.mdx$/.exec(file);
    if (!m) {
      problems.add(file, 1, 1, `${file} is not named like content/meetings/<committee-id>/<YYYY-MM-DD>.mdx; move or rename it`);
      continue;
    }
    const [, committee, date] = m;
    if (broken.committees.has(committee)) continue;
    if (!committeeIds.has(committee)) {
      const guess = nearest(committee, committeeIds);
      problems.add(
        file,
        1,
        1,
        `the folder "${committee}" is not a committee id${guess ? ` (did you mean ${guess}?)` : ''}; the committees are ${[...committeeIds].join(', ') || 'not defined yet'}. To add one, create content/committees/${committee}.yaml`,
      );
      continue;
    }
    if (!isIsoDate(date)) {
      const why = /^\d{4}-\d{2}-\d{2}$/.test(date) ? `"${date}" is not a real date` : `the file name "${date}" is not the meeting's date`;
      problems.add(file, 1, 1, `${why}; name the file after the meeting's date as YYYY-MM-DD.mdx, like 2018-09-06.mdx`);
      continue;
    }
    const text = readChecked(path, LIMITS.meetingFileBytes, (bytes) => readUtf8Text(bytes, file, problems));
    if (text === undefined) {
      broken.meetings.add(`${committee}/${date}`);
      continue;
    }
    const mdx = readMdx(text, file, problems);
    if (mdx.frontMatter) checkYamlTextLengths(mdx.frontMatter, file, problems);
    // The body is checked even when the front matter is broken: its problems are its own. One
    // too large or too deeply nested is not parsed at all: that is the slow work the limits prevent.
    const tooMuch = checkBodyLimits(mdx.body, mdx.bodyLine);
    const body = tooMuch.length ? { problems: tooMuch, uses: [] } : checkMeetingBody(mdx.body, mdx.bodyLine);
    for (const p of body.problems) problems.add(file, p.line, p.column, p.message);
    if (!mdx.frontMatter || mdx.frontMatter.failed) {
      broken.meetings.add(`${committee}/${date}`);
      continue;
    }
    const data = validateWith(MeetingSchema, mdx.frontMatter, file, problems);
    if (!data) broken.meetings.add(`${committee}/${date}`);
    const uses = body.uses;
    const placedAt = new Map<string, number>();
    for (const use of uses) {
      if (use.name === 'Term') {
        if (broken.glossary) continue;
        if (!use.arg || !findTerm(glossary, use.arg)) {
          problems.add(file, use.line, use.column, `<Term>${use.arg ?? ''}</Term> is not in content/glossary.yaml${didYouMean(use.arg ?? '', glossaryTerms)}; add the term to the glossary or remove the <Term> tag`);
        }
      } else if (!use.arg) {
        problems.add(file, use.line, use.column, `<${use.name}> has no id; write <${use.name} id="cla-rate" /> with an indicator id`);
      } else if (!indicators.has(use.arg) && !broken.indicators.has(use.arg)) {
        problems.add(file, use.line, use.column, `unknown indicator "${excerpt(use.arg)}" in <${use.name}>${didYouMean(use.arg, indicators.keys())}`);
      } else if (placedAt.has(use.arg)) {
        problems.add(file, use.line, use.column, `${use.arg} is already placed on line ${placedAt.get(use.arg)}; place each indicator once, since its link (#${use.arg}) must lead to one place`);
      } else placedAt.set(use.arg, use.line);
    }
    if (!data) continue;
    const id = `${committee}/${date}`;
    const period = parsePeriod(data.period)!;
    const dataAsAt = data.dataAsAt === undefined ? undefined : parsePeriod(data.dataAsAt)!;
    if (dataAsAt && dataAsAt.end > quarterOf(monthOfIsoDate(date)).end) {
      const at = mdx.frontMatter!.locate(['dataAsAt']);
      problems.add(file, at.line, at.column, `dataAsAt ${dataAsAt.label} is after the quarter of the meeting itself (${quarterOf(monthOfIsoDate(date)).label}); a meeting cannot have seen a file published after it, so write ${quarterOf(monthOfIsoDate(date)).label} or earlier`);
    }
    (data.indicators ?? []).forEach((ind, i) => {
      if (!indicators.has(ind) && !broken.indicators.has(ind)) {
        const at = mdx.frontMatter!.locate(['indicators', i]);
        problems.add(file, at.line, at.column, `unknown indicator "${excerpt(ind)}" in indicators${didYouMean(ind, indicators.keys())}`);
      }
    });
    const actions: Action[] = [];
    const actionIds = new Map<string, number>();
    data.actions.forEach((a, i) => {
      if (actionIds.has(a.id)) {
        const at = mdx.frontMatter!.locate(['actions', i, 'id']);
        problems.add(file, at.line, at.column, `action id "${excerpt(a.id)}" is used twice in this meeting (also action ${actionIds.get(a.id)! + 1}); give each action its own id`);
        return;
      }
      actionIds.set(a.id, i);
      actions.push({ fullId: `${id}/${a.id}`, id: a.id, text: a.text, owner: a.owner, due: a.due, committee, meetingDate: date });
    });
    const placed = uses.filter((u) => (u.name === 'Indicator' || u.name === 'Chart') && u.arg && indicators.has(u.arg)).map((u) => u.arg!);
    prose.set(id, { raw: text, body: mdx.body, bodyLine: mdx.bodyLine, frontMatter: mdx.frontMatter });
    const { dataAsAt: _dataAsAt, ...fields } = data;
    meetings.push({
      ...fields,
      id,
      committee,
      date,
      file,
      period,
      ...(dataAsAt && { dataAsAt }),
      actions,
      updates: data.updates.map((u) => ({ ...u, committee, meetingDate: date })),
      indicatorIds: data.indicators ?? [],
      placedInBody: [...new Set(placed)],
      body: mdx.body,
      bodyLine: mdx.bodyLine,
      source: mdx.frontMatter,
    });
  }
  meetings.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.committee < b.committee ? -1 : 1));

  // Cross-meeting rules: the period has data; updates name real, earlier, published actions.
  const allActions = new Map<string, { action: Action; draft: boolean }>();
  for (const meeting of meetings) for (const action of meeting.actions) allActions.set(action.fullId, { action, draft: meeting.draft });
  // What a meeting sees depends only on its period, and every committee meets about the same
  // quarters: work each out once, not once per meeting over every row.
  const localObservations = observations.filter((o) => o.area === 'local');
  const visibleAt = new Map<string, Observation[]>();
  for (const meeting of meetings) {
    const cut = meetingCut(meeting);
    const key = `${cut.quarterEnd}|${cut.dayEnd}`;
    let visible = visibleAt.get(key);
    if (!visible) {
      visible = localObservations.filter((o) => o.source.quarter.end <= cut.quarterEnd && o.day <= cut.dayEnd);
      visibleAt.set(key, visible);
    }
    const dataIncomplete = broken.data || broken.indicators.size > 0;
    const periodStart = lastDayOf(meeting.period.start - 1);
    const periodHasData = visible.some((o) => o.day > periodStart);
    if (!dataIncomplete && !periodHasData) {
      const at = meeting.source.locate(['period']);
      const latest = visible.reduce<Observation | undefined>((best, o) => (o.value !== null && (!best || o.day > best.day) ? o : best), undefined);
      const quarter = quarterOf(cut.quarterEnd);
      problems.add(
        meeting.file,
        at.line,
        at.column,
        `period ${meeting.period.label} has no data: no file up to ${quarter.label} has a local figure dated in it${latest ? `; the latest data then was ${latest.period.label} (dated ${dayName(latest.day)})` : ''}. Add the data to data/, correct the period, or name the quarter of the file the meeting saw with dataAsAt`,
      );
    }
    if (!meeting.indicatorIds.length) {
      const withData = new Set(visible.map((o) => o.indicator));
      meeting.indicatorIds = [...indicators.keys()].filter((id) => withData.has(id));
    }
    if (!dataIncomplete && periodHasData) missingFigures(meeting, visible, indicators, problems);
    const updated = new Map<string, number>();
    meeting.updates.forEach((u, i) => {
      const at = meeting.source.locate(['updates', i, 'action']);
      const target = allActions.get(u.action);
      if (!target && broken.meetings.has(u.action.split('/').slice(0, 2).join('/'))) return;
      if (!target) {
        const sameMeeting = u.action.split('/').slice(0, 2).join('/');
        const known = meetings.find((m) => m.id === sameMeeting);
        const hint = known
          ? `that meeting's actions are ${known.actions.map((a) => a.id).join(', ') || 'none'}${didYouMean(u.action.split('/')[2], known.actions.map((a) => a.id))}`
          : `there is no meeting ${sameMeeting}${didYouMean(sameMeeting, meetings.map((m) => m.id))}`;
        problems.add(meeting.file, at.line, at.column, `updates names action ${u.action}, which does not exist; ${hint}`);
      } else if (target.action.meetingDate >= meeting.date) {
        problems.add(meeting.file, at.line, at.column, `updates names action ${u.action}, raised on ${target.action.meetingDate}, not before this meeting; an update reports on an action from an earlier meeting`);
      } else if (target.draft && !meeting.draft) {
        problems.add(meeting.file, at.line, at.column, `updates names action ${u.action}, raised at a draft meeting; publish that meeting first, or mark this one as a draft too`);
      } else if (updated.has(u.action)) {
        problems.add(meeting.file, at.line, at.column, `action ${u.action} is updated twice in this meeting (also update ${updated.get(u.action)! + 1}); merge the two`);
      } else updated.set(u.action, i);
    });
  }

  const allMeetings = meetings.map(({ source: _source, ...m }) => m);
  const assembled: Content | undefined = site && {
    root,
    site,
    committees,
    indicators: [...indicators.values()],
    glossary,
    meetings: allMeetings.filter((m) => options.drafts || !m.draft),
    observations,
    ...(neighbours && { neighbours }),
  };
  // Disclosure control of the words: it needs to know what each page hides, so it runs on
  // content that is otherwise valid (warnings aside). Drafts are checked too: they will be published.
  const isError = (p: Problem) => p.severity !== 'warning';
  if (!problems.items.some(isError) && assembled) {
    const data = new DataIndex({ ...assembled, meetings: allMeetings });
    checkMeetingProse(data, allMeetings.map((m) => ({ meeting: m, ...prose.get(m.id)! })), problems);
    checkNoteProse(data, observations, (file) => columns.get(file)?.note ?? 1, problems);
  }
  const list = sortProblems(problems.items.filter(isError));
  const warnings = sortProblems(problems.items.filter((p) => !isError(p)));
  if (list.length || !assembled) return { problems: list, warnings, partial: assembled };
  return { problems: [], warnings, content: assembled, partial: assembled };
}

/**
 * The precision each series is published at: the most decimal places any of its figures was
 * written with. One figure typed as "82" in a series of "82.5"s is 82.0, not a whole-number
 * series; DfE's whole-number percentages are whole throughout.
 */
function seriesPrecision(observations: Observation[]) {
  const most = new Map<string, number>();
  const key = (o: Observation) => `${o.indicator}|${o.area}`;
  for (const o of observations) if (o.precision !== undefined) most.set(key(o), Math.max(most.get(key(o)) ?? 0, o.precision));
  for (const o of observations) if (o.precision !== undefined) o.precision = most.get(key(o));
}

function defaultCounts(unit: Indicator['unit']): Indicator['counts'] {
  if (unit === 'count' || unit === 'percent' || unit === 'rate-per-10000') return 'children';
  if (unit === 'gbp') return 'money';
  return 'other';
}
