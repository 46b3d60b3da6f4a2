/** The add-in manifest (manifest.xml) and its icons: a local validity check of the schema's essentials. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inflateSync } from 'node:zlib';
import { ICON_SIZES, PNG_SIGNATURE, crc32, drawIcon } from '../../scripts/make-icons';
import { ROOT, child, descendants, parseXml, type XmlElement } from './helpers';

const MANIFEST = path.join(ROOT, 'manifest.xml');
const xml = fs.readFileSync(MANIFEST, 'utf8');
const root = parseXml(xml);

/** The order of OfficeApp's children in the TaskPaneApp schema (optional ones may be absent, never reordered). */
const ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'AllowSnapshot',
  'VersionOverrides',
];
const REQUIRED = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions'];

function at(el: XmlElement, ...names: string[]): XmlElement {
  let cur = el;
  for (const n of names) {
    const c = child(cur, n);
    if (!c) throw new Error(`${names.join('/')}: no ${n} in ${cur.name}`);
    cur = c;
  }
  return cur;
}

interface Png {
  width: number;
  height: number;
  pixels: Buffer;
}

/** Read a PNG strictly: signature, chunk CRCs, IHDR, inflated image data of the right length. */
function readPng(file: string): Png {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  let i = 8;
  let width = 0;
  let height = 0;
  let colourType = -1;
  const idat: Buffer[] = [];
  let ended = false;
  while (i < buf.length) {
    const len = buf.readUInt32BE(i);
    const type = buf.subarray(i + 4, i + 8).toString('ascii');
    const data = buf.subarray(i + 8, i + 8 + len);
    expect(buf.readUInt32BE(i + 8 + len)).toBe(crc32(buf.subarray(i + 4, i + 8 + len)));
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect(data[8]).toBe(8);
      colourType = data[9];
    } else if (type === 'IDAT') idat.push(Buffer.from(data));
    else if (type === 'IEND') ended = true;
    i += 12 + len;
  }
  expect(ended).toBe(true);
  expect(colourType).toBe(6);
  const raw = inflateSync(Buffer.concat(idat));
  expect(raw.length).toBe(height * (1 + width * 4));
  const pixels = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (1 + width * 4)]).toBe(0);
    raw.copy(pixels, y * width * 4, y * (1 + width * 4) + 1, (y + 1) * (1 + width * 4));
  }
  return { width, height, pixels };
}

describe('manifest.xml', () => {
  test('is a well-formed TaskPaneApp manifest', () => {
    expect(root.name).toBe('OfficeApp');
    expect(root.attrs.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(root.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(root.attrs['xmlns:xsi']).toBe('http://www.w3.org/2001/XMLSchema-instance');
    expect(root.attrs['xmlns:bt']).toBe('http://schemas.microsoft.com/office/officeappbasictypes/1.0');
    expect(() => parseXml('<a><b></a>')).toThrow(); // the checker does check
  });

  test('has the required elements, in the schema order', () => {
    const names = root.children.map((c) => c.name);
    for (const r of REQUIRED) expect(names).toContain(r);
    for (const nm of names) expect(ORDER).toContain(nm);
    const positions = names.map((nm) => ORDER.indexOf(nm));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(names).size).toBe(names.length);
  });

  test('identity: a GUID id, a four-part version, provider, zh-CN default with en-US overrides', () => {
    expect(at(root, 'Id').text.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    expect(at(root, 'Version').text.trim()).toMatch(/^\d{1,5}(\.\d{1,5}){3}$/);
    expect(at(root, 'ProviderName').text.trim()).not.toBe('');
    expect(at(root, 'DefaultLocale').text.trim()).toBe('zh-CN');
    for (const [name, max] of [
      ['DisplayName', 125],
      ['Description', 2000],
    ] as const) {
      const el = at(root, name);
      expect(el.attrs.DefaultValue).toMatch(/[\u4e00-\u9fff]/);
      expect(el.attrs.DefaultValue.length).toBeLessThanOrEqual(max);
      const en = el.children.find((c) => c.name === 'Override' && c.attrs.Locale === 'en-US');
      expect(en?.attrs.Value).toMatch(/^[\x20-\x7e]+$/);
      expect(en!.attrs.Value.length).toBeLessThanOrEqual(max);
    }
  });

  test('Excel workbook host, ExcelApi 1.7 at least, the task pane page, ReadWriteDocument', () => {
    expect(at(root, 'Hosts').children.map((h) => h.attrs.Name)).toEqual(['Workbook']);
    const sets = at(root, 'Requirements', 'Sets').children.filter((c) => c.name === 'Set');
    expect(sets.map((s) => [s.attrs.Name, s.attrs.MinVersion])).toEqual([['ExcelApi', '1.7']]);
    expect(at(root, 'DefaultSettings', 'SourceLocation').attrs.DefaultValue).toBe('https://localhost:3000/taskpane.html');
    expect(at(root, 'Permissions').text.trim()).toBe('ReadWriteDocument');
    expect(xml).toMatch(/ExcelApi 1\.13\s+merged areas/); // the optional sets are documented
  });

  test('a ribbon button that shows the task pane', () => {
    const vo = at(root, 'VersionOverrides');
    expect(vo.attrs.xmlns).toBe('http://schemas.microsoft.com/office/taskpaneappversionoverrides');
    expect(vo.attrs['xsi:type']).toBe('VersionOverridesV1_0');
    const host = at(vo, 'Hosts', 'Host');
    expect(host.attrs['xsi:type']).toBe('Workbook');
    const ext = at(host, 'DesktopFormFactor', 'ExtensionPoint');
    expect(ext.attrs['xsi:type']).toBe('PrimaryCommandSurface');
    const control = descendants(ext).find((e) => e.name === 'Control')!;
    expect(control.attrs['xsi:type']).toBe('Button');
    const action = at(control, 'Action');
    expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
    // every resid resolves to a resource of the right kind; the task pane URL is the default SourceLocation
    const resources = at(vo, 'Resources');
    const ids = new Map<string, string>();
    for (const group of resources.children) for (const r of group.children) ids.set(r.attrs.id, group.name);
    const refs = descendants(vo).filter((e) => e.attrs.resid !== undefined);
    expect(refs.length).toBeGreaterThan(8);
    for (const r of refs) expect(ids.has(r.attrs.resid)).toBe(true);
    expect(ids.get(at(action, 'SourceLocation').attrs.resid)).toBe('bt:Urls');
    const taskpaneUrl = at(resources, 'bt:Urls').children.find((u) => u.attrs.id === at(action, 'SourceLocation').attrs.resid)!;
    expect(taskpaneUrl.attrs.DefaultValue).toBe('https://localhost:3000/taskpane.html');
    // strings: zh-CN default and an en-US override, within the schema's lengths
    for (const [group, max] of [
      ['bt:ShortStrings', 125],
      ['bt:LongStrings', 250],
    ] as const) {
      for (const s of at(resources, group).children) {
        expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(max);
        const en = s.children.find((o) => o.name === 'bt:Override' && o.attrs.Locale === 'en-US');
        expect(en?.attrs.Value.length).toBeGreaterThan(0);
        expect(en!.attrs.Value.length).toBeLessThanOrEqual(max);
      }
    }
    const sizes = descendants(control).filter((e) => e.name === 'bt:Image').map((e) => e.attrs.size);
    expect(sizes).toEqual(['16', '32', '80']);
  });

  test('every URL is https; the app domain covers them', () => {
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="([a-z]+:[^"]*)"/gi)].map((m) => m[1]);
    urls.push(...at(root, 'AppDomains').children.map((d) => d.text.trim()));
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(new URL(u).protocol).toBe('https:');
    const domain = new URL(at(root, 'AppDomains', 'AppDomain').text.trim()).origin;
    for (const u of urls) expect(new URL(u).origin).toBe(domain);
  });

  test('every icon it names is a real PNG of the right size under addin/assets', () => {
    const icons = new Map<string, number>();
    icons.set(at(root, 'IconUrl').attrs.DefaultValue, 32);
    icons.set(at(root, 'HighResolutionIconUrl').attrs.DefaultValue, 80);
    const images = at(root, 'VersionOverrides', 'Resources', 'bt:Images').children;
    const size = new Map(descendants(root).filter((e) => e.name === 'bt:Image' && e.attrs.resid).map((e) => [e.attrs.resid, Number(e.attrs.size)]));
    for (const img of images) icons.set(img.attrs.DefaultValue, size.get(img.attrs.id)!);
    expect(icons.size).toBe(3);
    for (const [url, px] of icons) {
      const file = path.join(ROOT, 'addin', new URL(url).pathname);
      expect(fs.existsSync(file)).toBe(true);
      const png = readPng(file);
      expect([png.width, png.height]).toEqual([px, px]);
    }
  });

  test('the icons are what scripts/make-icons.ts draws', () => {
    for (const s of ICON_SIZES) {
      const png = readPng(path.join(ROOT, 'addin', 'assets', `icon-${s}.png`));
      expect(png.pixels.equals(Buffer.from(drawIcon(s)))).toBe(true);
    }
  });
});
