/**
 * The safe meeting body: what a meeting's MDX may contain, checked on the tree the MDX parser
 * makes (mdast with MDX nodes). The people who commit content write minutes, not code, so the body
 * is an allowlist: Markdown, the three documented components with their props, comments
 * `{/* ... *\/}` and a few plain HTML elements. Everything else (JavaScript expressions, `import`
 * and `export`, other HTML, attributes, unknown or lower-case components, links to `javascript:`
 * and the like) is refused with its position and what to write instead.
 *
 * `npm run check` runs this on the tree it parses (see meeting-body.ts) and the build runs it again
 * on the tree it renders (src/lib/body/to-hast.ts), so the two never disagree. Pure: no
 * parser, no file system, so the build's remark plugin can use it as it is.
 */
import { didYouMean } from './suggest';

/** The components MDX authors may use without importing them. */
export const MDX_COMPONENTS = ['Indicator', 'Chart', 'Term'] as const;

/** The HTML elements a body may use, always without attributes. */
export const HTML_ALLOWED = ['br', 'sub', 'sup'] as const;

/** Link schemes a body may use; a link without a scheme is a path on this site. */
export const URL_SCHEMES = ['http', 'https', 'mailto', 'tel'] as const;

/** Markdown (CommonMark and GitHub's tables, strikethrough and footnotes) that needs no checks. */
const MARKDOWN = new Set([
  'root',
  'paragraph',
  'heading',
  'thematicBreak',
  'blockquote',
  'list',
  'listItem',
  'text',
  'emphasis',
  'strong',
  'delete',
  'inlineCode',
  'code',
  'break',
  'linkReference',
  'table',
  'tableRow',
  'tableCell',
  'footnoteDefinition',
  'footnoteReference',
]);

export interface Point {
  line: number;
  column: number;
  offset?: number;
}
export interface BodyNode {
  type: string;
  name?: string | null;
  value?: string;
  url?: string;
  attributes?: BodyNode[];
  children?: BodyNode[];
  position?: { start: Point; end: Point };
  data?: { estree?: { body: unknown[]; comments?: unknown[] } };
}

export interface ComponentUse {
  name: string;
  /** The `id` prop, or the text inside for <Term>. */
  arg?: string;
  line: number;
  column: number;
}

export interface BodyProblem {
  line: number;
  column: number;
  message: string;
}

const COMPONENT_FORMS = '<Indicator id="..." />, <Chart id="..." /> and <Term>...</Term>';
const TEXT_HINT = 'write Markdown instead (**bold**, *italic*, [a link](https://...))';

/** Shortens what the author wrote, for quoting in a message. */
function quote(text: string) {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 40 ? `${one.slice(0, 37)}...` : one;
}

/** The text of a node and its children, as a reader would see it. */
function textOf(node: BodyNode): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

/**
 * The text of a <Term>, as check compares it with the glossary: its plain text (character
 * references decoded by the parser, before any smart punctuation), trimmed; possibly inside one
 * paragraph, when the tag stands on lines of its own. Undefined when it holds anything but text.
 * The build passes this same text to the page's <Term> (src/lib/body/term-text.ts), so check and
 * the page always look up the same words.
 */
export function termTextOf(node: BodyNode): string | undefined {
  const children = node.children ?? [];
  const inner = children.length === 1 && children[0].type === 'paragraph' ? (children[0].children ?? []) : children;
  return inner.every((c) => c.type === 'text') ? textOf({ type: 'root', children: inner }).trim() : undefined;
}

/** What a <Term> holds other than text, for the message that refuses it. */
function termNotText(node: BodyNode): BodyNode | undefined {
  const children = node.children ?? [];
  const inner = children.length === 1 && children[0].type === 'paragraph' ? (children[0].children ?? []) : children;
  return inner.find((c) => c.type !== 'text');
}

/**
 * The scheme of a link that is not allowed, or undefined for an allowed link. Browsers ignore
 * tabs, newlines and leading control characters in a URL, so they are removed first.
 */
export function forbiddenScheme(url: string): string | undefined {
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
  return scheme && !(URL_SCHEMES as readonly string[]).includes(scheme) ? scheme : undefined;
}

/**
 * A link that a browser reads as the address of another website although it has no scheme: `//host`
 * (protocol-relative), and, since browsers read \ as / in web addresses, `\\host`, `/\host` and
 * `\/host`. Browsers first drop leading spaces and control characters and every tab and newline,
 * so `/<tab>/host` is `//host` too; so is `&#47;&#47;host`, which the parser has already decoded.
 * Percent-encoding is not undone by browsers (`/%5Chost` is a path), so it is left alone. Returns
 * the address as the author probably meant it, `https://host/...`, or undefined for a link that is
 * a path on this site or has a scheme.
 */
export function offSiteWithoutScheme(url: string): string | undefined {
  const cleaned = url.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
  if (!/^[\\/]{2}/.test(cleaned)) return undefined;
  return `https://${cleaned.replace(/^[\\/]+/, '').replace(/\\/g, '/')}`;
}

/** Whether an MDX expression `{...}` holds only comments, which render nothing. */
function isComment(node: BodyNode): boolean {
  const estree = node.data?.estree;
  if (estree) return estree.body.length === 0 && (estree.comments?.length ?? 0) > 0;
  // Without a parsed program, accept only one plain block comment.
  return /^\s*\/\*(?:(?!\*\/)[\s\S])*\*\/\s*$/.test(node.value ?? '');
}

/** The string an attribute holds: `id="x"`, or `id={"x"}`; undefined for anything else. */
function attributeString(attr: BodyNode): string | undefined {
  const value = (attr as { value?: unknown }).value;
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && (value as BodyNode).type === 'mdxJsxAttributeValueExpression') {
    const m = /^\s*(?:"([^"\\]*)"|'([^'\\]*)')\s*$/.exec((value as BodyNode).value ?? '');
    if (m) return m[1] ?? m[2];
  }
  return undefined;
}

/**
 * Checks a parsed body against the allowlist. `source` is the text the tree was parsed from, for
 * quoting. Returns every problem, one per mistake (what is inside a refused node is not checked
 * again), and the components used, with their positions, for the checks against the content.
 */
export function checkBodyTree(tree: BodyNode, source = ''): { problems: BodyProblem[]; uses: ComponentUse[] } {
  const problems: BodyProblem[] = [];
  const uses: ComponentUse[] = [];
  const at = (node: BodyNode) => node.position?.start ?? { line: 1, column: 1 };
  const report = (node: BodyNode, message: string) => {
    const { line, column } = at(node);
    problems.push({ line, column, message });
  };
  const written = (node: BodyNode) => {
    const p = node.position;
    return p && p.start.offset !== undefined && p.end.offset !== undefined ? source.slice(p.start.offset, p.end.offset) : '';
  };

  const checkUrl = (node: BodyNode, what: string) => {
    const scheme = forbiddenScheme(node.url ?? '');
    if (scheme) {
      report(node, `${what} to "${scheme}:" cannot be used in a meeting's text; a link starts https://, http://, mailto: or tel:, or is a path on this site`);
      return false;
    }
    const offSite = offSiteWithoutScheme(node.url ?? '');
    if (offSite) {
      // Tabs and newlines are shown, since the browser's dropping them is the point.
      const shown = quote((node.url ?? '').replace(/\t/g, '<tab>').replace(/\r?\n/g, '<newline>'));
      report(node, `${what} to "${shown}" goes to another website, as browsers read a leading // or \\ as the start of a website's address; a link to another site starts https://, so write ${quote(offSite)}; a path on this site starts with a single /`);
      return false;
    }
    return true;
  };

  const checkComponent = (node: BodyNode, name: (typeof MDX_COMPONENTS)[number]) => {
    const attrs = node.attributes ?? [];
    const use: ComponentUse = { name, ...at(node) };
    let ok = true;
    // Props other than id are named together, in one message for the tag.
    const extra = attrs.filter((a) => a.type === 'mdxJsxAttribute' && (name === 'Term' || a.name !== 'id'));
    if (extra.length) {
      const allowed = name === 'Term' ? 'takes no attributes; write <Term>LAC</Term>' : `takes only id; write <${name} id="cla-rate" />`;
      report(extra[0].position ? extra[0] : node, `<${name}> ${allowed}, without ${extra.map((a) => a.name).join(' and ')}`);
      ok = false;
    }
    for (const attr of attrs) {
      if (attr.type !== 'mdxJsxAttribute') {
        report(attr.position ? attr : node, `<${name}> cannot take code ({${quote(attr.value ?? '')}}); write ${name === 'Term' ? '<Term>LAC</Term>' : `<${name} id="cla-rate" />`}`);
        ok = false;
      } else if (extra.includes(attr)) {
        continue;
      } else if (use.arg !== undefined) {
        report(attr.position ? attr : node, `<${name}> has id twice; keep one`);
        ok = false;
      } else {
        const id = attributeString(attr);
        if (id === undefined) {
          report(attr.position ? attr : node, `the id of <${name}> must be written in quotes, like <${name} id="cla-rate" />`);
          ok = false;
        } else use.arg = id;
      }
    }
    const children = node.children ?? [];
    if (name === 'Term') {
      const bad = termNotText(node);
      if (bad) {
        report(bad, `<Term> holds only the term's text, like <Term>LAC</Term>; remove the ${bad.type.startsWith('mdx') ? `<${bad.name ?? ''}>` : 'formatting'} inside it`);
        ok = false;
      } else use.arg = termTextOf(node);
    } else if (children.length) {
      report(children[0], `<${name}> takes nothing between its tags; write <${name} id="cla-rate" />`);
      ok = false;
    }
    if (ok) uses.push(use);
  };

  const checkElement = (node: BodyNode) => {
    const name = node.name;
    if (!name) {
      report(node, `an empty tag <> cannot be used in a meeting's text; remove it, or write \\<> to show it as text`);
      return;
    }
    if ((MDX_COMPONENTS as readonly string[]).includes(name)) return checkComponent(node, name as (typeof MDX_COMPONENTS)[number]);
    const component = MDX_COMPONENTS.find((c) => c.toLowerCase() === name.toLowerCase());
    if (component) {
      const form = component === 'Term' ? '<Term>LAC</Term>' : `<${component} id="cla-rate" />`;
      report(node, `<${name}> is not a component: components start with a capital letter; write ${form}`);
      return;
    }
    if (/^[A-Z]/.test(name) || name.includes('.')) {
      report(node, `unknown component <${name}>${didYouMean(name, MDX_COMPONENTS)}; the components are ${COMPONENT_FORMS}`);
      return;
    }
    if (!(HTML_ALLOWED as readonly string[]).includes(name)) {
      report(node, `HTML <${name}> cannot be used in a meeting's text; ${TEXT_HINT}, or write \\<${name}> to show the tag as text`);
      return;
    }
    const attr = node.attributes?.[0];
    if (attr) {
      const label = attr.type === 'mdxJsxAttribute' ? attr.name : `{${quote(attr.value ?? '')}}`;
      report(attr.position ? attr : node, `<${name}> cannot have attributes; write <${name}> alone, without ${label}`);
      return;
    }
    if (name === 'br' && node.children?.length) {
      report(node, `<br> takes nothing between tags; write <br />`);
      return;
    }
    visitAll(node.children);
  };

  const visit = (node: BodyNode) => {
    switch (node.type) {
      case 'mdxjsEsm':
        return report(node, `import and export cannot be used in a meeting's text (the components need no import); remove "${quote(written(node) || node.value || '')}", or if it is a sentence, start it with a capital letter`);
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        if (isComment(node)) return;
        const text = written(node) || `{${node.value ?? ''}}`;
        return report(node, `${quote(text)} is code, which a meeting's text cannot contain; to show braces as text, write \\{ and \\}, as in ${quote(text.replace(/^\{/, '\\{').replace(/\}$/, '\\}'))}`);
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        return checkElement(node);
      case 'link':
        if (checkUrl(node, 'a link')) visitAll(node.children);
        return;
      case 'definition':
        checkUrl(node, 'a link');
        return;
      case 'image':
      case 'imageReference':
        return report(node, `images cannot be placed in a meeting's text; link to the document instead, as [its title](https://...)`);
      case 'html':
        return report(node, `HTML cannot be used in a meeting's text; ${TEXT_HINT}`);
      default:
        if (!MARKDOWN.has(node.type)) return report(node, `${node.type} cannot be used in a meeting's text; ${TEXT_HINT}`);
        visitAll(node.children);
    }
  };
  const visitAll = (children: BodyNode[] | undefined) => children?.forEach(visit);

  visit(tree);
  return { problems, uses };
}
