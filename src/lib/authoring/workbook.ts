/**
 * Reads an .xlsx workbook into sheets for the import: the cell values, as read-excel-file reads
 * them, and each cell's number format, which read-excel-file does not give. The format matters:
 * Excel stores a cell shown as 38.5% as 0.385 and one shown as 100% as 1, so without it a
 * percentage cannot be told from a fraction or a count, and would be published a hundred times
 * too small. The formats are read from the workbook's own XML (styles.xml and each sheet), with
 * fflate to unzip it and fast-xml-parser to parse it, both already used by the project's
 * dependencies; nothing here touches the disk.
 */
import { strFromU8, unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import readXlsxFile from 'read-excel-file/node';
import type { Cell, Sheet } from './import';

/** Excel's built-in number formats (ECMA-376 part 1, 18.8.30) that a performance sheet uses. */
const BUILT_IN_FORMATS: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
};

type Xml = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  // The elements that repeat, so one of them is still a list.
  isArray: (name) => ['sheet', 'Relationship', 'numFmt', 'xf', 'row', 'c'].includes(name),
});

const list = (v: unknown): Xml[] => (Array.isArray(v) ? (v as Xml[]) : []);
const child = (v: unknown, name: string): Xml => ((v as Xml | undefined)?.[name] as Xml | undefined) ?? {};

/** The format code of each cell style (the `s` of a cell), from styles.xml. */
function styleFormats(styles: Xml): (string | undefined)[] {
  const sheet = child(styles, 'styleSheet');
  const custom = new Map(list(child(sheet, 'numFmts').numFmt).map((f) => [Number(f['@numFmtId']), String(f['@formatCode'])]));
  return list(child(sheet, 'cellXfs').xf).map((xf) => {
    const id = Number(xf['@numFmtId'] ?? 0);
    return custom.get(id) ?? BUILT_IN_FORMATS[id];
  });
}

/** Each sheet's XML file in the zip, by sheet name, from workbook.xml and its relationships. */
function sheetFiles(files: Record<string, Uint8Array>): Map<string, string> {
  const read = (name: string): Xml => (files[name] ? (parser.parse(strFromU8(files[name])) as Xml) : {});
  const targets = new Map(list(child(read('xl/_rels/workbook.xml.rels'), 'Relationships').Relationship).map((r) => [String(r['@Id']), String(r['@Target'])]));
  const sheets = list(child(child(read('xl/workbook.xml'), 'workbook'), 'sheets').sheet);
  return new Map(
    sheets.map((s) => {
      const target = targets.get(String(s['@id'])) ?? '';
      // A target is relative to xl/, or absolute from the zip's root.
      return [String(s['@name']), target.startsWith('/') ? target.slice(1) : `xl/${target}`];
    }),
  );
}

const letters = (col: number): string => (col < 26 ? '' : letters(Math.floor(col / 26) - 1)) + String.fromCharCode(65 + (col % 26));
const columnNumber = (ref: string) => [...ref].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/**
 * Each styled cell's address and style. The `r` of a row or cell may be left out, as some
 * programs write them, meaning the next row or the next column, as read-excel-file reads them.
 */
function cellStyles(rows: Xml[]): [string, number][] {
  const styled: [string, number][] = [];
  let rowNumber = 0;
  for (const row of rows) {
    rowNumber = row['@r'] ? Number(row['@r']) : rowNumber + 1;
    let col = -1;
    for (const cell of list(row.c)) {
      const ref = /^([A-Z]+)(\d+)$/.exec(String(cell['@r'] ?? ''));
      col = ref ? columnNumber(ref[1]) : col + 1;
      if (cell['@s'] !== undefined) styled.push([`${letters(col)}${ref ? ref[2] : rowNumber}`, Number(cell['@s'])]);
    }
  }
  return styled;
}

/**
 * Each sheet's number formats, by sheet name, then by cell address ("B7"); cells in the General
 * format are left out.
 */
export function readNumberFormats(xlsx: Uint8Array): Map<string, Record<string, string>> {
  const files = unzipSync(xlsx, { filter: (f) => f.name.startsWith('xl/') && /\.(xml|rels)$/.test(f.name) });
  const formats = styleFormats(files['xl/styles.xml'] ? (parser.parse(strFromU8(files['xl/styles.xml'])) as Xml) : {});
  const result = new Map<string, Record<string, string>>();
  for (const [name, path] of sheetFiles(files)) {
    const byCell: Record<string, string> = {};
    if (files[path]) {
      const rows = list(child(child(parser.parse(strFromU8(files[path])), 'worksheet'), 'sheetData').row);
      for (const [address, s] of cellStyles(rows)) {
        const format = formats[s];
        if (format && format !== 'General') byCell[address] = format;
      }
    }
    result.set(name, byCell);
  }
  return result;
}

/** Every sheet of a workbook, with its values and number formats. */
export async function readWorkbook(xlsx: Uint8Array): Promise<Sheet[]> {
  const workbook = await readXlsxFile(Buffer.from(xlsx));
  const formats = readNumberFormats(xlsx);
  return workbook.map((s) => ({ name: s.sheet, rows: s.data as Cell[][], formats: formats.get(s.sheet) ?? {} }));
}
