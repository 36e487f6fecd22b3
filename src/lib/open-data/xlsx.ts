/**
 * Writes .xlsx workbooks: the XML parts write-excel-file writes (shared strings, bold and
 * right-aligned styles, column widths, a frozen header row), zipped with Node's own zlib.
 *
 * Why not write-excel-file itself: a meeting's workbook then held every figure the meeting saw,
 * and building its XML cell by cell through that library, then compressing it in JavaScript
 * (fflate), took 50 ms a workbook, a quarter of the whole build's time (README, "Performance"). The parts
 * here are byte for byte what it writes for the same cells (tests/xlsx.test.ts compares them);
 * only the compressed bytes differ. Pure: cells in, bytes out.
 */
import * as zlib from 'node:zlib';
import { deflateRawSync } from 'node:zlib';

export interface XlsxCell {
  value: string | number | boolean;
  bold?: boolean;
  /** Right-aligned text (a symbol standing in a column of numbers). */
  right?: boolean;
}
export type XlsxRow = (XlsxCell | null)[];

export interface XlsxSheet {
  name: string;
  rows: XlsxRow[];
  /** Column widths, in characters. */
  widths: number[];
  /** Keep the first row in view when scrolling. */
  frozenHeader?: boolean;
}

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:mv="urn:schemas-microsoft-com:mac:vml" xmlns:mx="http://schemas.microsoft.com/office/mac/excel/2008/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/** Characters XML 1.0 cannot hold, and those it discourages, removed as write-excel-file does. */
const INVALID = /((?:[\0-\x08\x0B\f\x0E-\x1F\uFFFD\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]))/g;
const DISCOURAGED = new RegExp("([\\x7F-\\x84]|[\\x86-\\x9F]|[\\uFDD0-\\uFDEF]|(?:\\uD83F[\\uDFFE\\uDFFF])|(?:\\uD87F[\\uDFFE\\uDFFF])|(?:\\uD8BF[\\uDFFE\\uDFFF])|(?:\\uD8FF[\\uDFFE\\uDFFF])|(?:\\uD93F[\\uDFFE\\uDFFF])|(?:\\uD97F[\\uDFFE\\uDFFF])|(?:\\uD9BF[\\uDFFE\\uDFFF])|(?:\\uD9FF[\\uDFFE\\uDFFF])|(?:\\uDA3F[\\uDFFE\\uDFFF])|(?:\\uDA7F[\\uDFFE\\uDFFF])|(?:\\uDABF[\\uDFFE\\uDFFF])|(?:\\uDAFF[\\uDFFE\\uDFFF])|(?:\\uDB3F[\\uDFFE\\uDFFF])|(?:\\uDB7F[\\uDFFE\\uDFFF])|(?:\\uDBBF[\\uDFFE\\uDFFF])|(?:\\uDBFF[\\uDFFE\\uDFFF])(?:[\\0-\\t\\x0B\\f\\x0E-\\u2027\\u202A-\\uD7FF\\uE000-\\uFFFF]|[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?:[^\\uD800-\\uDBFF]|^)[\\uDC00-\\uDFFF]))", 'g');

function text(s: string): string {
  return s
    .replace(INVALID, '')
    .replace(DISCOURAGED, '').replaceAll('&', '&amp;').replaceAll('>', '&gt;').replaceAll('<', '&lt;');
}

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

type Style = 'bold' | 'right';

function sheetXml(sheet: XlsxSheet, first: boolean, shared: (s: string) => number, styleId: (s: Style) => number): string {
  const out: string[] = [`<?xml version="1.0" ?><worksheet ${NS}>`];
  if (sheet.frozenHeader) {
    out.push(`<sheetViews><sheetView${first ? ' tabSelected="1"' : ''} workbookViewId="0"><pane ySplit="1" xSplit="0" topLeftCell="A2" activePane="bottomRight" state="frozen"/></sheetView></sheetViews>`);
  }
  out.push('<cols>');
  sheet.widths.forEach((w, i) => out.push(`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`));
  out.push('</cols><sheetData>');
  // Each column's '<c r="A' and each style's attribute, worked out once: a late meeting's workbook
  // has hundreds of thousands of cells.
  const opens: string[] = [];
  let boldAttr: string | undefined;
  let rightAttr: string | undefined;
  // One string a row, built by concatenation.
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    const n = String(r + 1);
    let cells = '';
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      // An empty text is no cell, as write-excel-file writes it.
      if (cell === null || cell.value === '') continue;
      const open = (opens[c] ??= `<c r="${columnName(c)}`) + n;
      const style = cell.bold ? (boldAttr ??= ` s="${styleId('bold')}"`) : cell.right ? (rightAttr ??= ` s="${styleId('right')}"`) : '';
      const value = cell.value;
      if (typeof value === 'string') cells += open + '"' + style + ' t="s"><v>' + shared(value) + '</v></c>';
      else if (typeof value === 'boolean') cells += open + '"' + style + ' t="b"><v>' + (value ? '1' : '0') + '</v></c>';
      else cells += open + '"' + style + '><v>' + value + '</v></c>';
    }
    out.push(cells ? '<row r="' + n + '">' + cells + '</row>' : '<row r="' + n + '"/>');
  }
  out.push('</sheetData></worksheet>');
  return out.join('');
}

/** The workbook's parts, in the order write-excel-file zips them. */
export function xlsxParts(sheets: XlsxSheet[]): [string, string][] {
  const strings = new Map<string, number>();
  const shared = (s: string) => {
    let i = strings.get(s);
    if (i === undefined) strings.set(s, (i = strings.size));
    return i;
  };
  // Styles are numbered in the order cells first use them, as write-excel-file numbers them.
  const styles: Style[] = [];
  const styleId = (s: Style) => {
    let i = styles.indexOf(s);
    if (i < 0) i = styles.push(s) - 1;
    return i + 1;
  };
  const sheetParts = sheets.map((s, i) => sheetXml(s, i === 0, shared, styleId));
  const bold = styles.includes('bold');
  const fonts = `<font><family val="2"/><scheme val="minor"/><color theme="1"/></font>${bold ? '<font><family val="2"/><scheme val="minor"/><b/><color theme="1"/></font>' : ''}`;
  const xfs = styles.map((s) => (s === 'bold' ? '<xf fontId="1" applyFont="1"></xf>' : '<xf applyAlignment="1"><alignment horizontal="right"/></xf>')).join('');
  const sst = ['<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'];
  for (const s of strings.keys()) sst.push(`<si><t${s.trim().length === s.length ? '' : ' xml:space="preserve"'}>${text(s)}</t></si>`);
  sst.push('</sst>');
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const worksheet = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
  const attr = (s: string) => text(s).replaceAll("'", '&apos;').replaceAll('"', '&quot;');
  return [
    [
      '[Content_Types].xml',
      `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default ContentType="application/xml" Extension="xml"/><Default ContentType="application/vnd.openxmlformats-package.relationships+xml" Extension="rels"/><Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml" PartName="/xl/workbook.xml"/><Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml" PartName="/xl/sharedStrings.xml"/><Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml" PartName="/xl/styles.xml"/>${sheets.map((_, i) => `<Override ContentType="${worksheet}" PartName="/xl/worksheets/sheet${i + 1}.xml"/>`).join('')}</Types>`,
    ],
    ['_rels/.rels', `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId-workbook-1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    [
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" ?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${sheets.length + 1}" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId${sheets.length + 2}" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `${DECL}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${rel}" xmlns:mx="http://schemas.microsoft.com/office/mac/excel/2008/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:mv="urn:schemas-microsoft-com:mac:vml" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><workbookPr/><bookViews><workbookView/></bookViews><sheets>${sheets.map((s, i) => `<sheet r:id="rId${i + 1}" sheetId="${i + 1}" name="${attr(s.name)}"/>`).join('')}</sheets><definedNames/><calcPr/></workbook>`,
    ],
    ...sheetParts.flatMap((xml, i): [string, string][] => [
      [`xl/worksheets/sheet${i + 1}.xml`, xml],
      [`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`],
    ]),
    [
      'xl/styles.xml',
      `<?xml version="1.0" ?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="${bold ? 2 : 1}">${fonts}</fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellXfs count="${styles.length + 1}"><xf ></xf>${xfs}</cellXfs></styleSheet>`,
    ],
    ['xl/sharedStrings.xml', sst.join('')],
  ];
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** Node's own CRC-32 (Node 20.15 and later; 20 times faster), or the same sum worked out here. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

function crc32(bytes: Uint8Array): number {
  if (nativeCrc32) return nativeCrc32(bytes);
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** 1 January 1980, the first date a zip can hold: the same bytes every build. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** A zip archive of the files, each compressed with deflate. */
export function zip(files: [string, string | Uint8Array][]): Uint8Array<ArrayBuffer> {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of files) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    // The fastest level: a workbook's XML is so repetitive that it still shrinks to a seventh, and
    // a meeting's workbook late in a long archive holds tens of thousands of rows.
    const packed = deflateRawSync(data, { level: 1 });
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    // The local header and the central directory's entry share a run of fields: version needed,
    // flags (UTF-8 names), method (deflate), time, date, CRC, sizes and the name's length.
    const fields = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at);
      header.writeUInt16LE(0x0800, at + 2);
      header.writeUInt16LE(8, at + 4);
      header.writeUInt16LE(0, at + 6);
      header.writeUInt16LE(DOS_DATE, at + 8);
      header.writeUInt32LE(crc, at + 10);
      header.writeUInt32LE(packed.length, at + 14);
      header.writeUInt32LE(data.length, at + 18);
      header.writeUInt16LE(nameBytes.length, at + 22);
      return header;
    };
    const local = fields(Buffer.alloc(30), 4);
    local.writeUInt32LE(0x04034b50, 0);
    const entry = fields(Buffer.alloc(46), 6);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt32LE(offset, 42);
    chunks.push(local, nameBytes, packed);
    central.push(entry, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  const all = Buffer.concat([...chunks, ...central, end]);
  return new Uint8Array(all.buffer, all.byteOffset, all.byteLength) as Uint8Array<ArrayBuffer>;
}

export function xlsx(sheets: XlsxSheet[]): Uint8Array<ArrayBuffer> {
  return zip(xlsxParts(sheets));
}
