/**
 * Subject-phrase normalisation and function-subject parsing for fact lookup. Labels and subjects are compared in one
 * normal form: half-width, no spaces or quotes, no leading ordinal, list commas unified, “(维护)” unbracketed.
 */
import { toHalfWidth } from '../recognise/text';

const ORDINAL_RES = [
  /^(?:[一二三四五六七八九十廿百]+|\d+)\s*[、.．]\s*/,
  /^[(（]\s*(?:[一二三四五六七八九十廿百]+|\d+)\s*[)）]\s*[、.．]?\s*/,
  /^(?:\d+|[一二三四五六七八九十]+)\s*[)）]\s*/,
  /^其中\s*[:：]?\s*/,
];

/** Strip leading ordinals (“一、”, “1.”, “（一）”, “(廿一)”, “1)”, “其中：”), repeatedly. */
export function stripOrdinals(s: string): string {
  let t = s.trim();
  for (let guard = 0; guard < 4; guard++) {
    const before = t;
    for (const re of ORDINAL_RES) t = t.replace(re, '');
    if (t === before) break;
  }
  return t.trim();
}

/** A row label as the narrative would name it: whitespace removed, ordinals stripped (full-width kept). */
export function cleanLabel(label: string): string {
  return stripOrdinals(label.replace(/[\s\u00a0\u3000]+/g, ''));
}

/** The comparison form of a label or subject phrase. */
export function normSubject(s: string): string {
  let t = toHalfWidth(s).replace(/[\s\u00a0\u3000]+/g, '');
  t = t.replace(/["'“”‘’「」『』《》〈〉]/g, '');
  t = stripOrdinals(t);
  t = t.replace(/[,，、]/g, '、');
  t = t.replace(/\(维护\)/g, '维护');
  t = t.replace(/[:;。.、]+$/, '');
  return t;
}

export type SubjectLevel = 1 | 2 | 3;

export interface SubjectPart {
  level: SubjectLevel;
  /** the printed name ("卫生健康支出"), possibly empty when only a code was printed */
  name: string;
  /** digits printed with the level marker ("204" in “（204类）”, "06" in “（06款）”) */
  digits?: string;
}

const LEVEL_OF: Record<string, SubjectLevel> = { 类: 1, 款: 2, 项: 3 };

/**
 * Parse a function-subject phrase into its 类/款/项 parts: “卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）”,
 * “社会保障和就业（类）支出”, “公共安全支出（204类）司法（06款）行政运行（01项）”, “卫生健康支出-行政事业单位医疗-行政单位医疗”.
 * Undefined when the phrase has neither level markers nor a dash-joined chain.
 */
export function parseFunctionSubject(subject: string): SubjectPart[] | undefined {
  const s = normSubject(subject);
  const marker = /\((\d{2,3})?\s*(类|款|项)\)/g;
  const parts: SubjectPart[] = [];
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = marker.exec(s))) {
    const name = s.slice(last, m.index).replace(/^[-—–、]+/, '');
    const part: SubjectPart = { level: LEVEL_OF[m[2]], name };
    if (m[1]) part.digits = m[1];
    parts.push(part);
    last = m.index + m[0].length;
  }
  if (parts.length > 0) {
    const tail = s.slice(last);
    // “社会保障和就业（类）支出”: the name continues after the marker
    if (tail && /^[\u4e00-\u9fa5]/.test(tail) && tail.length <= 4) parts[parts.length - 1].name += tail;
    return parts;
  }
  const chain = s.split(/[-—–]+/).filter((x) => x !== '');
  if (chain.length >= 2 && chain.length <= 3 && chain.every((x) => /[\u4e00-\u9fa5]/.test(x))) {
    return chain.map((name, i) => ({ level: (i + 1) as SubjectLevel, name }));
  }
  return undefined;
}
