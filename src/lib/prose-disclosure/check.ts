/**
 * Disclosure control for the words, not only the tables: the text of every meeting (body,
 * summary, resolutions, actions and updates) and every note in the data files is searched for a
 * number of children that the site would hide (find.ts), and each is reported at its file, line
 * and column. Run by `npm run check` and the build, once the content is otherwise valid, since it
 * needs to know what each page hides.
 */
import type { Meeting, Observation } from '../model';
import { LATEST, meetingCut, type DataIndex } from '../data-index';
import { indicatorView } from '../present/indicator';
import type { ProblemList } from '../content/problems';
import type { Path, YamlSource } from '../content/yaml-file';
import { findStatedNumbers, type StatedNumber } from './find';

/** A meeting file's text, as the loader read it. */
export interface MeetingProse {
  meeting: Meeting;
  /** The whole file, to place front matter text on its line. */
  raw: string;
  body: string;
  bodyLine: number;
  frontMatter: YamlSource;
}

/** The numbers a page hides as [c] because of the site's own disclosure control. */
function hiddenNumbers(data: DataIndex, ids: readonly string[], cut = LATEST, window = false, asOf?: Meeting['period']): Set<number> {
  const hidden = new Set<number>();
  for (const id of ids) {
    if (!data.indicators.has(id)) continue;
    const view = indicatorView(data, id, cut, window ? { window: true, asOf } : {});
    for (const cell of view.shown) {
      const shown = view.disclosed.get(cell.obs);
      if (shown?.symbol !== 'c' || !shown.suppression) continue;
      const o = cell.obs;
      const add = (n: number | undefined) => n !== undefined && Number.isInteger(n) && n > 0 && hidden.add(n);
      if (view.indicator.unit === 'count' && o.value !== null) add(o.value);
      // A percentage is hidden for its numerator or for the rest of its group; its denominator,
      // the whole group, is not what is hidden.
      add(o.numerator);
      if (o.numerator !== undefined && o.denominator !== undefined) add(o.denominator - o.numerator);
    }
  }
  return hidden;
}

const SEE = '(see docs/content-format.md, "Numbers in the text")';

/**
 * What is wrong and what to write instead. A hidden number is usually larger than the small
 * counts, so "fewer than 6" would be untrue of it: the advice is to leave it out.
 */
function message(found: StatedNumber, suppressUpTo: number, where: string, confirmIn = 'confirmedSafe') {
  if (found.reason === 'small') {
    return (
      `"${found.phrase}" ${where}states a count from 1 to ${suppressUpTo} of children or their families, which the site never publishes; ` +
      `write "fewer than ${suppressUpTo + 1}" or "a small number of" instead, or, if the number is already public (published by DfE, say), ` +
      `list it under ${confirmIn} with the reason ${SEE}`
    );
  }
  return (
    `"${found.phrase}" ${where}states ${found.value}, a number that this page hides as [c] in its tables (hidden so that a smaller figure cannot be worked out); ` +
    `leave the number out ("some", "a number of"), or, if this ${found.value} is not that figure (a duration or an age, say) ` +
    `or is already public, list "${found.phrase}" under ${confirmIn} with the reason ${SEE}`
  );
}

/** Where the body's code is: fenced blocks (``` or ~~~) and inline `code`, as [start, end) offsets. */
function codeSpans(body: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of body.matchAll(/^[ \t]*(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^[ \t]*\1[ \t]*$|(?![\s\S]))|`[^`\n]+`/gm)) spans.push([m.index!, m.index! + m[0].length]);
  return spans;
}

/** Line and column (from 1) of an offset in a text that starts at `line`, `column`. */
function positionIn(text: string, offset: number, line: number, column: number) {
  const before = text.slice(0, offset).split('\n');
  return before.length === 1 ? { line, column: column + offset } : { line: line + before.length - 1, column: before.at(-1)!.length + 1 };
}

/**
 * Where a phrase of a front matter value sits in the file: found in the raw text from the value's
 * own line on (a folded value spans lines), or, failing that, the value's start.
 */
function placeInFile(raw: string, from: { line: number; column: number }, phrase: string) {
  const lines = raw.split('\n');
  const words = phrase.split(' ');
  // The phrase may wrap; its first two words usually do not.
  for (const needle of [phrase, words.slice(0, 2).join(' '), words[0]]) {
    for (let i = from.line - 1; i < lines.length; i++) {
      const at = lines[i].indexOf(needle, i === from.line - 1 ? from.column - 1 : 0);
      if (at >= 0) return { line: i + 1, column: at + 1 };
    }
  }
  return from;
}

/** Checks every meeting's text; drafts too, since they will be published. */
export function checkMeetingProse(data: DataIndex, meetings: readonly MeetingProse[], problems: ProblemList) {
  const { suppressUpTo, confirmedSafe: siteConfirmed } = data.content.site.disclosure;
  for (const { meeting, raw, body, bodyLine, frontMatter } of meetings) {
    const rules = {
      suppressUpTo,
      hidden: hiddenNumbers(data, meeting.indicatorIds, meetingCut(meeting), true, meeting.period),
      confirmed: [...siteConfirmed, ...meeting.confirmedSafe].map((c) => c.text),
    };
    // The body: comments are not published, so they are blanked (keeping every offset).
    const readable = body.replace(/\{\/\*[\s\S]*?\*\/\}|<!--[\s\S]*?-->/g, (m) => m.replace(/[^\n]/g, ' '));
    const code = codeSpans(readable);
    for (const found of findStatedNumbers(readable, rules)) {
      // Code is shown as written, not read as a sentence: "12 * 3" in a code sample states no
      // figure, so only a count of people (rule a) is looked for there.
      if (found.reason === 'hidden' && code.some(([start, end]) => start <= found.index && found.index < end)) continue;
      const at = positionIn(readable, found.index, bodyLine, 1);
      problems.add(meeting.file, at.line, at.column, message(found, suppressUpTo, ''));
    }
    const fields: { path: Path; text: string; name: string }[] = [
      { path: ['summary'], text: meeting.summary, name: 'summary' },
      ...meeting.resolved.map((text, i) => ({ path: ['resolved', i], text, name: `resolution ${i + 1}` })),
      ...meeting.actions.map((a, i) => ({ path: ['actions', i, 'text'], text: a.text, name: `action ${a.id}` })),
      ...meeting.updates.flatMap((u, i) => (u.note ? [{ path: ['updates', i, 'note'], text: u.note, name: `the update on ${u.action}` }] : [])),
    ];
    for (const field of fields) {
      for (const found of findStatedNumbers(field.text, rules)) {
        const at = placeInFile(raw, frontMatter.locate(field.path), found.phrase);
        problems.add(meeting.file, at.line, at.column, message(found, suppressUpTo, `in ${field.name} `));
      }
    }
  }
}

/** Checks the notes in data files: each against the figures of its own indicator. */
export function checkNoteProse(data: DataIndex, observations: readonly Observation[], noteColumn: (file: string) => number, problems: ProblemList) {
  const { suppressUpTo, confirmedSafe } = data.content.site.disclosure;
  const hiddenBy = new Map<string, Set<number>>();
  for (const o of observations) {
    if (!o.note) continue;
    let hidden = hiddenBy.get(o.indicator);
    if (!hidden) hiddenBy.set(o.indicator, (hidden = hiddenNumbers(data, [o.indicator])));
    for (const found of findStatedNumbers(o.note, { suppressUpTo, hidden, confirmed: confirmedSafe.map((c) => c.text) })) {
      problems.add(o.source.file, o.source.line, noteColumn(o.source.file), message(found, suppressUpTo, 'in this note ', "site.yaml's disclosure.confirmedSafe"));
    }
  }
}
