/**
 * Finds numbers of people stated in free text (minutes, summaries, notes) that disclosure control
 * would hide in a table: a count of children from 1 to `suppressUpTo`, written as digits or words,
 * next to a word for people ("3 care leavers", "two young people", "4 of the families"), and any
 * number the same page hides as [c]. Pure: no files, no positions beyond offsets in the text.
 *
 * It is deliberately a little eager: a wrong "3 children" in published minutes cannot be taken
 * back, while a false alarm costs the author one line of `confirmedSafe` with a reason.
 */

/** Words for people, singular and plural, as minutes write them. */
const PEOPLE = [
  'children', 'child', 'young people', 'young person', 'youngsters', 'care leavers', 'care leaver',
  'families', 'family', 'babies', 'baby', 'boys', 'boy', 'girls', 'girl', 'teenagers', 'teenager',
  'siblings', 'sibling', 'infants', 'infant', 'pupils', 'pupil', 'adolescents', 'adolescent',
  'mothers', 'mother', 'fathers', 'father', 'parents', 'parent', 'sons', 'son', 'daughters', 'daughter',
  'unaccompanied asylum-seeking children', 'uasc', 'looked after children', 'learners', 'learner',
  'care-experienced young people', 'young carers', 'young carer',
];

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, single: 1, 'a single': 1, 'a couple of': 2, 'a pair of': 2,
};

/** Words before a number that make it not a count of people: "aged 3", "section 20", "year 2". */
const NOT_A_COUNT_BEFORE = new Set([
  'aged', 'age', 'ages', 'under', 'over', 'section', 's', 'year', 'years', 'tier', 'stage', 'level',
  'phase', 'quarter', 'q', 'per', 'top', 'bottom', 'ward', 'room', 'page', 'item', 'line', 'appendix',
  'table', 'chart', 'figure', 'paragraph', 'para', 'priority', 'number', 'no', 'resolution', 'action',
  'step', 'option', 'day', 'days', 'week', 'weeks', 'month', 'months', 'in', 'ks', 'key', 'grade',
  'band', 'category', 'n', 'standard', 'outcome', 'point', 'points',
]);

const WORD = "[A-Za-z][A-Za-z'’-]*";
const numberWords = Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).map((w) => w.replace(/ /g, '\\s+')).join('|');
const people = [...PEOPLE].sort((a, b) => b.length - a.length).map((w) => w.replace(/ /g, '\\s+')).join('|');
/**
 * A number (digits with optional thousands commas, or a number word), then up to three
 * words (of, the, these, more, looked, after, ...), then a word for people. No punctuation in between,
 * so "3. Children" and "3, children" are not read as one phrase.
 */
const PHRASE = new RegExp(
  `(?<![\\w£$.,/-])(\\d{1,3}(?:,\\d{3})+|\\d+|${numberWords})(?![\\w%.,/-]|\\.\\d|\\s*(?:%|per\\s*cent|percent|per\\s+10))((?:[ \\t]+${WORD}){0,3}?)[ \\t]+(${people})\\b`,
  'gi',
);

export interface StatedNumber {
  /** Offset of the phrase in the text. */
  index: number;
  /** The phrase as written: "3 care leavers". */
  phrase: string;
  value: number;
  /** Why it may not be published. */
  reason: 'small' | 'hidden';
}

export interface ProseRules {
  /** Counts of children from 1 to this are never published. */
  suppressUpTo: number;
  /** Numbers the page hides as [c] (larger ones, hidden to protect a smaller figure). */
  hidden: ReadonlySet<number>;
  /** Phrases the author has confirmed are safe, as written. */
  confirmed: readonly string[];
}

const squash = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** Every stated number of people in `text` that the rules forbid, in order. */
export function findStatedNumbers(text: string, rules: ProseRules): StatedNumber[] {
  const out: StatedNumber[] = [];
  const confirmed = rules.confirmed.map(squash);
  for (const m of text.matchAll(PHRASE)) {
    const [phrase, written, between] = m;
    const index = m.index!;
    const value = /\d/.test(written) ? Number(written.replace(/,/g, '')) : NUMBER_WORDS[squash(written)];
    if (!Number.isFinite(value) || value <= 0) continue;
    // "aged 3 children", "section 20 children", "1 in 3 children": the number is not a count.
    const before = /([A-Za-z]+)\.?\s*$/.exec(text.slice(Math.max(0, index - 20), index))?.[1]?.toLowerCase();
    if (before && NOT_A_COUNT_BEFORE.has(before)) continue;
    // A year ("2018 children's services"), a date or a time is not a count either.
    if (/\d/.test(written) && value >= 1900 && value <= 2100 && !written.includes(',')) continue;
    // "of the 3 children" still counts; "3 times as many children" does not.
    // "3 reports on children", "2 visits to families": a preposition other than "of" means the
    // number counts something else.
    if (/\b(times|per|percent|in|on|for|to|with|about|from|by|at|into|between|against|and|or)\b/i.test(between)) continue;
    const reason = value <= rules.suppressUpTo ? 'small' : rules.hidden.has(value) ? 'hidden' : undefined;
    if (!reason) continue;
    if (confirmed.some((c) => c.includes(squash(phrase)))) continue;
    out.push({ index, phrase: phrase.replace(/\s+/g, ' '), value, reason });
  }
  return out;
}
