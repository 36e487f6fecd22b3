import { z, type ZodIssue, type ZodTypeAny } from 'astro/zod';
import type { Path, YamlSource } from './yaml-file';
import { didYouMean } from './suggest';
import { excerpt, type ProblemList } from './problems';
import { LIMITS } from '../schemas/limits';

/**
 * Validates data against a named schema and reports each issue at its place in the YAML source,
 * in words an author can act on. Returns the parsed value, or undefined when anything failed.
 */
export function validateWith<S extends ZodTypeAny>(
  schema: S,
  source: YamlSource,
  file: string,
  problems: ProblemList,
  pathPrefix: Path = [],
): z.output<S> | undefined {
  if (source.failed) return undefined;
  if (source.data === null || source.data === undefined || (typeof source.data !== 'object' && pathPrefix.length === 0)) {
    const at = source.locate(pathPrefix);
    const what = source.data === null || source.data === undefined ? `${file} is empty` : `${file} holds ${show(source.data)} instead of fields`;
    problems.add(file, at.line, at.column, `${what}; write its fields as "name: value" lines, at least ${listWords(requiredKeys(schema)) || 'one'}`);
    return undefined;
  }
  if (Array.isArray(source.data) !== isArraySchema(schema)) {
    const at = source.locate(pathPrefix);
    problems.add(
      file,
      at.line,
      at.column,
      Array.isArray(source.data)
        ? `${file} holds a list instead of fields; write its fields as "name: value" lines, at least ${listWords(requiredKeys(schema))}`
        : `${file} holds fields instead of a list; write each entry as a list item starting "- "`,
    );
    return undefined;
  }
  let data = source.data;
  let result = schema.safeParse(data);
  // Text written as a plain number (agenda item 7.10, a title "2020") is read by YAML as a number:
  // where a field wants text, use the number exactly as it was written, so 7.10 stays "7.10".
  for (let round = 0; !result.success && round < 3; round++) {
    const asText = result.error.issues.flatMap((issue) => {
      if (issue.code !== 'invalid_type' || issue.expected !== 'string' || issue.received !== 'number') return [];
      const written = source.numberText([...pathPrefix, ...issue.path]);
      return written === undefined ? [] : [{ path: issue.path, written }];
    });
    if (!asText.length) break;
    data = structuredClone(data);
    for (const { path, written } of asText) setAt(data, path, written);
    result = schema.safeParse(data);
  }
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    for (const { path, key, message } of describeIssue(issue, schema, data)) {
      const at = source.locate([...pathPrefix, ...path], { key });
      problems.add(file, at.line, at.column, message);
    }
  }
  return undefined;
}

function setAt(data: unknown, path: Path, value: unknown) {
  let v = data as any;
  for (const step of path.slice(0, -1)) v = v[step];
  v[path[path.length - 1]] = value;
}

interface Described {
  path: Path;
  key: boolean;
  message: string;
}

export function fieldName(path: Path) {
  let out = '';
  for (const step of path) out += typeof step === 'number' ? `[${step + 1}]` : out ? `.${step}` : String(step);
  return out;
}

function valueAt(data: unknown, path: Path): unknown {
  let v = data as any;
  for (const step of path) v = v == null ? undefined : v[step];
  return v;
}

function show(value: unknown): string {
  if (value === null) return 'empty';
  if (typeof value === 'string') return `"${excerpt(value)}"`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a set of fields';
  return String(value);
}

const KIND: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of fields',
};

function describeIssue(issue: ZodIssue, schema: ZodTypeAny, data: unknown): Described[] {
  const path = issue.path;
  const field = fieldName(path);
  const value = valueAt(data, path);
  const subject = field ? `${field} ${show(value)}` : `this file holds ${show(value)}`;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.received === 'undefined') {
        return [{ path, key: false, message: `missing ${field}; add "${String(path[path.length - 1])}:" here` }];
      }
      if (issue.received === 'null') {
        return [{ path, key: false, message: `${field} is empty; expected ${KIND[issue.expected] ?? issue.expected}` }];
      }
      // A list or a set of fields is named once: "title is a list", not "title a list is a list".
      if (issue.received === 'array' || issue.received === 'object') {
        return [{ path, key: false, message: `${field || 'this file'} is ${KIND[issue.received]}; expected ${KIND[issue.expected] ?? issue.expected}${issue.expected === 'string' ? ': write the text on the same line as the field, or put it in double quotes if it starts with [ or {' : ''}` }];
      }
      return [{ path, key: false, message: `${subject} is ${KIND[issue.received] ?? issue.received}; expected ${KIND[issue.expected] ?? issue.expected}` }];
    case 'invalid_enum_value':
      return [
        {
          path,
          key: false,
          message: `${subject} is not allowed; write one of ${issue.options.join(', ')}${didYouMean(String(issue.received), issue.options.map(String))}`,
        },
      ];
    case 'unrecognized_keys': {
      const known = knownKeys(schema, path);
      return issue.keys.map((k) => ({
        path: [...path, k],
        key: true,
        message: valueAt(data, [...path, k]) === null && /[\s,A-Z]/.test(k)
          ? `"${k}" is read as a field of its own, because a comma inside { ... } ends a value; put the whole value in double quotes, such as role: "…, ${k}"`
          : `unknown field "${k}"${field ? ` in ${field}` : ''}; expected ${known.length ? `one of ${known.join(', ')}` : 'none here'}${didYouMean(k, known)}`,
      }));
    }
    case 'invalid_union':
      if (value === undefined) return [{ path, key: false, message: `missing ${field}; add "${String(path[path.length - 1])}:" here, ${unionHint(field).replace(/^write /, 'with ')}` }];
      return [{ path, key: false, message: `${subject} is not allowed here; ${unionHint(field)}` }];
    case 'too_small':
      if (issue.type === 'number') return [{ path, key: false, message: `${subject} is too small; it must be at least ${issue.minimum}` }];
      if (issue.type === 'string' || issue.type === 'array') return [{ path, key: false, message: `${field} ${issue.message}` }];
      break;
    case 'too_big':
      if (issue.type === 'number') return [{ path, key: false, message: `${subject} is too large; it must be at most ${issue.maximum}` }];
      // Text past the limit for any text field was reported as it was read (limits.ts): once is enough.
      if (issue.type === 'string') return typeof value === 'string' && value.length > LIMITS.textCharacters ? [] : [{ path, key: false, message: `${field} ${issue.message}` }];
      break;
    case 'invalid_string':
    case 'custom':
      // A rule about a whole list or set of fields speaks of the field by its name alone.
      return [{ path, key: false, message: `${field && value !== null && typeof value === 'object' ? field : subject} ${issue.message}` }];
    default:
      break;
  }
  return [{ path, key: false, message: `${subject}: ${issue.message}` }];
}

function unionHint(field: string) {
  if (field === 'target') return 'write a number, such as 85, or a list such as [{from: 2018/19, value: 85}]';
  if (field.endsWith('number')) return 'write the agenda item number, such as "7"';
  // A column DfE names with digits alone would be read by YAML as a number: the quotes keep it text.
  if (field === 'ees.value') return 'write the column that holds the value, such as rate_per_10000, or for a breakdown each category and its column; write a column named with a number in quotes, such as "2021"';
  if (field === 'ees.numerator' || field === 'ees.denominator') return 'write the column, such as children_count, or { column: ..., filters: { ...: ... } } for another row; write a column named with a number in quotes, such as "2021"';
  if (field.startsWith('comparators.statisticalNeighbours.members')) return "write each neighbour's old LA code, such as 885, or its name";
  return 'check the format in CONTENT-FORMAT.md';
}

/** The fields an author must write in an object schema, for "write at least ...". */
function requiredKeys(schema: ZodTypeAny): string[] {
  const s = unwrap(schema);
  if (!(s instanceof z.ZodObject)) return [];
  return Object.entries(s.shape as Record<string, ZodTypeAny>)
    .filter(([, v]) => !v.isOptional() && !(v instanceof z.ZodDefault))
    .map(([k]) => k);
}

/** "a, b and c" */
function listWords(items: string[]) {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function isArraySchema(schema: ZodTypeAny) {
  return unwrap(schema) instanceof z.ZodArray;
}

/** The field names a strict object accepts at `path`, for "expected one of" and "did you mean". */
function knownKeys(schema: ZodTypeAny, path: Path): string[] {
  let s: ZodTypeAny | undefined = schema;
  for (const step of path) {
    s = unwrap(s);
    if (!s) return [];
    if (s instanceof z.ZodObject) s = s.shape[step as string];
    else if (s instanceof z.ZodArray) s = s.element;
    else if (s instanceof z.ZodRecord) s = s.valueSchema;
    else return [];
  }
  s = unwrap(s);
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

function unwrap(s: ZodTypeAny | undefined): ZodTypeAny | undefined {
  while (s) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap();
    else if (s instanceof z.ZodDefault) s = s._def.innerType;
    else if (s instanceof z.ZodEffects) s = s.innerType();
    else if (s instanceof z.ZodUnion) s = s.options.find((o: ZodTypeAny) => unwrap(o) instanceof z.ZodArray || unwrap(o) instanceof z.ZodObject) ?? s.options[0];
    else return s;
  }
  return s;
}
