/** The command line honours waivers (出错说明) the add-in stored in the workbook's custom XML part. */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { readWaiversFromXlsx } from '../../src/adapters/waivers-xlsx';
import { checkExitCode, checkFile } from '../../src/cli/check';
import { makeWaiver, waiversToXml, type Waiver } from '../../src/waivers';

const fixture = path.join(__dirname, '..', 'fixtures', 'books', 'sh-sifaju-2026-sheets.xlsx');

async function withWaivers(waivers: Waiver[]): Promise<string> {
  const zip = await JSZip.loadAsync(await fs.readFile(fixture));
  zip.file('customXml/item1.xml', waiversToXml(waivers));
  const out = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'crossfoot-waivers-')), 'book.xlsx');
  await fs.writeFile(out, await zip.generateAsync({ type: 'nodebuffer' }));
  return out;
}

describe('waivers stored in the workbook', () => {
  it('are read from the custom XML part; a plain workbook has none', async () => {
    expect(await readWaiversFromXlsx(fixture)).toEqual([]);
    const base = await checkFile(fixture, { narrative: false });
    const w = makeWaiver(base.findings.find((f) => f.severity === 'error')!, base.recognition.tables, '行政运行科目另有说明', { at: new Date('2026-12-01T00:00:00Z') });
    expect(await readWaiversFromXlsx(await withWaivers([w]))).toEqual([w]);
  });

  it('suppress the accepted findings while their figures are unchanged', async () => {
    const base = await checkFile(fixture, { narrative: false });
    const errors = base.findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(checkExitCode(base)).toBe(1);
    const waivers = errors.map((f) => makeWaiver(f, base.recognition.tables, '经核实，系科目调整所致', { at: new Date('2026-12-01T00:00:00Z') }));
    const file = await withWaivers(waivers);
    const r = await checkFile(file, { narrative: false });
    expect(r.findings.filter((f) => f.severity === 'error').every((f) => f.waived?.reason === '经核实，系科目调整所致')).toBe(true);
    expect(r.summary.errors).toBe(0);
    expect(checkExitCode(r)).toBe(0);
  });

  it('no longer suppress a finding whose figures changed', async () => {
    const base = await checkFile(fixture, { narrative: false });
    const f = base.findings.find((x) => x.severity === 'error')!;
    const stale = { ...makeWaiver(f, base.recognition.tables, '旧的说明'), figures: 'other figures' };
    const r = await checkFile(await withWaivers([stale]), { narrative: false });
    expect(r.findings.filter((x) => x.waived)).toEqual([]);
    expect(checkExitCode(r)).toBe(1);
  });
});
