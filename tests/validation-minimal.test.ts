import { describe, expect, it } from 'vitest';
import { loadContent } from '../src/lib/content/load';
import { MINIMAL, problemsFor } from './helpers/fixtures';

describe('the minimal fixture site', () => {
  it('is valid', async () => {
    const { problems, content } = await loadContent(MINIMAL);
    expect(problems).toEqual([]);
    expect(content!.meetings.map((m) => m.id)).toEqual(['panel/2018-07-20', 'panel/2018-10-25']);
  });
});

describe('a bad value', () => {
  it('names the file, line and column, what was found and what to write', async () => {
    expect(await problemsFor('value-not-number')).toMatchInlineSnapshot(`
      [
        "data/2018-19/q1.csv:3:5: value "82.5%" is not a number; write 82.5",
      ]
    `);
  });
});
