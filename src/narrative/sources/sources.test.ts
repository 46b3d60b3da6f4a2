import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { memoryWorkbook } from '../../adapters/memory';
import { readXlsxFile } from '../../adapters/exceljs';
import { CrossfootError } from '../../errors';
import { recognise } from '../../recognise';
import {
  decodeText,
  documentXmlParagraphs,
  paragraphsFromFile,
  paragraphsFromWorkbook,
  splitBreaks,
  type Paragraph,
} from './index';

const BOOKS = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'books');

interface ManifestBook {
  file: string;
  narrativeSheet: string;
  narrativeParagraphs: number;
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'crossfoot-narrative-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function write(name: string, data: string | Uint8Array): Promise<string> {
  const p = path.join(dir, name);
  await fs.writeFile(p, data);
  return p;
}

const texts = (ps: Paragraph[]) => ps.map((p) => p.text);

async function expectError(p: Promise<unknown>, code: string): Promise<CrossfootError> {
  let err: unknown;
  try {
    await p;
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(CrossfootError);
  expect((err as CrossfootError).code).toBe(code);
  return err as CrossfootError;
}

describe('paragraphsFromWorkbook', () => {
  it('reads the 情况说明 sheet of every fixture book: one paragraph per cell, count as in the manifest', async () => {
    const manifest = JSON.parse(await fs.readFile(path.join(BOOKS, 'manifest.json'), 'utf8')) as { books: ManifestBook[] };
    expect(manifest.books.length).toBe(24);
    for (const book of manifest.books) {
      const wb = await readXlsxFile(path.join(BOOKS, book.file));
      const ps = paragraphsFromWorkbook(wb, recognise(wb));
      expect([book.file, ps.length]).toEqual([book.file, book.narrativeParagraphs]);
      expect(ps.every((p) => 'sheet' in p.location && p.location.sheet === book.narrativeSheet)).toBe(true);
      expect(ps[0].location).toEqual({ sheet: book.narrativeSheet, cell: 'A1' });
      expect(ps[ps.length - 1].location).toEqual({ sheet: book.narrativeSheet, cell: `A${book.narrativeParagraphs}` });
    }
  });

  it('keeps the printed text of the narrative (seed-001)', async () => {
    const wb = await readXlsxFile(path.join(BOOKS, 'seed-001-stacked.xlsx'));
    const ps = paragraphsFromWorkbook(wb, recognise(wb));
    expect(ps[2]).toEqual({
      text: expect.stringMatching(/^2023 年度收、支总计 442\.86 万元。与 2022 年度相比/),
      location: { sheet: '情况说明', cell: 'A3' },
    });
    // no paragraph comes from the tables sheet
    expect(ps.some((p) => 'sheet' in p.location && p.location.sheet === '决算表')).toBe(false);
  });

  it('reads cells in reading order, a merged area once, and splits a wrapped cell at its paragraph breaks', () => {
    const wb = memoryWorkbook([
      {
        name: '情况说明',
        rows: [
          ['一、收入支出决算总体情况说明', null, '（右侧批注）'],
          [
            '2023 年度收、支总计 442.86 万元。与 2022 年度相比，收、支总计各减少\n2747.51 万元，减少 86.12%。\n二、收入决算情况说明\n2023 年度收入合计 442.86 万元。',
            null,
            null,
          ],
          ['合并单元格里的说明文字。', '合并单元格里的说明文字。', null],
          [null, null, null],
          ['  　 ', null, 'Total income\nrose by 5%.'],
        ],
        merges: ['A3:B3'],
      },
    ]);
    const ps = paragraphsFromWorkbook(wb, recognise(wb));
    expect(ps).toEqual([
      { text: '一、收入支出决算总体情况说明', location: { sheet: '情况说明', cell: 'A1' } },
      { text: '（右侧批注）', location: { sheet: '情况说明', cell: 'C1' } },
      {
        text: '2023 年度收、支总计 442.86 万元。与 2022 年度相比，收、支总计各减少2747.51 万元，减少 86.12%。',
        location: { sheet: '情况说明', cell: 'A2' },
      },
      { text: '二、收入决算情况说明', location: { sheet: '情况说明', cell: 'A2' } },
      { text: '2023 年度收入合计 442.86 万元。', location: { sheet: '情况说明', cell: 'A2' } },
      { text: '合并单元格里的说明文字。', location: { sheet: '情况说明', cell: 'A3' } },
      { text: 'Total income rose by 5%.', location: { sheet: '情况说明', cell: 'C5' } },
    ]);
  });

  it('skips table areas on a sheet named 情况说明, and sheets that hold no prose', () => {
    const wb = memoryWorkbook([
      {
        name: '表1',
        rows: [['这一页没有说明文字，只有一行字。'], ['另一行。']],
      },
      {
        name: '情况说明',
        rows: [
          ['本部门 2023 年度收入情况如下。'],
          [null],
          ['2023年度支出决算表'],
          ['单位：万元'],
          ['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
          ['', '合计', 10, 6, 4],
          ['201', '一般公共服务支出', 10, 6, 4],
          [null],
          ['以上为支出情况。'],
        ],
      },
    ]);
    const rec = recognise(wb);
    expect(rec.tables.map((t) => `${t.sheet}:${t.kind}`)).toEqual(['情况说明:juesuan.expenditure']);
    const ps = paragraphsFromWorkbook(wb, rec);
    expect(texts(ps)).toEqual(['本部门 2023 年度收入情况如下。', '以上为支出情况。']);
    expect(ps[1].location).toEqual({ sheet: '情况说明', cell: 'A9' });
  });
});

describe('splitBreaks', () => {
  it('joins wraps inside a sentence and splits after sentences and around headings', () => {
    expect(splitBreaks('基本支出 243.12\n万元，占本年支出 54.9%；\n项目支出 199.74 万元。')).toEqual([
      '基本支出 243.12万元，占本年支出 54.9%；',
      '项目支出 199.74 万元。',
    ]);
    expect(splitBreaks('（一）一般公共预算财政拨款支出决算总体情况\n2023 年度一般公共预算财政拨款支出\n442.86 万元。')).toEqual([
      '（一）一般公共预算财政拨款支出决算总体情况',
      '2023 年度一般公共预算财政拨款支出442.86 万元。',
    ]);
    expect(splitBreaks('详见项目绩效目标表\n生命健康专项经费情况说明\r\n\r\n一、项目概述')).toEqual([
      '详见项目绩效目标表',
      '生命健康专项经费情况说明',
      '一、项目概述',
    ]);
    expect(splitBreaks('  \n\u3000\n')).toEqual([]);
  });
});

describe('paragraphsFromFile: .txt', () => {
  it('reads UTF-8 with and without a BOM, CRLF, one paragraph per non-empty line', async () => {
    const body = '一、收入支出决算总体情况说明\r\n\r\n　2023 年度收、支总计 442.86 万元。  \r\n二、收入决算情况说明\r\n';
    for (const [name, data] of [
      ['bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')])],
      ['plain.txt', Buffer.from(body, 'utf8')],
      ['utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')])],
    ] as const) {
      const file = await write(name, data);
      const ps = await paragraphsFromFile(file);
      expect(texts(ps)).toEqual(['一、收入支出决算总体情况说明', '2023 年度收、支总计 442.86 万元。', '二、收入决算情况说明']);
      expect(ps.map((p) => p.location)).toEqual([1, 2, 3].map((paragraph) => ({ file, paragraph })));
    }
  });

  it('falls back to GB18030 when the bytes are not UTF-8', async () => {
    // “2023年度收入合计442.86万元，其中：财政拨款收入442.86万元。” in GBK, then U+20000 (a four-byte GB18030 sequence)
    const gbk = Buffer.from(
      '32303233c4eab6c8cad5c8ebbacfbcc63434322e3836cdf2d4aaa3acc6e4d6d0a3bab2c6d5feb2a6bfeecad5c8eb3434322e3836cdf2d4aaa1a3' +
        '0d0a' +
        '95328236',
      'hex',
    );
    const file = await write('gbk.txt', gbk);
    expect(texts(await paragraphsFromFile(file))).toEqual(['2023年度收入合计442.86万元，其中：财政拨款收入442.86万元。', '\u{20000}']);
    expect(decodeText(Buffer.from('纯 UTF-8 文本', 'utf8'), 'x.txt')).toBe('纯 UTF-8 文本');
  });

  it('refuses a binary file named .txt', async () => {
    const file = await write('binary.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00]));
    const e = await expectError(paragraphsFromFile(file), 'not-text');
    expect(e.localized('zh-CN')).toBe('binary.txt 不是文本文件，无法作为说明文字读取。');
  });
});

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '</Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (inner: string, props = '') => `<w:p>${props}${inner}</w:p>`;
const r = (text: string) => `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;

const DOCUMENT =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>` +
  p(r('一、收入支出决算总体情况说明'), '<w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>') +
  p(r('2023 年度收、支总计 ') + r('442.86') + r(' 万元。与 2022 年度相比，收、支总计各减少') + '<w:r><w:br/></w:r>' + r('2747.51 万元。')) +
  p('') +
  `<w:tbl><w:tr><w:tc>${p(r('本年收入合计'))}</w:tc><w:tc>${p(r('442.86'))}</w:tc></w:tr></w:tbl>` +
  p(r('基本支出') + '<w:r><w:tab/></w:r>' + r('243.12 万元；') + '<w:r><w:br/></w:r>' + r('项目支出 199.74 万元。')) +
  p(r('说明&amp;备注：&lt;无&gt;') + '<w:del><w:r><w:delText>删除的文字</w:delText></w:r></w:del>' + r('年末结转和结余 0 万元。')) +
  p(r('第一页末。') + '<w:r><w:br w:type="page"/></w:r>' + r('第二页首。')) +
  '<w:sectPr/></w:body></w:document>';

async function docx(name: string, files: Record<string, string>): Promise<string> {
  const zip = new JSZip();
  for (const [k, v] of Object.entries(files)) zip.file(k, v);
  return write(name, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

describe('paragraphsFromFile: .docx', () => {
  it('reads paragraphs, runs, tabs and breaks; skips tables, deleted text and empty paragraphs', async () => {
    const file = await docx('narrative.docx', {
      '[Content_Types].xml': CONTENT_TYPES,
      '_rels/.rels': RELS,
      'word/document.xml': DOCUMENT,
    });
    const ps = await paragraphsFromFile(file);
    expect(texts(ps)).toEqual([
      '一、收入支出决算总体情况说明',
      '2023 年度收、支总计 442.86 万元。与 2022 年度相比，收、支总计各减少2747.51 万元。',
      '基本支出 243.12 万元；',
      '项目支出 199.74 万元。',
      '说明&备注：<无>年末结转和结余 0 万元。',
      '第一页末。',
      '第二页首。',
    ]);
    expect(ps[3].location).toEqual({ file, paragraph: 4 });
  });

  it('reads text-box paragraphs once (not their fallback copy)', () => {
    const xml =
      `<w:document ${W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>` +
      p(
        r('正文。') +
          '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>' +
          p(r('文本框里的说明。')) +
          '</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>' +
          p(r('文本框里的说明。')) +
          '</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>',
      ) +
      '</w:body></w:document>';
    expect(documentXmlParagraphs(xml)).toEqual(['文本框里的说明。', '正文。']);
  });

  it('refuses damaged and unsupported files with clear messages', async () => {
    const missing = path.join(dir, 'nope.docx');
    const e1 = await expectError(paragraphsFromFile(missing), 'file-not-found');
    expect(e1.localized('zh-CN')).toBe(`找不到文件：${missing}`);
    const sub = path.join(dir, 'folder.txt');
    await fs.mkdir(sub);
    await expectError(paragraphsFromFile(sub), 'not-a-file');

    const pdf = await write('report.pdf', '%PDF-1.4');
    const e2 = await expectError(paragraphsFromFile(pdf), 'unsupported-narrative-file');
    expect(e2.localized('zh-CN')).toBe('无法读取说明文件 report.pdf（.pdf）：请提供 .txt 或 .docx 文件。');
    expect(e2.localized('en-US')).toBe('Cannot read the narrative file report.pdf (.pdf): provide a .txt or .docx file.');

    const garbage = await write('garbage.docx', 'this is not a zip archive');
    const e3 = await expectError(paragraphsFromFile(garbage), 'corrupt-docx');
    expect(e3.localized('zh-CN')).toMatch(/^garbage\.docx 不是有效的 Word 文档（\.docx），无法读取/);

    const empty = await write('empty.docx', '');
    const e4 = await expectError(paragraphsFromFile(empty), 'corrupt-docx');
    expect(e4.localized('en-US')).toBe('empty.docx is not a valid Word document (.docx) and cannot be read (the file is empty, 0 bytes long).');

    const noBody = await docx('nobody.docx', { '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': RELS });
    const e5 = await expectError(paragraphsFromFile(noBody), 'corrupt-docx');
    expect(e5.params.reason).toBe('no-document');
    expect(e5.localized('zh-CN')).toBe('nobody.docx 不是有效的 Word 文档（.docx），无法读取（缺少文档主体 word/document.xml）。');

    const notXml = await docx('notxml.docx', { 'word/document.xml': '<html><body>hello</body></html>' });
    expect((await expectError(paragraphsFromFile(notXml), 'corrupt-docx')).params.reason).toBe('xml');

    const truncated = await write('truncated.docx', (await fs.readFile(noBody)).subarray(0, 60));
    expect((await expectError(paragraphsFromFile(truncated), 'corrupt-docx')).params.reason).toBe('zip');

    const legacy = await write('old.doc', 'not a compound file');
    const e6 = await expectError(paragraphsFromFile(legacy), 'legacy-doc');
    expect(e6.localized('zh-CN')).toBe('old.doc 是旧版 Word 97-2003 格式（.doc），请在 Word 或 WPS 中另存为 .docx 后再读取。');
  });
});

describe('documentXmlParagraphs on hostile input', () => {
  it('stays linear on unclosed tags and comments', () => {
    const junk = `<w:document ${W}><w:body>` + '<w:t a="'.repeat(20000) + '<!--'.repeat(20000) + '<'.repeat(20000);
    const t0 = Date.now();
    expect(documentXmlParagraphs(junk)).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});
