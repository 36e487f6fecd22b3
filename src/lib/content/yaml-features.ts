/**
 * The parts of YAML the content format never uses, found in the parser's token stream (its CST)
 * before anything is turned into data: tags (`!!binary`, `!!set`, `!custom`, `!!js/function`),
 * anchors (`&a`), aliases (`*a`, and so merge keys `<<: *a`) and directives (`%YAML 1.1`).
 *
 * They are refused outright, at the place they are written. Content is plain text, numbers,
 * lists and fields, so none of them is needed; a tag turns text into a value no field takes (a
 * byte array, a set, a date) and produced messages such as "a set of fields is a set of fields";
 * `%YAML 1.1` would make `no` mean false; and aliases are how a "billion laughs" file, a few
 * lines of anchors each copying the one before, makes a parser build a value of billions of
 * items. Looking at tokens costs one pass over the text, however the aliases nest. What usually
 * puts one of these characters there is prose (`summary: *Provisional* figures`, `title: &
 * more`), so each message says how to write it as text. Pure.
 */
import { Parser } from 'yaml';

export interface YamlFeature {
  kind: 'tag' | 'anchor' | 'alias' | 'directive';
  /** Where it is written, as an offset in the text. */
  offset: number;
  /** What is written, as the author wrote it. */
  source: string;
}

const KINDS = new Set(['tag', 'anchor', 'alias', 'directive']);

/** Every tag, anchor, alias and directive in a YAML text, in the order they are written. */
export function yamlFeatures(text: string): YamlFeature[] {
  const found: YamlFeature[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== 'object') return;
    const token = value as { type?: string; offset?: number; source?: string };
    if (token.type && KINDS.has(token.type) && typeof token.offset === 'number' && typeof token.source === 'string') {
      found.push({ kind: token.type as YamlFeature['kind'], offset: token.offset, source: token.source });
      return;
    }
    for (const child of Object.values(value)) if (child && typeof child === 'object') walk(child);
  };
  for (const token of new Parser().parse(text)) walk(token);
  return found.sort((a, b) => a.offset - b.offset);
}

/** Shortens what the author wrote, for quoting in a message. */
export function excerpt(text: string, max = 40): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 3)}...` : one;
}

const AS_TEXT = 'to write it as text, put the whole value in double quotes';

/**
 * What to say about one use of a feature; `line` is the text of its line, to tell a merge key
 * (`<<: *a`) from another alias, and `more` how many more of its kind the file holds.
 */
export function featureMessage(feature: YamlFeature, line: string, more: number): string {
  const written = excerpt(feature.source);
  const also = more > 0 ? ` (and ${more} more in this file)` : '';
  switch (feature.kind) {
    case 'tag':
      return `${written} is a YAML tag${also}, which the content format does not use; remove it and write the value as plain text (if the ! is part of the text, put the whole value in double quotes)`;
    case 'anchor':
      return `${written} at the start of a value is read as a YAML anchor${also}, a name for the value to be copied elsewhere, which the content format does not use; remove it, or, ${AS_TEXT}`;
    case 'alias':
      if (/^\s*(?:-\s+)?<<\s*:/.test(line)) {
        return `<<: ${written} copies the fields of another entry (a YAML merge key)${also}, which the content format does not use; write the fields out in full here`;
      }
      return `${written} at the start of a value is read as a YAML alias${also}, a copy of a value marked elsewhere, which the content format does not use; write the value out in full, or, ${AS_TEXT}`;
    case 'directive':
      return `${written} is a YAML directive${also}, which the content format does not use; remove the line`;
  }
}
