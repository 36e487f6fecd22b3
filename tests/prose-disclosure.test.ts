/**
 * The words check (content format 1.1, rule 8) on whole sentences, written as minutes are: what
 * it must find, what it must let be, and what a confirmation lets through. The messages, with
 * file, line and column, are pinned in format-1-1.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { findStatedNumbers, type ProseRules } from '../src/lib/prose-disclosure/find';

/** A page that hides 7 as [c] (to protect a smaller figure) and 3 (a small count). */
const PAGE: ProseRules = { suppressUpTo: 5, hidden: new Set([2, 3, 7]), confirmed: [] };
const found = (text: string, rules: Partial<ProseRules> = {}) =>
  findStatedNumbers(text, { ...PAGE, ...rules }).map((f) => `${f.reason}: ${f.phrase}`);

describe('a small count of people, however it is written', () => {
  it.each([
    ['For 5 of them the council had no information.', 'small: 5 of them'],
    ['The panel heard that 3 of whom had left care in the year.', 'small: 3 of whom'],
    ['In 4 cases the plan had lapsed.', 'small: 4 cases'],
    ['Officers had written to the families, and for 2 of these a visit was arranged.', 'small: 2 of these'],
    ['Of the care leavers in custody, two of those had no pathway plan.', 'small: two of those'],
    ['The remaining 4 who had been missing were found within a day.', 'small: 4 who'],
    ['Officers said 3\nchildren had waited longer than 45 days.', 'small: 3 children'],
    ['Between 2 and 4 children a month were placed out of area.', 'small: 2 and 4 children'],
    ['Two of the families had moved out of the county.', 'small: Two of the families'],
    ['One or two children were placed out of area.', 'small: One or two children'],
  ])('%s', (sentence, expected) => {
    expect(found(sentence, { hidden: new Set() })[0]).toBe(expected);
  });
});

describe('a number the page hides, wherever it stands', () => {
  it.each([
    ['The Head of Service said there were 7 and the service had contacted each family.', 'hidden: were 7 and'],
    ['There were 7.', 'hidden: were 7'],
    ['Members asked whether the seven were all known to the front door.', 'hidden: the seven were'],
    ['The 7 referred by schools were seen first.', 'hidden: The 7 referred'],
    ['Of the 40 open cases, 7 were new this quarter.', 'hidden: 7 were'],
    ['In March 7 children went missing.', 'hidden: 7 children'],
    ['in the year 7 children left care', 'hidden: year 7 children'],
  ])('%s', (sentence, expected) => {
    expect(found(sentence)).toContain(expected);
  });
});

describe('numbers that are not counts', () => {
  it.each([
    'In 2019 the rate was 45.2 per 10,000 and the figure for 2018-19 was revised.',
    'It was the 3rd quarter running in which the rate fell.',
    'The review on 5 March 2020 found progress; the next is on 7 April.',
    'About 7% of referrals were repeats, and 3 per cent were from schools.',
    'A rate of 7 per 10,000, against 3 in 10 in the region and two in three nationally.',
    'Under agenda item 7 the panel noted Appendix 3 and paragraph 7 of the report.',
    'Year 7 pupils were surveyed; section 20 and section 47 enquiries were discussed.',
    '7. Care leavers\n(3) That the report be noted.',
    'Assessments were completed within 45 working days; the three years to 2019; every seven weeks.',
    'Care leavers aged 19 to 21, and 3 or more placements in 12 months.',
    'Two thirds of the plans were reviewed on time.',
    'The cost was £7 million; the meeting began at 7 pm and ended at 10:30.',
    'One of the members asked about it. No one disagreed.',
    'The papers are at https://example.gov.uk/documents/7.pdf and [the report](https://example.gov.uk/?id=3).',
    'Covid-19 delayed the 12-month review.',
    'The summary should be one or two plain sentences.',
  ])('%s', (sentence) => {
    expect(found(sentence)).toEqual([]);
  });
});

describe('a confirmation lets its own words through, and nothing else', () => {
  const text = 'There were 7 and the service had contacted each family. Later 7 referrals were withdrawn.';
  it('lets through the confirmed phrase, wherever it is written and however it wraps', () => {
    expect(found(text, { confirmed: ['7 referrals'] })).toEqual(['hidden: were 7 and']);
    expect(found('For 5 of\nthem the council had no information.', { confirmed: ['5 of them'] })).toEqual([]);
  });
  it('lets through a longer phrase holding the number, as the message suggests', () => {
    expect(found(text, { confirmed: ['there were 7 and the service', '7 referrals'] })).toEqual([]);
  });
  it('does not let through a number outside the confirmed words', () => {
    expect(found(text, { confirmed: ['contacted each family'] })).toHaveLength(2);
  });
});

describe('the margins of the exemptions', () => {
  it("lets be the councils and codes in the DfE import's notes, even where the page hides the same numbers", () => {
    const hidden = new Set([9, 10, 152, 314, 318, 885]);
    for (const note of [
      'Average of 9 of the 10 statistical neighbours; no figure for Somerset [k]',
      'Statistical neighbours: DfE statistical neighbour model, 2025, for old LA code 885; Kingston upon Thames is reported as 314 / 318.',
      'The council is 7th highest of 152 councils.',
    ]) {
      expect(found(note, { hidden }), note).toEqual([]);
    }
  });

  it('reads "rate" as a rate only when the number is that rate', () => {
    expect(found('The rate was 7, against 9 a year earlier.')).toEqual([]);
    expect(found('The rate of referrals for 3 children rose.', { hidden: new Set() })).toEqual(['small: 3 children']);
  });
  it('reads "over 7" and "under 7" as bounds on a count, not as ages', () => {
    expect(found('Over 7 children were placed out of area.')).toEqual(['hidden: Over 7 children']);
    expect(found('Children aged 7 to 9 were seen.')).toEqual([]);
  });
});
