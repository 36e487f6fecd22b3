/**
 * The sizes a content set may reach: each is far beyond what a council writes (the sample's longest
 * meeting file is 7 KB, its longest title 80 characters), and each keeps one file from making
 * `check` or the build slow, crash or run out of memory. They are checked before any slow work:
 * file sizes before a file is read, the body's size and nesting before it is parsed. The content
 * format guide (docs/content-format.md, "Limits") lists them; a test keeps the two in step.
 */
export const LIMITS = {
  /** Bytes in one YAML file: site.yaml, glossary.yaml, a committee or an indicator. */
  yamlFileBytes: 1_000_000,
  /** Bytes in one meeting file, front matter and body together. */
  meetingFileBytes: 1_000_000,
  /** Bytes in one quarter's data file. */
  csvFileBytes: 10_000_000,
  /** Characters in a meeting's body. */
  bodyCharacters: 200_000,
  /** Characters in a title or a name: the site's, a committee's, an indicator's, an agenda item's, a person's. */
  titleCharacters: 200,
  /** Characters in any other text field, or in one cell of a data file. */
  textCharacters: 5_000,
  /** Quotations and lists inside each other in a meeting's body, on one line. */
  blockNesting: 10,
  /** Emphasis, strikethrough and link brackets inside each other in one paragraph. */
  inlineNesting: 20,
  /**
   * The earliest year a figure may be for: children's services statistics begin in the 1980s, and
   * without a floor one data file could hold monthly rows back to the year 1000, each a row of
   * every table and download (1.4 MB of them took the sample's build from 10 s to 34 s).
   */
  earliestYear: 1980,
  /** Terms in the glossary: each is looked for in every page's text (9,000 took the sample's build from 8 s to over 2 minutes). */
  glossaryTerms: 1_000,
  /** Categories of one indicator's breakdown: each is a bar, a column of every table and a series. */
  categories: 100,
  /** Lists and sets of fields inside each other in a YAML file or front matter. */
  yamlNesting: 10,
} as const;
