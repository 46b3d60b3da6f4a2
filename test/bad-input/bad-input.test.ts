/**
 * Every kind of bad input the .xlsx reader can meet: each is refused with the right CrossfootError code, one clear
 * sentence in zh-CN and en-US naming the file, quickly, and without touching the file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as ExcelJS from 'exceljs';
import {
  ExcelJsReader,
  fileSystemError,
  readXlsxBuffer,
  readXlsxFile,
  type ReadOptions,
} from '../../src/adapters/exceljs';
import { CrossfootError } from '../../src/errors';
import {
  buildCfb,
  buildZip,
  encryptedXlsxBytes,
  expectFriendlyError,
  legacyXlsBytes,
  makeTempDir,
  rawXlsx,
  rawXlsxEntries,
  rejection,
  sha256File,
  writeBigSheet,
} from './helpers';

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = makeTempDir('crossfoot-bad-'));
});
afterAll(() => cleanup());

/** Write `bytes` to `name` in the temp dir, read it, check the error and its messages, and that the file is unchanged. */
async function refuse(name: string, bytes: Buffer, code: string, options?: ReadOptions): Promise<CrossfootError> {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return refuseFile(file, code, options);
}

async function refuseFile(file: string, code: string, options?: ReadOptions): Promise<CrossfootError> {
  const before = sha256File(file);
  const e = await rejection(() => readXlsxFile(file, options));
  const err = expectFriendlyError(e, code, path.basename(file));
  expect(sha256File(file)).toBe(before);
  return err;
}

async function goodXlsx(fill: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const oneCellSheet = `<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>`;

describe('file system', () => {
  test('a missing file is file-not-found and names the path', async () => {
    const file = path.join(dir, 'nope', '2024年部门决算.xlsx');
    const e = await rejection(() => readXlsxFile(file));
    const err = expectFriendlyError(e, 'file-not-found', '2024年部门决算.xlsx');
    expect(err.localized('zh-CN')).toContain(file);
  });

  test('a directory is not-a-file', async () => {
    const sub = path.join(dir, 'folder.xlsx');
    mkdirSync(sub);
    const e = await rejection(() => readXlsxFile(sub));
    expectFriendlyError(e, 'not-a-file', 'folder.xlsx');
  });

  test('the reader class reports the same errors', async () => {
    const e = await rejection(() => new ExcelJsReader(path.join(dir, 'missing.xlsx')).read());
    expectFriendlyError(e, 'file-not-found', 'missing.xlsx');
  });

  test('permission, lock and other I/O errors map to their own friendly errors', () => {
    const file = path.join(dir, '决算.xlsx');
    const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: boom`), { code });
    expectFriendlyError(fileSystemError(errno('EACCES'), file), 'permission-denied', '决算.xlsx');
    expectFriendlyError(fileSystemError(errno('EPERM'), file), 'permission-denied', '决算.xlsx');
    expectFriendlyError(fileSystemError(errno('EBUSY'), file), 'file-locked', '决算.xlsx');
    expectFriendlyError(fileSystemError(errno('ENOENT'), file), 'file-not-found', '决算.xlsx');
    expectFriendlyError(fileSystemError(errno('EISDIR'), file), 'not-a-file', '决算.xlsx');
    const other = expectFriendlyError(fileSystemError(errno('EIO'), file), 'unreadable', '决算.xlsx');
    expect(other.params.detail).toBe('EIO');
  });

  test('bad limits are a bad-argument error, not a crash', async () => {
    const file = path.join(dir, 'fine.xlsx');
    writeFileSync(file, rawXlsx([{ name: 'S', body: oneCellSheet }]));
    for (const bad of [{ maxRowsPerSheet: 0 }, { maxCells: -1 }, { maxUncompressedBytes: 1.5 }, { maxCells: NaN }]) {
      const e = await rejection(() => readXlsxFile(file, bad));
      expect(e).toBeInstanceOf(CrossfootError);
      expect((e as CrossfootError).code).toBe('bad-argument');
    }
  });
});

describe('not a workbook at all', () => {
  test('a text file', async () => {
    await refuse('notes.txt', Buffer.from('单位名称,金额\n教育局,1148.77\n', 'utf8'), 'not-xlsx');
  });

  test('a text file renamed to .xlsx', async () => {
    await refuse('renamed.xlsx', Buffer.from('hello, this is not a workbook', 'utf8'), 'not-xlsx');
  });

  test('a PDF', async () => {
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
      'latin1',
    );
    await refuse('report.pdf', pdf, 'not-xlsx');
  });

  test('a PNG', async () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
    ]);
    await refuse('screenshot.png', png, 'not-xlsx');
  });

  test('an HTML page saved as .xls (what many systems export)', async () => {
    const html = Buffer.from('<html><body><table><tr><td>收入合计</td><td>100</td></tr></table></body></html>');
    await refuse('export.xls', html, 'not-xlsx');
  });

  test('a zip that is a Word document, not a workbook', async () => {
    const docx = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: '<w:document/>' },
    ]);
    await refuse('说明.docx', docx, 'not-xlsx');
  });

  test('a binary .xlsb workbook', async () => {
    const xlsb = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.bin', data: Buffer.from([1, 2, 3]) },
      { name: 'xl/worksheets/sheet1.bin', data: Buffer.from([1, 2, 3]) },
    ]);
    await refuse('binary.xlsb', xlsb, 'not-xlsx');
  });

  test('an OLE2 file that is neither a workbook nor encrypted (an old .doc)', async () => {
    const doc = buildCfb([
      { name: 'WordDocument', type: 'stream' },
      { name: '1Table', type: 'stream' },
    ]);
    await refuse('old.doc', doc, 'not-xlsx');
  });
});

describe('OLE2 compound files', () => {
  test('an Excel 97-2003 .xls (Workbook stream) is legacy-xls', async () => {
    const err = await refuse('2019决算.xls', legacyXlsBytes('Workbook'), 'legacy-xls');
    expect(err.localized('zh-CN')).toContain('.xlsx');
  });

  test('an Excel 5.0 .xls (Book stream) is legacy-xls', async () => {
    await refuse('excel5.xls', legacyXlsBytes('Book'), 'legacy-xls');
  });

  test('an .xls with many directory entries (directory chained over several sectors) is legacy-xls', async () => {
    const names = Array.from({ length: 10 }, (_, i) => ({ name: `Stream${i}`, type: 'stream' as const }));
    await refuse('chained.xls', buildCfb([...names, { name: 'Workbook', type: 'stream' }]), 'legacy-xls');
  });

  test('a password-protected .xlsx is encrypted', async () => {
    const err = await refuse('加密.xlsx', encryptedXlsxBytes(), 'encrypted');
    expect(err.localized('en-US')).toMatch(/password/);
  });

  test('a password-protected workbook with a damaged directory is still recognised from its stream names', async () => {
    const bytes = encryptedXlsxBytes();
    bytes.writeUInt32LE(0xfffffffa, 0x30); // first directory sector points nowhere
    bytes.writeUInt32LE(7777, 0x4c); // FAT sector past the end
    await refuse('broken-encrypted.xlsx', bytes, 'encrypted');
  });
});

describe('damaged zips', () => {
  test('an empty (0-byte) file is corrupt with a clear reason', async () => {
    const err = await refuse('empty.xlsx', Buffer.alloc(0), 'corrupt');
    expect(err.localized('zh-CN')).toContain('0 字节');
    expect(err.localized('en-US')).toContain('0 bytes');
  });

  test('a truncated xlsx (download cut off) is corrupt', async () => {
    const good = await goodXlsx((wb) => {
      const ws = wb.addWorksheet('表1');
      for (let r = 1; r <= 200; r++) ws.addRow([`项目${r}`, r * 1.5, r * 2.25]);
    });
    const err = await refuse('cut.xlsx', good.subarray(0, Math.floor(good.length / 2)), 'corrupt');
    expect(err.params.reason).toBe('truncated');
    // the localized reason is shown, never the technical detail
    expect(err.localized('en-US')).not.toContain(err.params.detail);
  });

  test('a file that is only the zip magic is corrupt', async () => {
    await refuse('magic-only.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), 'corrupt');
  });

  test('a zip whose compressed data is garbage is corrupt', async () => {
    const zip = rawXlsx([{ name: 'S', body: oneCellSheet.repeat(20) }]);
    // find the sheet's data and overwrite it with noise, keeping every header intact
    const at = zip.indexOf(Buffer.from('xl/worksheets/sheet1.xml')) + 'xl/worksheets/sheet1.xml'.length;
    for (let i = 0; i < 40; i++) zip[at + i] = (i * 37 + 11) & 0xff;
    await refuse('garbage.xlsx', zip, 'corrupt');
  });

  test('a zip entry that inflates to a different size than recorded is corrupt', async () => {
    const entries = rawXlsxEntries([{ name: 'S', body: oneCellSheet }]);
    entries[entries.length - 1].declaredSize = 10_000;
    const err = await refuse('mismatch.xlsx', buildZip(entries), 'corrupt');
    expect(err.params.reason).toBe('size-mismatch');
  });

  test('an xlsx without xl/workbook.xml is corrupt (reason named)', async () => {
    const entries = rawXlsxEntries([{ name: 'S', body: oneCellSheet }]).filter((e) => e.name !== 'xl/workbook.xml');
    const err = await refuse('headless.xlsx', buildZip(entries), 'corrupt');
    expect(err.localized('en-US')).toContain('xl/workbook.xml');
  });

  test('unparseable worksheet XML is corrupt, not a stack trace', async () => {
    const body = '<sheetData><row r="1"><c r="A1"><v>1</v></row>'; // </c> missing
    const err = await refuse('badxml.xlsx', rawXlsx([{ name: 'S', body }]), 'corrupt');
    expect(err.params.reason).toBe('xml');
  });

  test('an unsupported compression method is corrupt', async () => {
    const zip = rawXlsx([{ name: 'S', body: oneCellSheet }]);
    // patch the method of every central directory entry to 14 (LZMA)
    const sig = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
    for (let i = zip.indexOf(sig); i >= 0; i = zip.indexOf(sig, i + 4)) zip.writeUInt16LE(14, i + 10);
    const err = await refuse('lzma.xlsx', zip, 'corrupt');
    expect(err.params.reason).toBe('zip-method');
  });
});

describe('empty workbooks', () => {
  test('a workbook whose only sheet has no cells', async () => {
    await refuse('blank.xlsx', await goodXlsx((wb) => void wb.addWorksheet('Sheet1')), 'empty-workbook');
  });

  test('a workbook with sheets holding only styled empty cells and empty strings', async () => {
    const buf = await goodXlsx((wb) => {
      const ws = wb.addWorksheet('格式');
      ws.getCell('B2').border = { top: { style: 'thin' } };
      ws.getCell('C3').numFmt = '#,##0.00';
      ws.getCell('D4').value = '';
      wb.addWorksheet('另一个');
    });
    await refuse('styled-blank.xlsx', buf, 'empty-workbook');
  });

  test('a workbook with no sheets at all', async () => {
    await refuse('nosheets.xlsx', rawXlsx([]), 'empty-workbook');
  });
});

describe('too large', () => {
  test('a sheet of 100,000 rows is refused before a model is built', async () => {
    const file = path.join(dir, 'huge.xlsx');
    await writeBigSheet(file, 100_000, 3);
    const t0 = Date.now();
    const err = await refuseFile(file, 'too-large');
    expect(err.params.kind).toBe('rows');
    expect(err.params.sheet).toBe('大表');
    expect(err.params.limit).toBe('65,536');
    expect(err.localized('zh-CN')).toContain('大表');
    // a smaller row limit passed in is honoured too
    const small = await refuseFile(file, 'too-large', { maxRowsPerSheet: 1000 });
    expect(small.params.limit).toBe('1,000');
    expect(Date.now() - t0).toBeLessThan(30_000); // generous; guards against building the huge model
  });

  test('a sheet with exactly the row limit is read', async () => {
    const buf = rawXlsx([
      {
        name: 'S',
        body: `<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="300"><c r="B300"><v>2</v></c></row></sheetData>`,
      },
    ]);
    const wb = await readXlsxBuffer(buf, 'edge.xlsx', { maxRowsPerSheet: 300 });
    expect(wb.sheets[0].rows.length).toBe(300);
    const e = await rejection(() => readXlsxBuffer(buf, 'edge.xlsx', { maxRowsPerSheet: 299 }));
    expectFriendlyError(e, 'too-large', 'edge.xlsx');
  });

  test('empty styled rows below the limit do not count as rows', async () => {
    const buf = rawXlsx([
      {
        name: 'S',
        body:
          `<sheetData><row r="1"><c r="A1"><v>1</v></c></row>` +
          `<row r="5000" ht="20" customHeight="1"><c r="A5000" s="0"/></row></sheetData>`,
      },
    ]);
    const wb = await readXlsxBuffer(buf, 'styled.xlsx', { maxRowsPerSheet: 10 });
    expect(wb.sheets[0].rows.length).toBe(1);
  });

  test('too many non-empty cells', async () => {
    const cells = Array.from({ length: 30 }, (_, i) => `<c r="A${i + 1}"><v>${i}</v></c>`)
      .map((c, i) => `<row r="${i + 1}">${c}</row>`)
      .join('');
    const bytes = rawXlsx([{ name: 'S', body: `<sheetData>${cells}</sheetData>` }]);
    const err = await refuse('cells.xlsx', bytes, 'too-large', { maxCells: 25 });
    expect(err.params.kind).toBe('cells');
    expect(err.params.limit).toBe('25');
  });

  test('masses of styled empty cells are refused (structural cap: 4 × maxCells cell records)', async () => {
    // 1 value cell + 26 empty styled cells = 27 cell records, more than 4 × 5
    const styled = Array.from({ length: 26 }, (_, i) => `<c r="${String.fromCharCode(65 + i)}2" s="0"/>`).join('');
    const body = `<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2">${styled}</row></sheetData>`;
    const err = await refuse('styled-mass.xlsx', rawXlsx([{ name: 'S', body }]), 'too-large', { maxCells: 5 });
    expect(err.params.limit).toBe('20');
    // the same sheet is fine with room for its cell records
    const wb = await readXlsxBuffer(rawXlsx([{ name: 'S', body }]), 'ok.xlsx', { maxCells: 10 });
    expect(wb.sheets[0].rows).toHaveLength(1);
  });

  test('a merged area covering the whole sheet (merge bomb) is refused before exceljs expands it', async () => {
    const body =
      `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData>` +
      `<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>`;
    const t0 = Date.now();
    await refuse('mergebomb.xlsx', rawXlsx([{ name: 'S', body }]), 'too-large');
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  test('a zip bomb: an entry inflating past the limit is refused (declared sizes)', async () => {
    const padding = ' '.repeat(2 * 1024 * 1024); // 2 MiB of whitespace compresses to a few KiB
    const body = `<sheetData>${padding}<row r="1"><c r="A1"><v>1</v></c></row></sheetData>`;
    const bytes = rawXlsx([{ name: 'S', body }]);
    expect(bytes.length).toBeLessThan(64 * 1024);
    const err = await refuse('bomb.xlsx', bytes, 'too-large', { maxUncompressedBytes: 1024 * 1024 });
    expect(err.params.kind).toBe('unzipped');
    expect(err.params.limit).toBe('1 MiB');
  });

  test('a zip bomb that lies about its sizes is caught while inflating', async () => {
    const padding = ' '.repeat(2 * 1024 * 1024);
    const entries = rawXlsxEntries([{ name: 'S', body: `<sheetData>${padding}</sheetData>` }]);
    entries[entries.length - 1].declaredSize = 1000; // claims 1,000 bytes
    const err = await refuse('liar.xlsx', buildZip(entries), 'too-large', { maxUncompressedBytes: 1024 * 1024 });
    expect(err.params.kind).toBe('unzipped');
  });

  test('the default limit (512 MiB) applies to declared sizes without inflating anything', async () => {
    const entries = rawXlsxEntries([{ name: 'S', body: oneCellSheet }]);
    // a 600 MiB media file, declared in the headers (the data itself is tiny and never inflated)
    entries.push({ name: 'xl/media/image1.png', data: Buffer.alloc(16), method: 0, declaredSize: 600 * 1024 * 1024 });
    const t0 = Date.now();
    const err = await refuse('declared.xlsx', buildZip(entries), 'too-large');
    expect(err.params.kind).toBe('unzipped');
    expect(err.params.limit).toBe('512 MiB');
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  test('a file larger than the byte limit is refused before it is read', async () => {
    const err = await refuse('big-file.xlsx', rawXlsx([{ name: 'S', body: oneCellSheet }]), 'too-large', {
      maxUncompressedBytes: 100,
    });
    expect(err.params.kind).toBe('file');
  });
});

describe('readXlsxBuffer', () => {
  test('refuses the same inputs by the given name', async () => {
    expectFriendlyError(await rejection(() => readXlsxBuffer(legacyXlsBytes(), 'mem.xls')), 'legacy-xls', 'mem.xls');
    const enc = await rejection(() => readXlsxBuffer(encryptedXlsxBytes(), 'mem.xlsx'));
    expectFriendlyError(enc, 'encrypted', 'mem.xlsx');
    expectFriendlyError(await rejection(() => readXlsxBuffer(Buffer.alloc(0), 'zero.xlsx')), 'corrupt', 'zero.xlsx');
  });
});
