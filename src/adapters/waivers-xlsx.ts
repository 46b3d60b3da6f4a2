/**
 * Waivers (出错说明) recorded by the Excel add-in live in a custom XML part of the workbook (namespace
 * urn:crossfoot:waivers, see src/waivers.ts). The command line reads them from the .xlsx package so that a check, a
 * report or a batch honours what reviewers accepted in Excel. Read-only: the file is never written.
 */
import { promises as fs } from 'fs';
import JSZip from 'jszip';
import { WAIVERS_NAMESPACE, waiversFromXml, type Waiver } from '../waivers';

/** The waivers stored in the workbook; [] when there are none or the part cannot be read (never throws). */
export async function readWaiversFromXlsx(file: string): Promise<Waiver[]> {
  try {
    const zip = await JSZip.loadAsync(await fs.readFile(file));
    const out: Waiver[] = [];
    for (const name of Object.keys(zip.files)) {
      if (!/^customXml\/item\d+\.xml$/i.test(name)) continue;
      const xml = await zip.files[name].async('string');
      if (!xml.includes(WAIVERS_NAMESPACE)) continue;
      out.push(...waiversFromXml(xml).waivers);
    }
    return out;
  } catch {
    return [];
  }
}
