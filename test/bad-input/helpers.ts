/**
 * Test-time generators for good and bad workbook files: a hand-written zip writer (so sizes can lie), a minimal
 * OOXML workbook, a minimal OLE2 compound file (old .xls / password-protected .xlsx), a streamed big sheet, and the
 * assertions every bad-input test shares.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import * as ExcelJS from 'exceljs';
import { CrossfootError } from '../../src/errors';

// ---------------------------------------------------------------------------------------------------------------
// temp dirs and hashes

export function makeTempDir(prefix = 'crossfoot-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

// ---------------------------------------------------------------------------------------------------------------
// zip writer

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipInput {
  name: string;
  data: Buffer | string;
  /** 0 = stored, 8 = deflate (default) */
  method?: 0 | 8;
  /** uncompressed size written into the headers instead of the real one (to make a lying archive) */
  declaredSize?: number;
}

/** Build a zip archive in memory. */
export function buildZip(inputs: ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const input of inputs) {
    const data = typeof input.data === 'string' ? Buffer.from(input.data, 'utf8') : input.data;
    const method = input.method ?? 8;
    const body = method === 8 ? zlib.deflateRawSync(data) : data;
    const name = Buffer.from(input.name, 'utf8');
    const size = input.declaredSize ?? data.length;
    const crc = crc32(data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(inputs.length, 8);
  eocd.writeUInt16LE(inputs.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

// ---------------------------------------------------------------------------------------------------------------
// minimal OOXML workbook

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface RawSheet {
  name: string;
  /** the inner XML of <worksheet> (sheetData, mergeCells…) */
  body: string;
  state?: 'visible' | 'hidden' | 'veryHidden';
}

/** The zip entries of a minimal workbook, sheets given as raw XML; `extra` entries are appended. */
export function rawXlsxEntries(sheets: RawSheet[], extra: ZipInput[] = []): ZipInput[] {
  const overrides = sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('');
  return [
    {
      name: '[Content_Types].xml',
      data:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        overrides +
        `</Types>`,
    },
    {
      name: '_rels/.rels',
      data:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
        `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets>` +
        sheets
          .map(
            (s, i) =>
              `<sheet name="${s.name}" sheetId="${i + 1}"${s.state && s.state !== 'visible' ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`,
          )
          .join('') +
        `</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        sheets
          .map(
            (_, i) =>
              `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          )
          .join('') +
        `</Relationships>`,
    },
    ...sheets.map((s, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">${s.body}</worksheet>`,
    })),
    ...extra,
  ];
}

export function rawXlsx(sheets: RawSheet[], extra: ZipInput[] = []): Buffer {
  return buildZip(rawXlsxEntries(sheets, extra));
}

// ---------------------------------------------------------------------------------------------------------------
// minimal OLE2 compound file

export interface CfbEntrySpec {
  name: string;
  type: 'storage' | 'stream';
}

/**
 * A version-3 compound file (512-byte sectors): one FAT sector (sector 0) and as many directory sectors as the
 * entries need (four 128-byte entries per sector, chained through the FAT). Every entry hangs off the root as a
 * right-sibling chain; streams are empty. That is all a sniffer reading the directory looks at.
 */
export function buildCfb(entries: CfbEntrySpec[]): Buffer {
  const all = [{ name: 'Root Entry', type: 'root' as const }, ...entries];
  const dirSectors = Math.ceil(all.length / 4);
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 0x18); // minor version
  header.writeUInt16LE(0x0003, 0x1a); // major version 3
  header.writeUInt16LE(0xfffe, 0x1c); // byte order
  header.writeUInt16LE(9, 0x1e); // sector shift: 512
  header.writeUInt16LE(6, 0x20); // mini sector shift: 64
  header.writeUInt32LE(1, 0x2c); // number of FAT sectors
  header.writeUInt32LE(1, 0x30); // first directory sector
  header.writeUInt32LE(4096, 0x38); // mini stream cutoff
  header.writeUInt32LE(0xfffffffe, 0x3c); // no mini FAT
  header.writeUInt32LE(0xfffffffe, 0x44); // no DIFAT sectors
  header.writeUInt32LE(0, 0x4c); // DIFAT[0] = sector 0 holds the FAT
  for (let i = 1; i < 109; i++) header.writeUInt32LE(0xffffffff, 0x4c + 4 * i);

  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0: FAT
  for (let s = 1; s <= dirSectors; s++) fat.writeUInt32LE(s === dirSectors ? 0xfffffffe : s + 1, 4 * s);

  const dir = Buffer.alloc(512 * dirSectors);
  all.forEach((e, i) => {
    const off = 128 * i;
    const name = Buffer.from(e.name, 'utf16le');
    if (name.length > 62) throw new Error(`CFB name too long: ${e.name}`);
    name.copy(dir, off);
    dir.writeUInt16LE(name.length + 2, off + 64);
    dir[off + 66] = e.type === 'root' ? 5 : e.type === 'storage' ? 1 : 2;
    dir[off + 67] = 1; // black
    dir.writeUInt32LE(0xffffffff, off + 68); // left sibling
    dir.writeUInt32LE(i >= 1 && i + 1 < all.length ? i + 1 : 0xffffffff, off + 72); // right sibling
    dir.writeUInt32LE(i === 0 && all.length > 1 ? 1 : 0xffffffff, off + 76); // child
    dir.writeUInt32LE(0xfffffffe, off + 116); // start sector
  });
  for (let i = all.length; i < 4 * dirSectors; i++) {
    const off = 128 * i;
    dir.writeUInt32LE(0xffffffff, off + 68);
    dir.writeUInt32LE(0xffffffff, off + 72);
    dir.writeUInt32LE(0xffffffff, off + 76);
  }
  return Buffer.concat([header, fat, dir]);
}

/** An Excel 97-2003 workbook's container: a Workbook stream plus the usual property streams. */
export function legacyXlsBytes(streamName: 'Workbook' | 'Book' = 'Workbook'): Buffer {
  return buildCfb([
    { name: streamName, type: 'stream' },
    { name: '\u0005SummaryInformation', type: 'stream' },
    { name: '\u0005DocumentSummaryInformation', type: 'stream' },
  ]);
}

/** A password-protected .xlsx: the OOXML package encrypted inside a compound file (MS-OFFCRYPTO). */
export function encryptedXlsxBytes(): Buffer {
  return buildCfb([
    { name: '\u0006DataSpaces', type: 'storage' },
    { name: 'Version', type: 'stream' },
    { name: 'DataSpaceMap', type: 'stream' },
    { name: 'DataSpaceInfo', type: 'storage' },
    { name: 'StrongEncryptionDataSpace', type: 'stream' },
    { name: 'TransformInfo', type: 'storage' },
    { name: 'EncryptionInfo', type: 'stream' },
    { name: 'EncryptedPackage', type: 'stream' },
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// big workbooks, streamed

/** Write `rows` × `cols` numbers to sheet "大表" with exceljs's streaming writer. */
export async function writeBigSheet(
  file: string,
  rows: number,
  cols: number,
  zip?: Partial<ExcelJS.stream.xlsx.ArchiverZipOptions>,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: false,
    useStyles: false,
    ...(zip ? { zip } : {}),
  } as Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>);
  const ws = wb.addWorksheet('大表');
  for (let r = 1; r <= rows; r++) {
    const values: number[] = [];
    for (let c = 1; c <= cols; c++) values.push(r * 100 + c);
    ws.addRow(values).commit();
  }
  ws.commit();
  await wb.commit();
}

// ---------------------------------------------------------------------------------------------------------------
// shared assertions

function stripName(message: string, names: string[]): string {
  let s = message;
  for (const n of [...names].sort((a, b) => b.length - a.length)) s = s.split(n).join('');
  return s;
}

/**
 * The error is a CrossfootError with `code`, and both renderings are one clear sentence naming the file (with the
 * file name removed, at most one sentence terminator, and it ends the message; no stack traces, no line breaks).
 */
export function expectFriendlyError(e: unknown, code: string, fileName: string): CrossfootError {
  expect(e).toBeInstanceOf(CrossfootError);
  const err = e as CrossfootError;
  expect(err.code).toBe(code);
  const zh = err.localized('zh-CN');
  const en = err.localized('en-US');
  for (const msg of [zh, en]) {
    expect(msg.trim().length).toBeGreaterThan(0);
    expect(msg).toContain(fileName);
    expect(msg).not.toMatch(/[\r\n]/);
    expect(msg).not.toMatch(/\bat \S+ \(|node_modules|Error:/);
  }
  const zhRest = stripName(zh, [fileName, err.params.file ?? '', err.params.sheet ?? '']).trim();
  const zhStops = zhRest.match(/[。！？]/g) ?? [];
  expect(zhStops.length).toBeLessThanOrEqual(1);
  if (zhStops.length === 1) expect(zhRest.endsWith(zhStops[0])).toBe(true);
  expect(/[\u4e00-\u9fff]/.test(zhRest)).toBe(true);
  const enRest = stripName(en, [fileName, err.params.file ?? '', err.params.sheet ?? '']).trim();
  const enStops = enRest.match(/[.!?](?=\s|$)/g) ?? [];
  expect(enStops.length).toBeLessThanOrEqual(1);
  if (enStops.length === 1) expect(/[.!?]$/.test(enRest)).toBe(true);
  expect(/[\u4e00-\u9fff]/.test(enRest)).toBe(false);
  return err;
}

/** Run `fn`, expect it to reject, and return what it rejected with. */
export async function rejection(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}
