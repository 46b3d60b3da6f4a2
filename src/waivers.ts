/**
 * Waivers (出错说明): a reviewer accepts a finding with a reason. A waiver names its finding by a stable key (rule +
 * semantic addresses, so it survives rows moving and layout changes) and fingerprints the figures the finding was
 * about; it suppresses the finding only while those figures are unchanged. Host-agnostic: the add-in stores waivers
 * in the workbook (a custom XML part), anything else may keep them as JSON.
 */
import Decimal from 'decimal.js';
import { z } from 'zod';
import { defineMessages, t, type Lang } from './i18n';
import type { RecognisedTable } from './model/table';
import type { Finding } from './rules/types';
import { semanticKey } from './rules/semantic';

/**
 * A waiver (出错说明): a finding accepted by a reviewer, with a reason; it holds while its figures are unchanged.
 * The same shape as `Waiver` of the add-in's host port (addin/host/types.ts); `src/` does not import from `addin/`.
 */
export interface Waiver {
  /** stable finding key: rule + semantic address of its location (see waiverKey) */
  key: string;
  /** fingerprint of the figures the finding was about (see figuresOf); a change revives the finding */
  figures: string;
  reason: string;
  author?: string;
  /** ISO date */
  at: string;
}

/** Current version of the stored waiver list. */
export const WAIVERS_VERSION = 1;
/** Namespace of the custom XML part that holds the waivers in a workbook. */
export const WAIVERS_NAMESPACE = 'urn:crossfoot:waivers';
const FORMAT = 'crossfoot-waivers';

// ---------------------------------------------------------------------------------------------------------------
// keys and figures

/** FNV-1a, 32 bits, as 8 hex digits: a short stable digest for the key suffix. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * The stable key of a finding: `rule@<semantic key of its location>`, and when the relation reads other cells, a
 * digest of their semantic keys (`#1a2b3c4d`), so that two relations of one rule at one cell get different keys.
 * Semantic keys name cells by table kind, row code or role and column role: the key survives inserted rows, moved
 * tables and another layout of the same document.
 */
export function waiverKey(finding: Finding, tables: RecognisedTable[]): string {
  const at = semanticKey(tables, finding.location);
  const locKey = `${finding.location.sheet}!${finding.location.cell}`;
  const others = finding.cells
    .filter((c) => `${c.sheet}!${c.cell}` !== locKey)
    .map((c) => semanticKey(tables, c))
    .sort();
  const base = `${finding.rule}@${at}`;
  return others.length === 0 ? base : `${base}#${fnv1a(others.join('\n'))}`;
}

/** A number printed as "1148.770" and "1148.77" is the same figure; anything else is kept as printed. */
function canonicalFigure(s: string | undefined): string {
  if (s === undefined || s === null) return '';
  const x = s.trim().replace(/,/g, '');
  if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(x)) {
    const d = new Decimal(x);
    return d.isZero() ? '0' : d.toFixed();
  }
  return s.trim();
}

/** Fingerprint of the figures a finding is about (expected / actual / difference). */
export function figuresOf(finding: Finding): string {
  return `e=${canonicalFigure(finding.expected)};a=${canonicalFigure(finding.actual)};d=${canonicalFigure(finding.difference)}`;
}

export interface NewWaiverOptions {
  author?: string;
  /** defaults to now */
  at?: Date;
}

/** A waiver of `finding` with `reason`, keyed and fingerprinted now. */
export function makeWaiver(finding: Finding, tables: RecognisedTable[], reason: string, options: NewWaiverOptions = {}): Waiver {
  const text = reason.trim();
  if (!text) throw new RangeError('a waiver needs a reason');
  const w: Waiver = {
    key: waiverKey(finding, tables),
    figures: figuresOf(finding),
    reason: text,
    at: (options.at ?? new Date()).toISOString(),
  };
  if (options.author && options.author.trim()) w.author = options.author.trim();
  return w;
}

// ---------------------------------------------------------------------------------------------------------------
// applying

export interface AppliedWaivers {
  /** the findings in their order; a waived one carries `waived` (a copy; inputs are not modified) */
  findings: Finding[];
  /** waivers that suppressed at least one finding */
  active: Waiver[];
  /** waivers whose finding is back with other figures: they no longer suppress it */
  stale: Waiver[];
  /** waivers whose finding is gone altogether (fixed, or its table no longer recognised) */
  unmatched: Waiver[];
}

/**
 * Apply waivers to findings: a finding is waived when a waiver has its key and its figures. When several waivers
 * match, the latest one (by `at`) gives the reason.
 */
export function applyWaivers(findings: Finding[], waivers: Waiver[], tables: RecognisedTable[]): AppliedWaivers {
  const byKey = new Map<string, Waiver[]>();
  for (const w of waivers) {
    const list = byKey.get(w.key) ?? [];
    list.push(w);
    byKey.set(w.key, list);
  }
  const used = new Set<Waiver>();
  const keysSeen = new Set<string>();
  const out = findings.map((f) => {
    const { waived: _previous, ...plain } = f;
    const key = waiverKey(f, tables);
    keysSeen.add(key);
    const candidates = byKey.get(key);
    if (!candidates) return plain as Finding;
    const figures = figuresOf(f);
    const matching = candidates.filter((w) => w.figures === figures);
    if (matching.length === 0) return plain as Finding;
    matching.forEach((w) => used.add(w));
    const latest = matching.reduce((a, b) => (Date.parse(b.at) > Date.parse(a.at) ? b : a));
    const waived: NonNullable<Finding['waived']> = { reason: latest.reason, at: latest.at };
    if (latest.author) waived.author = latest.author;
    return { ...plain, waived } as Finding;
  });
  const active: Waiver[] = [];
  const stale: Waiver[] = [];
  const unmatched: Waiver[] = [];
  for (const w of waivers) {
    if (used.has(w)) active.push(w);
    else if (keysSeen.has(w.key)) stale.push(w);
    else unmatched.push(w);
  }
  return { findings: out, active, stale, unmatched };
}

// ---------------------------------------------------------------------------------------------------------------
// storage

export const waiverMessages = defineMessages(
  {
    'not-json': (p: { detail: string }) => `存储的出错说明无法解析（${p.detail}），已忽略。`,
    'bad-shape': (p: { detail: string }) => `存储的出错说明格式不正确（${p.detail}），已忽略。`,
    'newer-version': (p: { version: string }) =>
      `出错说明由较新版本的勾稽助手保存（格式版本 ${p.version}），当前版本无法读取，已忽略；请升级后再查看。`,
    'bad-entries': (p: { count: string }) => `有 ${p.count} 条出错说明数据不完整，已忽略。`,
  },
  {
    'not-json': (p: { detail: string }) => `The stored waivers cannot be parsed (${p.detail}) and were ignored.`,
    'bad-shape': (p: { detail: string }) => `The stored waivers are not in the expected format (${p.detail}) and were ignored.`,
    'newer-version': (p: { version: string }) =>
      `The waivers were saved by a newer version of crossfoot (format version ${p.version}) and were ignored; ` +
      'upgrade to see them.',
    'bad-entries': (p: { count: string }) => `${p.count} stored waiver(s) are incomplete and were ignored.`,
  },
);

export type WaiverWarningCode = keyof (typeof waiverMessages)['zh-CN'];

export interface WaiverWarning {
  code: WaiverWarningCode;
  params: Record<string, string>;
}

export interface ParsedWaivers {
  waivers: Waiver[];
  /** set when stored data was ignored, in whole or in part */
  warning?: WaiverWarning;
}

export function waiverWarningText(w: WaiverWarning, lang: Lang): string {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (t as any)(waiverMessages, lang, w.code, w.params);
}

const isoAt = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

const WaiverSchema = z.object({
  key: z.string().min(1),
  figures: z.string(),
  reason: z.string().refine((s) => s.trim().length > 0, 'empty reason'),
  author: z.string().optional(),
  at: isoAt,
});

const StoredSchema = z.object({
  format: z.literal(FORMAT),
  version: z.number().int().positive(),
  waivers: z.array(z.unknown()),
});

/** Versioned JSON of a waiver list. */
export function serializeWaivers(waivers: Waiver[]): string {
  const list = waivers.map((w) => {
    const o: Waiver = { key: w.key, figures: w.figures, reason: w.reason, at: w.at };
    if (w.author !== undefined) o.author = w.author;
    return o;
  });
  return JSON.stringify({ format: FORMAT, version: WAIVERS_VERSION, waivers: list });
}

/**
 * Parse stored waivers. Never throws: nothing stored gives an empty list; data that is not a waiver list (or comes
 * from a newer version) gives an empty list and a warning; entries that are incomplete are dropped with a warning.
 */
export function parseWaivers(text: string | null | undefined): ParsedWaivers {
  if (text === null || text === undefined || text.trim() === '') return { waivers: [] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { waivers: [], warning: { code: 'not-json', params: { detail: e instanceof Error ? e.message : String(e) } } };
  }
  const version = (data as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > WAIVERS_VERSION && (data as { format?: unknown }).format === FORMAT) {
    return { waivers: [], warning: { code: 'newer-version', params: { version: String(version) } } };
  }
  const doc = StoredSchema.safeParse(data);
  if (!doc.success) {
    const issue = doc.error.issues[0];
    const detail = issue ? `${issue.path.join('.') || '/'}: ${issue.message}` : 'invalid';
    return { waivers: [], warning: { code: 'bad-shape', params: { detail } } };
  }
  const waivers: Waiver[] = [];
  let dropped = 0;
  for (const raw of doc.data.waivers) {
    const w = WaiverSchema.safeParse(raw);
    if (!w.success) {
      dropped++;
      continue;
    }
    const out: Waiver = { key: w.data.key, figures: w.data.figures, reason: w.data.reason, at: w.data.at };
    if (w.data.author !== undefined) out.author = w.data.author;
    waivers.push(out);
  }
  if (dropped > 0) return { waivers, warning: { code: 'bad-entries', params: { count: String(dropped) } } };
  return { waivers };
}

// XML part: <crossfoot-waivers xmlns="urn:crossfoot:waivers" version="1">{escaped JSON}</crossfoot-waivers>

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function xmlUnescape(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
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
      default:
        return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

/** The waiver list as the XML document of a custom XML part (namespace WAIVERS_NAMESPACE). */
export function waiversToXml(waivers: Waiver[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<crossfoot-waivers xmlns="${WAIVERS_NAMESPACE}" version="${WAIVERS_VERSION}">` +
    xmlEscape(serializeWaivers(waivers)) +
    '</crossfoot-waivers>'
  );
}

/** Read a waiver part written by waiversToXml (text or CDATA content); never throws. */
export function waiversFromXml(xml: string | null | undefined): ParsedWaivers {
  if (xml === null || xml === undefined || xml.trim() === '') return { waivers: [] };
  const m = /<(?:[\w.-]+:)?crossfoot-waivers\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?crossfoot-waivers\s*>)/.exec(xml);
  if (!m) return { waivers: [], warning: { code: 'bad-shape', params: { detail: 'no crossfoot-waivers element' } } };
  const body = (m[1] ?? '').replace(/<!\[CDATA\[([\s\S]*?)\]\]>|([^<]+)/g, (_, cdata?: string, text?: string) =>
    cdata !== undefined ? cdata : xmlUnescape(text ?? ''),
  );
  return parseWaivers(body);
}
