/**
 * Container sniffing and guards for the .xlsx reader, run BEFORE any workbook parsing:
 * - magic bytes: zip (`PK\x03\x04`), OLE2 compound file (old .xls, or a password-protected .xlsx), anything else;
 * - the compound-file directory (stream names are UTF-16LE) to tell a legacy .xls from an encrypted OOXML package;
 * - the zip central directory (declared sizes, entry names, truncation), read by hand with no dependency;
 * - a streaming pass over every zip entry that counts the actually inflated bytes (zip-bomb guard) and scans the
 *   worksheet XML for rows, non-empty cells and merged areas, stopping as soon as a limit is passed.
 * Every problem is raised as a CrossfootError; nothing here writes anything.
 */
import { StringDecoder } from 'node:string_decoder';
import * as zlib from 'node:zlib';
import { CrossfootError } from '../errors';

// ---------------------------------------------------------------------------------------------------------------
// magic bytes

export type ContainerKind = 'empty' | 'zip' | 'cfb' | 'other';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Uint8Array, magic: number[]): boolean {
  if (buf.length < magic.length) return false;
  return magic.every((b, i) => buf[i] === b);
}

/** What kind of container the first bytes announce. */
export function sniffContainer(head: Uint8Array): ContainerKind {
  if (head.length === 0) return 'empty';
  if (startsWith(head, ZIP_MAGIC)) return 'zip';
  if (startsWith(head, CFB_MAGIC)) return 'cfb';
  return 'other';
}

// ---------------------------------------------------------------------------------------------------------------
// OLE2 / compound file binary (CFB)

const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const MAX_REGULAR_SECT = 0xfffffffa;

/**
 * Names of all storages and streams in a compound file's directory. Follows the FAT from the header's DIFAT (and the
 * DIFAT chain); if the structure is damaged, falls back to scanning the buffer for the UTF-16LE names we care about.
 */
export function cfbEntryNames(buf: Buffer): string[] {
  try {
    return readCfbDirectory(buf);
  } catch {
    return scanUtf16Names(buf, ['EncryptionInfo', 'EncryptedPackage', 'Workbook', 'Book']);
  }
}

function readCfbDirectory(buf: Buffer): string[] {
  if (buf.length < 512 || !startsWith(buf, CFB_MAGIC)) throw new Error('not a compound file');
  const shift = buf.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) throw new Error('bad sector shift');
  const sectorSize = 1 << shift;
  const sectorCount = Math.floor((buf.length - sectorSize) / sectorSize) + 1;
  const sectorOffset = (n: number): number => (n + 1) * sectorSize;
  const readSector = (n: number): Buffer => {
    const start = sectorOffset(n);
    if (n > MAX_REGULAR_SECT || start >= buf.length) throw new Error('bad sector');
    return buf.subarray(start, Math.min(start + sectorSize, buf.length));
  };

  // FAT sector numbers: 109 in the header, the rest in the DIFAT chain
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = buf.readUInt32LE(0x4c + 4 * i);
    if (s <= MAX_REGULAR_SECT) fatSectors.push(s);
  }
  let difat = buf.readUInt32LE(0x44);
  const perSector = sectorSize / 4;
  for (let guard = 0; difat <= MAX_REGULAR_SECT && guard < sectorCount; guard++) {
    const sec = readSector(difat);
    for (let i = 0; i < perSector - 1 && 4 * i + 4 <= sec.length; i++) {
      const s = sec.readUInt32LE(4 * i);
      if (s <= MAX_REGULAR_SECT) fatSectors.push(s);
    }
    difat = sec.length >= sectorSize ? sec.readUInt32LE(sectorSize - 4) : ENDOFCHAIN;
  }
  if (fatSectors.length === 0) throw new Error('no FAT');
  const fat: number[] = [];
  for (const s of fatSectors) {
    const sec = readSector(s);
    for (let i = 0; 4 * i + 4 <= sec.length; i++) fat.push(sec.readUInt32LE(4 * i));
  }

  const names: string[] = [];
  let dir = buf.readUInt32LE(0x30);
  const seen = new Set<number>();
  while (dir !== ENDOFCHAIN && dir !== FREESECT) {
    if (dir > MAX_REGULAR_SECT || seen.has(dir) || seen.size > sectorCount) throw new Error('bad directory chain');
    seen.add(dir);
    const sec = readSector(dir);
    for (let off = 0; off + 128 <= sec.length; off += 128) {
      const type = sec[off + 66];
      if (type !== 1 && type !== 2 && type !== 5) continue;
      const len = sec.readUInt16LE(off + 64);
      if (len < 2 || len > 64) continue;
      names.push(sec.toString('utf16le', off, off + len - 2));
    }
    dir = dir < fat.length ? fat[dir] : ENDOFCHAIN;
  }
  if (names.length === 0) throw new Error('empty directory');
  return names;
}

function scanUtf16Names(buf: Buffer, wanted: string[]): string[] {
  return wanted.filter((w) => buf.includes(Buffer.from(w, 'utf16le')));
}

export type CfbKind = 'encrypted' | 'legacy-xls' | 'other';

/** A password-protected OOXML package (EncryptionInfo + EncryptedPackage), an old .xls (Workbook / Book) or else. */
export function classifyCfb(buf: Buffer): CfbKind {
  const names = new Set(cfbEntryNames(buf).map((n) => n.toLowerCase()));
  if (names.has('encryptioninfo') || names.has('encryptedpackage')) return 'encrypted';
  if (names.has('workbook') || names.has('book')) return 'legacy-xls';
  return 'other';
}

// ---------------------------------------------------------------------------------------------------------------
// zip central directory

export interface ZipEntry {
  /** entry name without a leading "/" */
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  /** offset of the entry's data (after the local header) */
  dataOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

function corrupt(file: string, reason: string, detail: string): CrossfootError {
  return new CrossfootError('corrupt', { file, detail, reason });
}

function readUInt64(buf: Buffer, off: number): number {
  const v = buf.readBigUInt64LE(off);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('64-bit zip field too large');
  return Number(v);
}

/**
 * Read the central directory of a zip held in memory. Raises 'corrupt' (reason 'truncated' when the end record or
 * entry data lie beyond the end of the buffer, 'zip' for other structural damage).
 */
export function readZipDirectory(buf: Buffer, file: string): ZipEntry[] {
  try {
    return readZipDirectoryUnsafe(buf, file);
  } catch (e) {
    if (e instanceof CrossfootError) throw e;
    throw corrupt(file, 'zip', e instanceof Error ? e.message : String(e));
  }
}

function readZipDirectoryUnsafe(buf: Buffer, file: string): ZipEntry[] {
  // end of central directory: 22 bytes + a comment of up to 65,535 bytes
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt(file, 'truncated', 'end of central directory record not found');
  let entryCount = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if (buf.readUInt16LE(eocd + 4) !== 0 || buf.readUInt16LE(eocd + 6) !== 0) {
    throw corrupt(file, 'zip', 'multi-disk zip archives are not supported');
  }
  if (entryCount === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== SIG_EOCD64_LOCATOR) throw corrupt(file, 'zip', 'zip64 locator missing');
    const e64 = readUInt64(buf, loc + 8);
    if (e64 + 56 > buf.length || buf.readUInt32LE(e64) !== SIG_EOCD64) {
      throw corrupt(file, 'zip', 'zip64 end record missing');
    }
    entryCount = readUInt64(buf, e64 + 32);
    cdSize = readUInt64(buf, e64 + 40);
    cdOffset = readUInt64(buf, e64 + 48);
  }
  if (cdOffset + cdSize > buf.length) {
    throw corrupt(file, 'truncated', 'central directory lies past the end of the file');
  }

  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < entryCount; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== SIG_CENTRAL) {
      throw corrupt(file, 'zip', `central directory entry ${n + 1} is damaged`);
    }
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    let compressedSize = buf.readUInt32LE(p + 20);
    let uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localOffset = buf.readUInt32LE(p + 42);
    if (p + 46 + nameLen + extraLen + commentLen > buf.length) {
      throw corrupt(file, 'truncated', 'central directory entry runs past the end of the file');
    }
    const rawName = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
    // zip64 extended information extra field
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = buf.readUInt16LE(x);
      const size = buf.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        if (uncompressedSize === 0xffffffff && q + 8 <= x + 4 + size) {
          uncompressedSize = readUInt64(buf, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= x + 4 + size) {
          compressedSize = readUInt64(buf, q);
          q += 8;
        }
        if (localOffset === 0xffffffff && q + 8 <= x + 4 + size) localOffset = readUInt64(buf, q);
      }
      x += 4 + size;
    }
    p = xEnd + commentLen;

    if (localOffset + 30 > buf.length) {
      throw corrupt(file, 'truncated', `entry ${rawName} lies past the end of the file`);
    }
    if (buf.readUInt32LE(localOffset) !== SIG_LOCAL) {
      throw corrupt(file, 'zip', `local header of ${rawName} is damaged`);
    }
    const dataOffset = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    if (dataOffset + compressedSize > buf.length) {
      throw corrupt(file, 'truncated', `data of ${rawName} runs past the end of the file`);
    }
    entries.push({
      name: rawName.replace(/^\/+/, ''),
      method,
      flags,
      compressedSize,
      uncompressedSize,
      dataOffset,
    });
  }
  return entries;
}

// ---------------------------------------------------------------------------------------------------------------
// streaming pass over the entries

export interface ScanLimits {
  maxRowsPerSheet: number;
  maxCells: number;
  maxUncompressedBytes: number;
}

export interface SheetScan {
  /** zip entry, e.g. xl/worksheets/sheet1.xml */
  entry: string;
  /** sheet name from xl/workbook.xml when it could be mapped, else the entry name */
  name: string;
  /** highest row number holding a non-empty cell (0 when none) */
  lastRow: number;
  /** non-empty cells (cells with a value, formula or inline string) */
  cells: number;
  /** all cell elements, including empty styled ones */
  cellElements: number;
  /** cells covered by merged areas */
  mergedCells: number;
}

export interface ZipScan {
  inflatedBytes: number;
  sheets: SheetScan[];
  cells: number;
}

export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1 && v % 1024 === 0) {
    v /= 1024;
    u++;
  }
  return `${v.toLocaleString('en-US')} ${units[u]}`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

const WORKSHEET_ENTRY = /^xl\/worksheets\/sheet\d+\.xml$/;
/** structural cap on cell elements (including empty styled cells), as a multiple of maxCells */
const CELL_ELEMENT_FACTOR = 4;

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

const attrPatterns = new Map<string, RegExp>();

function attr(attrs: string, name: string): string | undefined {
  let re = attrPatterns.get(name);
  if (!re) {
    re = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attrPatterns.set(name, re);
  }
  const m = re.exec(attrs);
  return m ? unescapeXml(m[1] ?? m[2]) : undefined;
}

/** Map worksheet entries to sheet names via xl/workbook.xml and its relationships (best effort). */
function sheetNames(workbookXml: string, relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)) {
    const id = attr(m[1], 'Id');
    const target = attr(m[1], 'Target');
    if (!id || !target) continue;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    targets.set(id, path.replace(/\/\.\//g, '/'));
  }
  const names = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*)>/g)) {
    const name = attr(m[1], 'name');
    const rid = /\s(?:[\w.-]+:)?id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(m[1]);
    const id = rid ? (rid[1] ?? rid[2]) : undefined;
    if (name && id && targets.has(id)) names.set(targets.get(id) as string, name);
  }
  return names;
}

/** Streaming scanner over one worksheet's XML; throws 'too-large' as soon as a limit is passed. */
class SheetScanner {
  readonly scan: SheetScan;
  private carry = '';
  private currentRow = 0;
  private cellCounted = true;
  private readonly tag = /<(?:[A-Za-z_][\w.-]*:)?(row|c|v|f|is|mergeCell)(?=[\s/>])([^>]*)>/g;

  constructor(
    entry: string,
    name: string,
    private readonly file: string,
    private readonly limits: ScanLimits,
    private readonly totals: { cells: number; cellElements: number; mergedCells: number },
  ) {
    this.scan = { entry, name, lastRow: 0, cells: 0, cellElements: 0, mergedCells: 0 };
  }

  push(text: string, final: boolean): void {
    let s = this.carry + text;
    this.carry = '';
    if (!final) {
      const lt = s.lastIndexOf('<');
      if (lt >= 0 && s.indexOf('>', lt) < 0) {
        // keep an unfinished tag for the next chunk (bounded: a tag is never this long in a real sheet)
        if (s.length - lt < 1 << 20) this.carry = s.slice(lt);
        s = s.slice(0, lt);
      }
    }
    this.tag.lastIndex = 0;
    for (let m = this.tag.exec(s); m; m = this.tag.exec(s)) this.onTag(m[1], m[2]);
  }

  private onTag(name: string, attrs: string): void {
    const selfClosing = attrs.endsWith('/');
    switch (name) {
      case 'row': {
        const r = attr(attrs, 'r');
        this.currentRow = r && /^\d+$/.test(r) ? Number(r) : this.currentRow + 1;
        this.cellCounted = true;
        return;
      }
      case 'c': {
        this.scan.cellElements++;
        this.totals.cellElements++;
        if (this.totals.cellElements > this.limits.maxCells * CELL_ELEMENT_FACTOR) {
          this.tooManyCells(this.limits.maxCells * CELL_ELEMENT_FACTOR);
        }
        const r = attr(attrs, 'r');
        const m = r ? /^\$?[A-Za-z]{1,3}\$?(\d+)$/.exec(r) : null;
        if (m) this.currentRow = Number(m[1]);
        this.cellCounted = selfClosing;
        return;
      }
      case 'mergeCell': {
        const ref = attr(attrs, 'ref');
        const m = ref ? /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref) : null;
        if (!m) return;
        const col = (letters: string): number =>
          [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
        const r1 = Number(m[2]);
        const r2 = m[4] ? Number(m[4]) : r1;
        const c1 = col(m[1]);
        const c2 = m[3] ? col(m[3]) : c1;
        const area = (Math.abs(r2 - r1) + 1) * (Math.abs(c2 - c1) + 1);
        this.scan.mergedCells += area;
        this.totals.mergedCells += area;
        if (Math.max(r1, r2) > this.limits.maxRowsPerSheet) this.tooManyRows();
        if (this.totals.mergedCells > this.limits.maxCells) this.tooManyCells();
        return;
      }
      default: {
        // v, f, is: the current cell has content
        if (this.cellCounted) return;
        this.cellCounted = true;
        this.scan.cells++;
        this.totals.cells++;
        if (this.currentRow > this.scan.lastRow) this.scan.lastRow = this.currentRow;
        if (this.scan.lastRow > this.limits.maxRowsPerSheet) this.tooManyRows();
        if (this.totals.cells > this.limits.maxCells) this.tooManyCells();
      }
    }
  }

  private tooManyRows(): never {
    throw new CrossfootError('too-large', {
      file: this.file,
      kind: 'rows',
      sheet: this.scan.name,
      limit: formatCount(this.limits.maxRowsPerSheet),
    });
  }

  private tooManyCells(limit = this.limits.maxCells): never {
    throw new CrossfootError('too-large', { file: this.file, kind: 'cells', limit: formatCount(limit) });
  }
}

function tooLargeUnzipped(file: string, limits: ScanLimits): CrossfootError {
  return new CrossfootError('too-large', {
    file,
    kind: 'unzipped',
    limit: formatBytes(limits.maxUncompressedBytes),
  });
}

/** Refuse an archive whose declared uncompressed sizes add up to more than the limit. */
export function checkDeclaredSizes(entries: ZipEntry[], file: string, limits: ScanLimits): void {
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    if (total > limits.maxUncompressedBytes) throw tooLargeUnzipped(file, limits);
  }
}

const STORED_CHUNK = 1 << 20;

/** Inflate one entry chunk by chunk; `onChunk` may throw to stop early. */
function inflateEntry(buf: Buffer, entry: ZipEntry, file: string, onChunk: (chunk: Buffer) => void): Promise<void> {
  const data = buf.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.flags & 0x1) return Promise.reject(corrupt(file, 'zip-encrypted', `entry ${entry.name} is encrypted`));
  if (entry.method === 0) {
    try {
      for (let i = 0; i < data.length; i += STORED_CHUNK) onChunk(data.subarray(i, i + STORED_CHUNK));
      return Promise.resolve();
    } catch (e) {
      return Promise.reject(e);
    }
  }
  if (entry.method !== 8) {
    return Promise.reject(corrupt(file, 'zip-method', `entry ${entry.name} uses compression method ${entry.method}`));
  }
  return new Promise<void>((resolve, reject) => {
    const inflate = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
    let done = false;
    const fail = (e: unknown): void => {
      if (done) return;
      done = true;
      inflate.removeAllListeners('data');
      inflate.destroy();
      reject(e);
    };
    inflate.on('data', (chunk: Buffer) => {
      if (done) return;
      try {
        onChunk(chunk);
      } catch (e) {
        fail(e);
      }
    });
    inflate.on('error', (e) => fail(corrupt(file, 'zip', `entry ${entry.name}: ${e.message}`)));
    inflate.on('end', () => {
      if (done) return;
      done = true;
      resolve();
    });
    inflate.end(data);
  });
}

/**
 * Inflate every entry once, counting the real uncompressed bytes against the limit (a zip may lie about its sizes),
 * and scan each worksheet for its last non-empty row, its non-empty cells and its merged areas.
 */
export async function scanZip(buf: Buffer, entries: ZipEntry[], file: string, limits: ScanLimits): Promise<ZipScan> {
  let inflated = 0;
  const totals = { cells: 0, cellElements: 0, mergedCells: 0 };
  const count = (chunk: Buffer, soFar: number): number => {
    inflated += chunk.length;
    if (inflated > limits.maxUncompressedBytes) throw tooLargeUnzipped(file, limits);
    // an entry inflating past its declared size is damaged or malicious; keep counting (bounded by the limit above)
    // so that a lying zip bomb is reported as too large, and report the mismatch when the entry ends
    return soFar + chunk.length;
  };
  const finish = (entry: ZipEntry, got: number): void => {
    if (got !== entry.uncompressedSize) {
      const detail = `entry ${entry.name} inflates to ${got}, not ${entry.uncompressedSize} bytes`;
      throw corrupt(file, 'size-mismatch', detail);
    }
  };

  // the workbook and its relationships first, to name the sheets in messages
  const TEXT_CAP = 16 << 20;
  const readText = async (name: string): Promise<string> => {
    const e = entries.find((x) => x.name === name);
    if (!e) return '';
    const parts: Buffer[] = [];
    let got = 0;
    await inflateEntry(buf, e, file, (chunk) => {
      got = count(chunk, got);
      if (got <= TEXT_CAP) parts.push(chunk);
    });
    finish(e, got);
    return Buffer.concat(parts).toString('utf8');
  };
  const names = sheetNames(await readText('xl/workbook.xml'), await readText('xl/_rels/workbook.xml.rels'));

  const sheets: SheetScan[] = [];
  for (const e of entries) {
    if (e.name === 'xl/workbook.xml' || e.name === 'xl/_rels/workbook.xml.rels' || e.name.endsWith('/')) continue;
    let got = 0;
    if (WORKSHEET_ENTRY.test(e.name)) {
      const scanner = new SheetScanner(e.name, names.get(e.name) ?? e.name, file, limits, totals);
      const decoder = new StringDecoder('utf8');
      await inflateEntry(buf, e, file, (chunk) => {
        got = count(chunk, got);
        scanner.push(decoder.write(chunk), false);
      });
      scanner.push(decoder.end(), true);
      sheets.push(scanner.scan);
    } else {
      await inflateEntry(buf, e, file, (chunk) => {
        got = count(chunk, got);
      });
    }
    finish(e, got);
  }
  return { inflatedBytes: inflated, sheets, cells: totals.cells };
}
