/** Shared helpers of the add-in host tests: fixture workbooks loaded into the fake Excel, a tiny strict XML parser. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readXlsxFile } from '../../src/adapters/exceljs';
import type { Workbook } from '../../src/model/workbook';
import { FakeExcel, FakeExcelDocument, type FakeExcelOptions } from '../../addin/host/fake-excel';
import { OfficeHost, type OfficeHostOptions } from '../../addin/host/office';

export const ROOT = path.resolve(__dirname, '..', '..');
export const BOOKS = path.join(ROOT, 'test', 'fixtures', 'books');

/** The largest fixture workbook (by file size). */
export function largestFixture(): string {
  const files = fs.readdirSync(BOOKS).filter((f) => f.endsWith('.xlsx'));
  files.sort((a, b) => fs.statSync(path.join(BOOKS, b)).size - fs.statSync(path.join(BOOKS, a)).size || a.localeCompare(b));
  return path.join(BOOKS, files[0]);
}

const cache = new Map<string, Promise<Workbook>>();
/** A fixture book read by the exceljs adapter (cached; callers must not modify it). */
export function fixture(file: string): Promise<Workbook> {
  const p = path.isAbsolute(file) ? file : path.join(BOOKS, file);
  let w = cache.get(p);
  if (!w) {
    w = readXlsxFile(p);
    cache.set(p, w);
  }
  return w;
}

export function session(doc: FakeExcelDocument, options: FakeExcelOptions = {}, hostOptions: OfficeHostOptions = {}): { fake: FakeExcel; host: OfficeHost } {
  const fake = new FakeExcel(doc, options);
  return { fake, host: new OfficeHost(fake.Excel, fake.Office, hostOptions) };
}

/** The model as another adapter would give it: the same apart from the adapter name. */
export function asAdapter(wb: Workbook, adapter: Workbook['source']['adapter']): Workbook {
  return { ...wb, source: { ...wb.source, adapter } };
}

// ---------------------------------------------------------------------------------------------------------------
// a small, strict XML parser (enough to check a manifest: elements, attributes, text, comments, CDATA)

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.:-]*/;

function decode(s: string, where: number): string {
  return s.replace(/&([^;&\s]*);?/g, (m, e: string) => {
    if (!m.endsWith(';')) throw new Error(`bad entity at ${where}: ${m}`);
    switch (e) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
    }
    if (/^#x[0-9a-fA-F]+$/.test(e)) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (/^#\d+$/.test(e)) return String.fromCodePoint(parseInt(e.slice(1), 10));
    throw new Error(`unknown entity at ${where}: &${e};`);
  });
}

/** Parse a well-formed XML document; throws on anything that is not. */
export function parseXml(xml: string): XmlElement {
  let i = 0;
  const src = xml.replace(/^\uFEFF/, '');
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const fail = (msg: string): never => {
    throw new Error(`XML error at ${i}: ${msg}`);
  };
  if (src.startsWith('<?xml')) {
    const end = src.indexOf('?>');
    if (end < 0) fail('unterminated declaration');
    i = end + 2;
  }
  while (i < src.length) {
    if (src.startsWith('<!--', i)) {
      const end = src.indexOf('-->', i + 4);
      if (end < 0) fail('unterminated comment');
      if (src.slice(i + 4, end).includes('--')) fail('"--" inside a comment');
      i = end + 3;
    } else if (src.startsWith('<![CDATA[', i)) {
      if (stack.length === 0) fail('CDATA outside the root');
      const end = src.indexOf(']]>', i);
      if (end < 0) fail('unterminated CDATA');
      stack[stack.length - 1].text += src.slice(i + 9, end);
      i = end + 3;
    } else if (src.startsWith('<!', i) || src.startsWith('<?', i)) {
      fail('DOCTYPE and processing instructions are not expected');
    } else if (src.startsWith('</', i)) {
      const m = NAME.exec(src.slice(i + 2));
      if (!m) fail('bad closing tag');
      const name = m![0];
      let j = i + 2 + name.length;
      while (/\s/.test(src[j])) j++;
      if (src[j] !== '>') fail('bad closing tag');
      const open = stack.pop();
      if (!open || open.name !== name) fail(`</${name}> does not close <${open?.name}>`);
      i = j + 1;
    } else if (src[i] === '<') {
      const m = NAME.exec(src.slice(i + 1));
      if (!m) fail('bad tag name');
      const el: XmlElement = { name: m![0], attrs: {}, children: [], text: '' };
      let j = i + 1 + el.name.length;
      for (;;) {
        const ws = j;
        while (/\s/.test(src[j])) j++;
        if (src[j] === '>' || src.startsWith('/>', j)) break;
        if (j === ws) fail('attributes must be separated by white space');
        const a = NAME.exec(src.slice(j));
        if (!a) fail('bad attribute name');
        j += a![0].length;
        while (/\s/.test(src[j])) j++;
        if (src[j] !== '=') fail(`attribute ${a![0]} without a value`);
        j++;
        while (/\s/.test(src[j])) j++;
        const q = src[j];
        if (q !== '"' && q !== "'") fail('unquoted attribute value');
        const end = src.indexOf(q, j + 1);
        if (end < 0) fail('unterminated attribute value');
        const raw = src.slice(j + 1, end);
        if (raw.includes('<')) fail('"<" in an attribute value');
        if (a![0] in el.attrs) fail(`duplicate attribute ${a![0]}`);
        el.attrs[a![0]] = decode(raw, j);
        j = end + 1;
      }
      if (stack.length > 0) stack[stack.length - 1].children.push(el);
      else if (root) fail('more than one root element');
      else root = el;
      if (src.startsWith('/>', j)) i = j + 2;
      else {
        stack.push(el);
        i = j + 1;
      }
    } else {
      const end = src.indexOf('<', i);
      const text = src.slice(i, end < 0 ? src.length : end);
      if (stack.length === 0) {
        if (text.trim() !== '') fail('text outside the root element');
      } else stack[stack.length - 1].text += decode(text, i);
      i = end < 0 ? src.length : end;
    }
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1].name}> is not closed`);
  if (!root) fail('no root element');
  return root!;
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

export function descendants(el: XmlElement): XmlElement[] {
  return el.children.flatMap((c) => [c, ...descendants(c)]);
}
