import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { glossaryMarker } from '../src/lib/glossary-markup';
import { sameTerm } from '../src/lib/term-key';

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

describe('glossary markup reads only the text a reader sees', () => {
  // Terms that are also the names of character references, tags and attributes.
  const words = ['quot', 'lt', 'amp', 'gt', 'nbsp', 'class', 'href', 'span', 'title'];
  const tricky = glossaryMarker(
    words.map((term) => ({ term, definition: `The word ${term}.` })),
    (term) => `/glossary/#${term}`,
  );
  const link = (word: string) => `<a class="sc-term" href="/glossary/#${word}">${word}</a>`;

  it('never marks inside a character reference, a tag or an attribute value', () => {
    const html =
      '<p class="span" title="quot &amp; lt">&quot;Quoted&quot; &lt;b&gt; &amp; A&nbsp;B &#39;x&#39; &#x26; <a href="/x?class=span">a link</a> <span class="href">in an element</span></p>';
    // Nothing a reader sees is one of the words, so the page is unchanged, byte for byte.
    expect(tricky.mark(html)).toBe(html);
  });

  it('marks the words where a reader sees them, beside references, and leaves the references whole', () => {
    const html = '<p>&quot;quot&quot; then lt&lt;gt, amp&amp;amp, nbsp&nbsp;span and class <span class="x">href</span>.</p>';
    expect(tricky.mark(html)).toBe(
      `<p>&quot;${link('quot')}&quot; then ${link('lt')}&lt;${link('gt')}, ${link('amp')}&amp;amp, ${link('nbsp')}&nbsp;${link('span')} and ${link('class')} <span class="x">${link('href')}</span>.</p>`,
    );
    // A reader sees the same words, and each mark is a link around one of them.
    const read = (h: string) => parseHTML(`<!DOCTYPE html><html><body>${h}</body></html>`).document;
    expect(read(tricky.mark(html)).body.textContent).toBe(read(html).body.textContent);
    expect([...read(tricky.mark(html)).querySelectorAll('a.sc-term')].map((a) => a.textContent)).toEqual(['quot', 'lt', 'gt', 'amp', 'nbsp', 'span', 'class', 'href']);
  });

  it('a term holding an apostrophe or an ampersand matches however the page writes it, keeping its bytes', () => {
    const m = glossaryMarker(
      [
        { term: "Children's Act", definition: 'x' },
        { term: 'A&E', definition: 'Accident and emergency.' },
        { term: 'Section 17 (CIN)', definition: 'y' },
        { term: '"Edge of care"', definition: 'z' },
      ],
      (term) => `/glossary/#${encodeURIComponent(term)}`,
    );
    const html = '<p>The Children&#39;s Act, A&amp;E, Section 17 (CIN) and “Edge of care”.</p><p>The Children’s Act again.</p>';
    expect(m.mark(html)).toBe(
      `<p>The <a class="sc-term" href="/glossary/#Children's%20Act">Children&#39;s Act</a>, <a class="sc-term" href="/glossary/#A%26E">A&amp;E</a>, <a class="sc-term" href="/glossary/#Section%2017%20(CIN)">Section 17 (CIN)</a> and <a class="sc-term" href="/glossary/#%22Edge%20of%20care%22">“Edge of care”</a>.</p><p>The Children’s Act again.</p>`,
    );
  });

  it('a curly apostrophe in the glossary matches a straight one on the page', () => {
    const m = glossaryMarker([{ term: 'Children’s Act', definition: 'x' }], () => '/glossary/#act');
    expect(m.mark('<p>the children&#39;s act</p>')).toBe('<p>the <a class="sc-term" href="/glossary/#act">children&#39;s act</a></p>');
  });

  it('copies comments and a doctype whole', () => {
    const html = '<!DOCTYPE html><!-- quot span --><p>x</p>';
    expect(tricky.mark(html)).toBe(html);
  });
});

describe('how terms compare (term-key.ts), for check, <Term> and the marking alike', () => {
  it('straight and curly quotes, non-breaking spaces and hyphens, case and spacing do not matter; other punctuation does', () => {
    expect(sameTerm("Children's Act", 'Children’s Act')).toBe(true);
    expect(sameTerm('The "front door"', 'the “front door”')).toBe(true);
    expect(sameTerm('Step-down', 'step\u2011down')).toBe(true);
    expect(sameTerm('Early  help', 'early\u00a0help ')).toBe(true);
    expect(sameTerm('A&E', 'A and E')).toBe(false);
    expect(sameTerm('Level 2--3', 'Level 2-3')).toBe(false);
    expect(sameTerm('Childrens Act', "Children's Act")).toBe(false);
  });
});
