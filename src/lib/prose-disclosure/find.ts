/**
 * Finds numbers in free text (minutes, summaries, notes) that disclosure control would hide in a
 * table (content format 1.1, rule 8):
 * (a) a count from 1 to `suppressUpTo` of people: a number in digits or words followed, within a
 *     few words, by a word for people ("3 care leavers", "two of the families"), or by a pronoun
 *     or partitive standing for them ("5 of them", "5 of whom", "in 5 cases", "3 who had left");
 * (b) any number the same page hides as [c], wherever it stands ("there were 7 and ..."), unless
 *     it is a year, a date, a percentage, a rate or an ordinal (which includes a numbered label:
 *     "agenda item 7", "Appendix 2", "section 20", a list's "7.").
 * Pure: no files, no positions beyond offsets in the text.
 *
 * It is deliberately eager: a wrong "3 children" in published minutes cannot be taken back,
 * while a false alarm costs the author one line of `confirmedSafe` with a reason.
 */

/** Words for people, singular and plural, as minutes write them; "cases" stands for children. */
const PEOPLE = [
  'children', 'child', 'young people', 'young person', 'youngsters', 'care leavers', 'care leaver',
  'families', 'family', 'babies', 'baby', 'boys', 'boy', 'girls', 'girl', 'teenagers', 'teenager',
  'siblings', 'sibling', 'infants', 'infant', 'pupils', 'pupil', 'adolescents', 'adolescent',
  'mothers', 'mother', 'fathers', 'father', 'parents', 'parent', 'sons', 'son', 'daughters', 'daughter',
  'unaccompanied asylum-seeking children', 'uasc', 'looked after children', 'learners', 'learner',
  'care-experienced young people', 'young carers', 'young carer', 'people', 'person', 'individuals',
  'cases', 'case', 'instances', 'households', 'household', 'carers', 'carer', 'cohort',
];

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, single: 1, 'a single': 1, 'a couple of': 2, 'a pair of': 2,
};

/**
 * Number words that are too often not numbers ("one of the members", "no one", "a single plan")
 * to be flagged by themselves under (b); beside a word for people, (a) still finds them.
 */
/** "one or two sentences": a few, not the figure 2 (a small count of people is still caught). */
const ONE_OR_TWO = /\bone\s+or\s+two$/i;
const VAGUE_WORDS = new Set(['one', 'single', 'a single', 'a couple of', 'a pair of']);

const WORD = "[A-Za-z][A-Za-z'’-]*";
const alternation = (words: readonly string[]) =>
  [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/ /g, '\\s+')).join('|');

/** Words before a number that make it not a count of people, for (a): "aged 3", "section 20". */
const NOT_A_COUNT_BEFORE = new Set([
  'aged', 'age', 'ages', 'under', 'over', 'section', 's', 'year', 'years', 'tier', 'stage', 'level',
  'phase', 'quarter', 'q', 'per', 'top', 'bottom', 'ward', 'room', 'page', 'item', 'line', 'appendix',
  'table', 'chart', 'figure', 'paragraph', 'para', 'priority', 'number', 'no', 'resolution', 'action',
  'step', 'option', 'day', 'days', 'week', 'weeks', 'month', 'months', 'ks', 'key', 'grade',
  'band', 'category', 'n', 'standard', 'outcome', 'point', 'points',
]);

/**
 * Words before a number that make it a label, an ordinal in all but spelling ("the seventh item"):
 * safe even when the page hides the same number. "Year" only with its capital ("Year 7", a school
 * year), since "in the year 7 children left care" is a count.
 */
const LABEL_BEFORE =
  /(?:\b(?:agenda\s+item|items?|appendix|appendices|annexe?|section|sections|s\.|paragraphs?|paras?|pages?|p\.|pp\.|tables?|figures?|fig\.|charts?|graphs?|resolutions?|recommendations?|minutes?\s+no\.?|actions?|options?|questions?|steps?|phases?|stages?|levels?|tiers?|priorit(?:y|ies)|numbers?|no\.|nos\.|version|clauses?|rules?|articles?|regulations?|standards?|outcomes?|lines?|slides?|rows?|columns?|wards?|rooms?|quarters?|key\s+stage|categor(?:y|ies)|bands?|grades?|parts?|chapters?|points?|objectives?|themes?|workstreams?))\s*$/i;
const SCHOOL_YEAR_BEFORE = /\bYear\s*$/;

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** "5 March", "5 of March": a day of a month. */
const DATE_AFTER = new RegExp(`^\\s+(?:of\\s+)?${MONTH}\\b`, 'i');
/** "March 5, 2020": a month, then the day, then a year (a bare "March 7" may be a count). */
const DATE_AROUND = { before: new RegExp(`\\b${MONTH}\\.?\\s+$`, 'i'), after: /^,?\s+\d{4}\b/ };
const TIME_AFTER = /^\s*(?:am|pm|a\.m\.|p\.m\.|o['’]clock)\b/i;
const PERCENT_AFTER = /^\s*(?:%|per\s*cent\b|percent\b|percentage\s+points?\b|pp\b)/i;
/** "5 per 10,000", "1 in 3", "two in three", "1 in every 5". */
const RATE_AFTER = new RegExp(`^\\s+(?:per\\b|in\\s+(?:every\\s+)?(?:\\d|(?:${alternation(Object.keys(NUMBER_WORDS))})\\b)|out\\s+of\\s+every\\b)`, 'i');
const RATE_BEFORE = new RegExp(`(?:(?:\\d|\\b(?:${alternation(Object.keys(NUMBER_WORDS))}))\\s+(?:in|out\\s+of)\\s+(?:every\\s+)?|\\bper\\s+|\\brates?\\s+(?:was|is|were|of|at|stood\\s+at|(?:fell|rose|went\\s+(?:up|down))\\s+(?:from|to)|(?:of|was|is)\\s+(?:about|around|nearly|almost|over|under))\\s+)$`, 'i');
/** "two thirds", "three quarters of": a proportion, which is a percentage in words. */
const FRACTION_AFTER = /^[\s-]+(?:halves|thirds?|quarters|fifths?|sixths?|tenths?)\b/i;
/** "3 or more placements": a bound in a definition, not a count. */
const THRESHOLD_AFTER = /^\s+(?:or|and)\s+(?:more|fewer|less|over|above|under|below)\b|^\+/i;
const TIME_UNIT = '(?:days?|weeks?|months?|years?|quarters?|hours?|minutes?|terms?|fortnights?|decades?)';
/**
 * A length of time or an age: "45 working days", "the three years", "a 12-month review", "aged
 * 19 to 21", "19 and 20 year olds", "four of the last five months". Like a date, it places
 * something in time and counts nobody.
 */
const DURATION_AFTER = new RegExp(
  `^(?:\\s*(?:[-–]|\\s(?:to|or|and)\\s)\\s*\\S+)?(?:[\\s-]+(?:working|calendar|school|full|whole|consecutive|clear|more|further|financial)){0,2}[\\s-]+${TIME_UNIT}\\b|^\\s+of\\s+the\\s+(?:last|past|previous|next|first)\\s+\\S+\\s+${TIME_UNIT}\\b`,
  'i',
);
/** "aged 19", "from age 16". Not "over 7" or "under 7": "over 7 children" is a bound on a count. */
/**
 * "9 of the 10 statistical neighbours", "152 councils": a count of councils, which are public
 * bodies, in the words the DfE import writes in its notes and pages write beside a rank.
 */
const COUNCILS_AFTER = /^(?:\s+of\s+(?:the\s+)?\d+)?(?:\s+[A-Za-z-]+){0,2}?\s+(?:statistical\s+neighbours?|neighbours?|councils?|local\s+authorities|authorities|LAs)\b/i;
/** DfE's codes: "old LA code 885", a joint "314 / 318". */
const CODE_AROUND = { before: /(?:\bcodes?\s+|\d{3}\s*\/\s*)$/i, after: /^\s*\/\s*\d{3}\b/ };
const AGE_BEFORE = /\b(?:aged|age|ages|age\s+of|from\s+age)\s+$/i;

/**
 * A number: digits (with thousands commas) or a number word. Not part of a longer token: not
 * after a letter, digit, currency sign or URL punctuation ("Q3", "£7", "id=7"), not a decimal,
 * a time or a fraction ("7.5", "10:30", "2018/19"), not an ordinal ("3rd"), not a percentage
 * ("5%"). A hyphen before is allowed only in a range ("5-7"), not in "Covid-19".
 */
const NUMBER = new RegExp(
  `(?<![\\w£$€.,/#=&:@])(?<!(?:^|[^\\d])[-–])(\\d{1,3}(?:,\\d{3})+|\\d+|\\b(?:${alternation(Object.keys(NUMBER_WORDS))})\\b)(?![\\w%]|[.,:/]\\d)`,
  'gi',
);
/**
 * Space between words: a paragraph wraps, so one line break may fall inside a phrase; a blank
 * line (a new paragraph) may not.
 */
const SP = '(?:[ \\t]+\\n?[ \\t]*|\\n[ \\t]*)';
/** After a number: up to three words, then a word for people. No punctuation in between. */
const PEOPLE_AFTER = new RegExp(`^((?:${SP}${WORD}){0,3}?)${SP}(${alternation(PEOPLE)})\\b`, 'i');
/** After a number: a pronoun or relative standing for people ("5 of them", "3 who had left"). */
const PRONOUN_AFTER = new RegExp(`^${SP}(?:of${SP}(?:them|these|those|whom|which|us|you)|who|whom)\\b`, 'i');
/** The rest of a range after its first number: "-7", " to 7", " or 7" ("3 or 4 children"). */
const RANGE_REST = /^\s*(?:[-–]|\s(?:to|or|and)\s+)\s*(?:\d{1,3}(?:,\d{3})+|\d+|[A-Za-z]+)(?=[ \t])/i;
/** A preposition other than "of" between number and people word: "3 reports on children". */
const OTHER_PREPOSITION = /\b(times|per|percent|in|on|for|to|with|about|from|by|at|into|between|against|and|or)\b/i;

export interface StatedNumber {
  /** Offset of the phrase in the text. */
  index: number;
  /** The phrase as written, on one line: "3 care leavers", "were 7 and". */
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
const blank = (s: string) => s.replace(/[^\n]/g, ' ');

/** Web addresses carry numbers that are nobody's count; blanked, keeping every offset. */
function withoutAddresses(text: string) {
  return text.replace(/\]\([^)\s]*\)|\b(?:https?:\/\/|www\.)[^\s<>)\]]+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, blank);
}

interface Found {
  index: number;
  length: number;
  written: string;
  value: number;
}

function numbersIn(text: string): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const written = m[1];
    // "05" and "01234": parts of dates, codes and telephone numbers, never written counts.
    if (/^0\d/.test(written)) continue;
    const value = /\d/.test(written) ? Number(written.replace(/,/g, '')) : NUMBER_WORDS[squash(written)];
    if (Number.isFinite(value) && value > 0) out.push({ index: m.index!, length: written.length, written, value });
  }
  return out;
}

/**
 * A year ("2019", the "19" of "2018-19"), a date or a time, a length of time or an age, a
 * percentage or a fraction, a rate, an ordinal or a numbered label, a threshold, a count of
 * councils or one of DfE's codes.
 */
function isExempt(text: string, n: Found): boolean {
  const before = text.slice(Math.max(0, n.index - 60), n.index);
  const after = text.slice(n.index + n.length, n.index + n.length + 40);
  const digits = /\d/.test(n.written);
  if (digits && !n.written.includes(',') && n.value >= 1900 && n.value <= 2100) return true;
  if (digits && /\d{4}[-–]$/.test(before) && n.written.length === 2) return true;
  if (DATE_AFTER.test(after) || (DATE_AROUND.before.test(before) && DATE_AROUND.after.test(after)) || TIME_AFTER.test(after)) return true;
  if (PERCENT_AFTER.test(after) || FRACTION_AFTER.test(after) || RATE_AFTER.test(after) || RATE_BEFORE.test(before)) return true;
  if (DURATION_AFTER.test(after) || AGE_BEFORE.test(before) || /\baged\s+\S+\s+(?:to|and|or)\s+$/i.test(before) || THRESHOLD_AFTER.test(after)) return true;
  if (COUNCILS_AFTER.test(after) || CODE_AROUND.before.test(before) || CODE_AROUND.after.test(after)) return true;
  return LABEL_BEFORE.test(before) || SCHOOL_YEAR_BEFORE.test(before) || isListMarker(before, after);
}

/** "7. Care leavers" or "(3) That ..." at the start of a line: a numbered list's ordinal. */
function isListMarker(before: string, after: string) {
  const lineStart = /(?:^|\n)[ \t>#*-]*\(?$/.test(before);
  return lineStart && /^[.)][ \t]/.test(after);
}

/** The phrase that makes `n` a count of people, when one follows it: "3 children", "5 of them". */
function peoplePhrase(text: string, n: Found): string | undefined {
  const after = text.slice(n.index + n.length, n.index + n.length + 80);
  // The low end of a range counts as well as the high end: "3-4 children", "between 3 and 4 children".
  const range = RANGE_REST.exec(after);
  if (range && numbersIn(range[0].trim().replace(/^(?:[-–]|to|or|and)\s*/i, '')).length) {
    const rest = peoplePhrase(text, { ...n, length: n.length + range[0].length });
    if (rest) return n.written + range[0] + rest.slice(n.written.length);
  }
  const pronoun = PRONOUN_AFTER.exec(after);
  if (pronoun) return n.written + pronoun[0];
  const people = PEOPLE_AFTER.exec(after);
  // "of the 3 children" still counts; "3 times as many children" and "3 reports on children" do not.
  if (people && !OTHER_PREPOSITION.test(people[1])) return n.written + people[0];
  return undefined;
}

/** A few words either side of a number, within its clause, for a message and `confirmedSafe`. */
function contextPhrase(text: string, n: Found): { index: number; phrase: string } {
  const before = /(?:[A-Za-z'’-]+[ \t]+)?$/.exec(text.slice(Math.max(0, n.index - 40), n.index))![0];
  const after = /^(?:[-–][A-Za-z]+|[ \t]+[A-Za-z'’-]+)?/.exec(text.slice(n.index + n.length, n.index + n.length + 40))![0];
  return { index: n.index - before.length, phrase: before + n.written + after };
}

/** Whether the word before the number says it is not a count of people ("aged 3"). */
function notACount(text: string, n: Found) {
  const before = /([A-Za-z]+)\.?\s*$/.exec(text.slice(Math.max(0, n.index - 20), n.index))?.[1]?.toLowerCase();
  return before !== undefined && NOT_A_COUNT_BEFORE.has(before);
}

/** What the rules say about one number: why it may not be published, and in which words. */
function judge(text: string, n: Found, rules: ProseRules): StatedNumber | undefined {
  const exempt = isExempt(text, n);
  const people = exempt || notACount(text, n) ? undefined : peoplePhrase(text, n);
  if (people && n.value <= rules.suppressUpTo) return { index: n.index, phrase: people, value: n.value, reason: 'small' };
  if (!rules.hidden.has(n.value) || exempt) return undefined;
  if (people) return { index: n.index, phrase: people, value: n.value, reason: 'hidden' };
  if (VAGUE_WORDS.has(squash(n.written)) || ONE_OR_TWO.test(text.slice(Math.max(0, n.index - 12), n.index + n.written.length))) return undefined;
  return { ...contextPhrase(text, n), value: n.value, reason: 'hidden' };
}

/**
 * Where each confirmed phrase stands in the text, as [start, end) spans: a confirmation lets
 * through the numbers inside its own words, wherever they are written, and nothing else.
 */
function confirmedSpans(text: string, confirmed: readonly string[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const c of confirmed) {
    const words = c.trim().split(/\s+/).filter(Boolean).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    if (!words.length) continue;
    for (const m of text.matchAll(new RegExp(words.join('\\s+'), 'gi'))) spans.push([m.index!, m.index! + m[0].length]);
  }
  return spans;
}

/** Every stated number in `text` that the rules forbid, in order. */
export function findStatedNumbers(text: string, rules: ProseRules): StatedNumber[] {
  const readable = withoutAddresses(text);
  const confirmed = rules.confirmed.map(squash);
  const spans = confirmedSpans(readable, rules.confirmed);
  const out: StatedNumber[] = [];
  for (const n of numbersIn(readable)) {
    const found = judge(readable, n, rules);
    if (!found) continue;
    const phrase = found.phrase.replace(/\s+/g, ' ');
    if (confirmed.some((c) => c.includes(squash(phrase)))) continue;
    if (spans.some(([start, end]) => start <= n.index && n.index + n.length <= end)) continue;
    out.push({ ...found, phrase });
  }
  return out;
}
