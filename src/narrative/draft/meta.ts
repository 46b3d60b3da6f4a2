/**
 * The document facts a draft needs besides the figures: the report year, the department, and the wording family.
 * From the tables first (their titles and 编制部门 lines); a Shanghai 决算 prints neither, so the heading of the
 * workbook's own 情况说明 sheet (“第三部分上海市普陀区财政局2024年度部门决算情况说明”) is the fallback.
 */
import type { Recognition } from '../../model/table';
import type { Workbook } from '../../model/workbook';
import { paragraphsFromWorkbook } from '../sources/workbook';
import type { DraftTemplate } from './types';

export interface DocumentMeta {
  year?: number;
  department?: string;
}

function mode<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  let n = 0;
  for (const [v, c] of counts) {
    if (c > n) {
      best = v;
      n = c;
    }
  }
  return best;
}

const HEADING_RE =
  /^(?:第[一二三四五六七八九十]+部分)?\s*(.*?)\s*(\d{4})\s*年(?:度)?\s*(?:部门|单位|区级部门|区级单位)?(?:决算|预算)(?:情况说明|编制说明)/;

/** Year and department from the tables; from the 情况说明 heading where the tables print none. */
export function documentMeta(workbook: Workbook, recognition: Recognition): DocumentMeta {
  const meta: DocumentMeta = {};
  const year = mode(recognition.tables.map((t) => t.year).filter((y): y is number => y !== undefined));
  if (year !== undefined) meta.year = year;
  const dept = mode(recognition.tables.map((t) => t.department?.trim()).filter((d): d is string => !!d));
  if (dept) meta.department = dept;
  if (meta.year !== undefined && meta.department !== undefined) return meta;
  for (const p of paragraphsFromWorkbook(workbook, recognition).slice(0, 5)) {
    const m = HEADING_RE.exec(p.text.replace(/\s+/g, ' ').trim());
    if (!m) continue;
    if (meta.year === undefined) meta.year = Number(m[2]);
    const name = m[1].trim();
    if (meta.department === undefined && /[\u4e00-\u9fa5]{2,}/.test(name) && !/^(?:部门|单位|本部门)$/.test(name)) meta.department = name;
    break;
  }
  return meta;
}

/** The wording family: Shanghai's for a Shanghai department, else the national one. */
export function templateFor(department: string | undefined): DraftTemplate {
  return department && /^上海/.test(department) ? 'shanghai' : 'national';
}
