import { describe, expect, it } from 'vitest';
import { glossaryMarker } from '../src/lib/glossary-markup';

const marker = glossaryMarker(
  [
    { term: 'LAC', expansion: 'Looked after children', definition: 'In care.' },
    { term: 'Early help', definition: 'Support before social care is needed.' },
    { term: 'Section 20', expansion: 'Section 20 of the Children Act 1989', definition: 'Care by agreement.' },
  ],
  (term) => `/glossary/#${term.toLowerCase().replace(/\s+/g, '-')}`,
);

describe('glossary markup', () => {
  it('marks only the first use of a term, with its expansion and a link', () => {
    expect(marker.mark('<main><p>LAC rose. LAC fell.</p></main>')).toBe(
      '<main><p><a class="sc-term" href="/glossary/#lac"><abbr title="Looked after children">LAC</abbr></a> rose. LAC fell.</p></main>',
    );
  });

  it('matches acronyms by case, longer terms in any case, and whole words only', () => {
    const html = marker.mark('<p>lac and LACE; early help and Section 20s; section 20 care.</p>');
    expect(html).not.toContain('#lac');
    expect(html).toContain('<a class="sc-term" href="/glossary/#early-help">early help</a>');
    expect(html).toContain('<abbr title="Section 20 of the Children Act 1989">section 20</abbr>');
  });

  it('leaves headings, links, charts and captions alone, and counts a term already marked', () => {
    const html = marker.mark(
      '<h2>LAC</h2><a href="/x">LAC</a><svg><text>LAC</text></svg><table><caption>LAC</caption></table><p><a class="sc-term" href="/glossary/#early-help">Early help</a> then early help, then LAC</p>',
    );
    expect(html.match(/sc-term/g)).toHaveLength(2);
    expect(html).toContain('then early help, then <a class="sc-term" href="/glossary/#lac"><abbr title="Looked after children">LAC</abbr></a></p>');
  });
});

describe('glossary markup and charts', () => {
  it('copies a chart whole, nested drawings and unclosed elements included, and marks the text after it', () => {
    const chart = '<svg class="c"><title>LAC</title><g><svg><text>LAC</text></svg><text>Early help<tspan>LAC</svg>';
    const html = `<p>${chart}</p><p>LAC and early help</p>`;
    expect(marker.mark(html)).toBe(
      `<p>${chart}</p><p><a class="sc-term" href="/glossary/#lac"><abbr title="Looked after children">LAC</abbr></a> and <a class="sc-term" href="/glossary/#early-help">early help</a></p>`,
    );
  });

  it('leaves a drawing that is never closed alone', () => {
    expect(marker.mark('<p><svg><text>LAC</text></p>')).toBe('<p><svg><text>LAC</text></p>');
  });
});

describe('glossary markup and attributes', () => {
  it('reads a quoted attribute holding ">" as part of its tag, so no markup is made from it', () => {
    const html = '<div aria-label="Chart: Caseloads > 20 (LAC)" tabindex="0"><p>LAC</p></div>';
    expect(marker.mark(html)).toBe(
      '<div aria-label="Chart: Caseloads > 20 (LAC)" tabindex="0"><p><a class="sc-term" href="/glossary/#lac"><abbr title="Looked after children">LAC</abbr></a></p></div>',
    );
  });
});
