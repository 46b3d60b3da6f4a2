/**
 * Claim extraction: sentences → amounts, counts, shares, year-on-year changes, budget completion, breakdowns, template
 * residue and year mentions, each with character spans into the input.
 *
 * The input is one paragraph, or several workbook cells joined with "\n"; it may start or end mid-sentence. The work is
 * one pass over the sentences; per number, a bounded walk back to its clause start decides its role from the words just
 * before it (占 → share, 增加/减少 → change, 年初预算为/决算为/完成…预算的 → completion), so the cost is linear in the
 * input. Subjects are taken only where they are printed (or carried over from the figure the clause continues); a
 * figure whose subject cannot be told gets an empty subject.
 */
import { FLAT_WORDS, COMPARISON_WORDS, LIST_CONNECTORS, REASON_MARKERS, SEGMENT_MARKERS, type UnitFamily } from './lexicon';
import { lexNumbers, unitFamily, baseUnit, type LexItem } from './numbers';
import { findResidue } from './residue';
import { cnNumber, ordinalAt, sentenceRanges, type Ordinal, type OrdinalStyle } from './sentences';
import { acceptable, clauseStart, cleanSubject, members, sepRank, type Subject, type TextView } from './subject';
import { fold, isCjk, matchPairs, normLabel, similarity } from './text';
import type {
  AmountClaim,
  BreakdownClaim,
  ChangeClaim,
  Claim,
  CompletionBase,
  CompletionClaim,
  CompletionComparison,
  CountClaim,
  Direction,
  DirectionWord,
  ExtractOptions,
  MeasureClaim,
  NumberToken,
  ShareClaim,
  Span,
} from './types';

type PrimaryClaim = AmountClaim | CountClaim | MeasureClaim | CompletionClaim;

interface Primary {
  claim: PrimaryClaim;
  subject: string;
  subjectSpan?: Span;
  /** the figure (amount/count/measure value, or a completion's actual) */
  token?: NumberToken;
  family: UnitFamily | 'none' | 'completion';
  unitKey: string;
  pos: number;
  /** separator before the claim's clause ('' when it shares a clause with the previous figure) */
  sep: string;
  seg: number;
  segMarker: boolean;
  inBracket: boolean;
  clauseStart: number;
  sentence: number;
}

interface Segment {
  pos: number;
  marker: boolean;
  reason: boolean;
}

interface Slot {
  kind: 'budget' | 'actual';
  base?: CompletionBase;
  token: NumberToken;
  amount?: AmountClaim;
  primary?: Primary;
}

interface Group {
  start: number;
  end: number;
  subject?: Subject;
  slots: Slot[];
  percent?: NumberToken;
  base?: CompletionBase;
  comparison?: CompletionComparison;
  /** a plain amount turned into the actual by a following “完成…预算的 p%” (kept as an amount claim too) */
  fromAmount?: Primary;
  offered: boolean;
}

interface Breakdown {
  connector: string;
  whole: Primary;
  parts: Primary[];
  pos: number;
  level?: number;
  inBracket: boolean;
  listOrd?: Ordinal;
  lastOrdValue?: number;
}

interface ListState {
  b: Breakdown;
  style: OrdinalStyle;
  next: number;
  itemHasPart: boolean;
}

interface Sent {
  index: number;
  start: number;
  contentStart: number;
  end: number;
  segs: Segment[];
  /** markerPrefix[i] / reasonPrefix[i]: marker / reason segments among segs[0..i) */
  markerPrefix: Int32Array;
  reasonPrefix: Int32Array;
  primaries: Primary[];
  completions: CompletionClaim[];
  lastChange?: { claim: ChangeClaim; seg: number; primCount: number };
  group?: Group;
  compared: Array<{ text: string; span: Span; end: number }>;
  stack: Breakdown[];
  lastTokenEnd: number;
  label?: Subject;
  heading: boolean;
  ordinal?: Ordinal;
  /** the last claim pushed (for count subject carry-over) */
  lastClaim?: Claim;
  /** a sentence of a numbered item that starts a statement of its own (with a year): it gives no part */
  noListParts?: boolean;
  /** “收入、支出分别为 5 万元、6 万元”: names waiting to be paired with the figures after 分别为 */
  pairing?: { names: Subject[]; next: number; after: number };
  /** the whole of a breakdown opened before the sentence's second figure (“X中，a…；b…”) */
  firstWhole?: Primary;
}

const DIRECTION_OF: Record<string, Direction> = {
  增加: 'increase',
  增长: 'increase',
  上升: 'increase',
  提高: 'increase',
  增多: 'increase',
  上涨: 'increase',
  增: 'increase',
  升: 'increase',
  减少: 'decrease',
  下降: 'decrease',
  降低: 'decrease',
  下滑: 'decrease',
  压减: 'decrease',
  缩减: 'decrease',
  核减: 'decrease',
  减: 'decrease',
  降: 'decrease',
};
const MULTI_DIR = '增加|减少|增长|下降|上升|降低|提高|增多|上涨|下滑|压减|缩减|核减';
const ALT_DIR = `${MULTI_DIR}|增|减`;
const DIR_ALT_TAIL = new RegExp(`(${ALT_DIR})\\s*\\(\\s*(${ALT_DIR})\\s*\\)$`);
const DIR_MERGED_TAIL = /(增减少|减增加|增减)$/;
const DIR_TAIL = new RegExp(`(${MULTI_DIR})$`);
const DIR_SINGLE_TAIL = /([增减降升])$/;

const BUDGET_TAIL = /(年初预算|全年预算|调整后的预算|调整后预算|调整预算|预算)(?:数|金额|资金)?\s*(?:为|是|:)?\s*$/;
const ACTUAL_TAIL = /(?:(决算)(?:数)?|((?<!预算)执行数))\s*(?:为|是|:)?\s*$/;
const COMPLETION_PCT = /完成(年初|全年|调整后的|调整后|调整)?预算(?:数)?的?\s*$|((?:预算)?执行率)(?:为|达|是|达到)?\s*$/;
const GENERIC_SUBJECTS = new Set(['支出', '项目', '本项目', '该项目', '资金', '经费', '']);
const SLOT_SUBJECT = /^(?:支出)?(?:决算|执行)(?:数)?$/;
/** Text before a count that ends in a verb or a place: the noun after the unit names what is counted. */
const VERBISH_END =
  /(?:对|在|向|给|有|了|到|发放|印发|聘请|组织|涉及|指导|涵盖|覆盖|包含|包括|推动|帮助|辖区|全区|全市|全省|全国|区内|市内|本区|下属|所属|共|约|近|超过|其中|和|与|及|、)$/;
const NOUN_STOP_HEADS = ['财政拨款', '机关运行经费', '一般公共预算', '政府性基金', '国有资本', '政府采购', '公务用车', '公务接待'];
const AFTER_BAD_START = /^(?:涉及|全面|扩大|开展|进行|实现|完成|提升|提高|参与|参加|分别|共同|已经|正在|将|并|以|被|用于|的|之|中|以上|左右)/;
const YEARISH = /\d{4}\s*年|上年|去年|上一年|同期|前一年|以前年度|上年度/;

const FLAT_RE = new RegExp(`(${FLAT_WORDS.join('|')})`, 'g');
const CMP_WORDS = '大于|小于|等于|高于|低于|超过|超出|少于|多于';
const CMP1 = new RegExp(`(?:支出)?决算(?:数)?\\s*(${CMP_WORDS})\\s*(?:年初|全年|调整后的|调整后|调整)?预算(?:数)?`, 'g');
const CMP2 =
  /(?:支出)?决算(?:数)?\s*(?:与|同|和|较|比)\s*(?:年初|全年|调整后的|调整后|调整)?预算(?:数)?\s*(基本持平|持平|相同|一致|相等|无变化|无差异|减少|增加|下降|增长)/g;
const CMP3 = /与(?:年初|全年|调整后的|调整后|调整)?预算(?:数)?(基本持平|持平)/g;
const COMPARED_CLAUSE = /与([^,;:、。\n]{1,24}?)(?:相比|比较)/g;

/** Open breakdowns nested in one sentence; deeper ones close the outermost (keeps pathological input linear). */
const MAX_NESTING = 6;

/** Nesting level of ordinal styles: 第一部分 > 一、 > （一） > 1. > （1）. */
const ORD_LEVEL: Record<OrdinalStyle, number> = { part: 0, cn: 1, 'cn-paren': 2, num: 3, 'num-paren': 4 };

function baseOf(word: string | undefined): CompletionBase {
  if (!word) return 'budget';
  if (word.startsWith('年初')) return 'initial';
  if (word.startsWith('全年')) return 'full-year';
  if (word.startsWith('调整')) return 'adjusted';
  return 'budget';
}

/** Extract the claims of a paragraph (or of several cells joined with "\n"). Never throws on any string. */
export function extractClaims(paragraph: string, options: ExtractOptions = {}): Claim[] {
  if (typeof paragraph !== 'string' || paragraph.length === 0) return [];
  return new Extractor(paragraph, options).run();
}

class Extractor {
  private readonly v: TextView;
  private readonly f: string;
  private readonly items: LexItem[];
  private readonly depth: Int32Array;
  private readonly out: Claim[] = [];
  private readonly removed = new Set<Claim>();
  private readonly sents: Sent[] = [];
  private header?: Subject;
  /** the label of the current numbered item (“1. 2023 年度综合性工作经费：…”), for later sentences of the item */
  private itemLabel?: Subject;
  private list?: ListState;
  private soft?: { b: Breakdown; extended: boolean };

  constructor(
    private readonly orig: string,
    private readonly opts: ExtractOptions,
  ) {
    this.f = fold(orig);
    const n = this.f.length;
    const partner = new Int32Array(n).fill(-1);
    const numMask = new Uint8Array(n);
    this.items = lexNumbers(orig, this.f);
    for (const it of this.items) for (let k = it.start; k < it.end; k++) numMask[k] = 1;
    this.v = { orig, f: this.f, partner, numMask };
    this.depth = new Int32Array(n);
  }

  run(): Claim[] {
    const f = this.f;
    for (const r of findResidue(this.orig, f)) this.out.push(r);
    const ranges = sentenceRanges(f);
    let itemIdx = 0;
    for (let si = 0; si < ranges.length; si++) {
      const [a, b] = ranges[si];
      matchPairs(f, a, b, this.v.partner);
      let d = 0;
      for (let k = a; k < b; k++) {
        const p = this.v.partner[k];
        if (p > k) {
          this.depth[k] = d;
          d++;
          continue;
        }
        if (p >= 0 && p < k) d = Math.max(0, d - 1);
        this.depth[k] = d;
      }
      while (itemIdx < this.items.length && this.items[itemIdx].start < a) itemIdx++;
      const its: LexItem[] = [];
      let k = itemIdx;
      while (k < this.items.length && this.items[k].start < b) its.push(this.items[k++]);
      itemIdx = k;
      this.sentence(si, a, b, its);
    }
    if (this.list) this.finalize(this.list.b);
    this.list = undefined;
    if (this.soft) this.finalize(this.soft.b);
    this.soft = undefined;
    const result = this.out.filter((c) => !this.removed.has(c));
    return result
      .map((c, i) => ({ c, i }))
      .sort((x, y) => x.c.span.start - y.c.span.start || x.i - y.i)
      .map((x) => x.c);
  }

  // ── sentences ────────────────────────────────────────────────────────────────────────────────────────────────────

  private sentence(index: number, start: number, end: number, its: LexItem[]): void {
    const f = this.f;
    let cs = start;
    while (cs < end && /\s/.test(f[cs])) cs++;
    let lead = cs;
    const conn = /^其中\s*[:,]?\s*/.exec(f.slice(cs, cs + 8));
    if (conn) lead = cs + conn[0].length;
    const ord = ordinalAt(f, lead);
    const hasQty = its.some((it) => it.kind === 'quantity');
    const headingLike =
      (ord !== undefined && !hasQty && (ord.style === 'cn' || ord.style === 'cn-paren' || ord.style === 'part')) ||
      /^(图|表)\s*\d/.test(f.slice(cs, cs + 6));
    const yearStart = /^\d{4}\s*年/.test(f.slice(cs, cs + 8));
    const segs = this.segments(start, end);
    const markerPrefix = new Int32Array(segs.length + 1);
    const reasonPrefix = new Int32Array(segs.length + 1);
    for (let k = 0; k < segs.length; k++) {
      markerPrefix[k + 1] = markerPrefix[k] + (segs[k].marker ? 1 : 0);
      reasonPrefix[k + 1] = reasonPrefix[k] + (segs[k].reason ? 1 : 0);
    }
    const ctx: Sent = {
      index,
      start,
      contentStart: ord ? ord.end : lead,
      end,
      segs,
      markerPrefix,
      reasonPrefix,
      primaries: [],
      completions: [],
      compared: [],
      stack: [],
      lastTokenEnd: start,
      heading: headingLike,
      ordinal: ord,
    };
    this.sents.push(ctx);

    // cross-sentence lists and continuations
    if (this.list) {
      const L = this.list;
      if (ord && ord.style === L.style && ord.value === L.next) {
        L.next++;
        L.itemHasPart = false;
      } else if ((ord && ORD_LEVEL[ord.style] <= ORD_LEVEL[L.style]) || (headingLike && !ord)) {
        this.finalize(L.b);
        this.list = undefined;
      } else if (yearStart) ctx.noListParts = true; // “2022 年度…”: a new statement, not the item's figure
    }
    if (this.soft && (ord || headingLike || yearStart || conn || /^[^,;:。]{0,30}?(?:其中|包括|主要用于|如下)/.test(f.slice(cs, end)))) {
      this.finalize(this.soft.b);
      this.soft = undefined;
    }
    if (this.soft) this.soft.extended = false;

    // item headers (“1.社会保障和就业支出(类)…(项)。”) name the completion figures that follow
    if (ord && !hasQty) {
      const h = this.headerText(ord.end, end);
      this.header = h;
    } else if (ord || headingLike) this.header = undefined;

    // a label clause “1.部门日常管理经费项目绩效自评综述：”
    ctx.label = this.labelOf(ctx, its);
    if (ord || headingLike) this.itemLabel = ctx.label;

    for (const m of f.slice(start, end).matchAll(COMPARED_CLAUSE)) {
      const s0 = start + m.index + 1;
      const e0 = s0 + m[1].length;
      ctx.compared.push({ text: this.orig.slice(s0, e0).trim(), span: { start: s0, end: e0 }, end: start + m.index + m[0].length });
    }

    // events in text order
    type Ev = { pos: number; order: number; run: () => void };
    const evs: Ev[] = [];
    let order = 0;
    for (const it of its) {
      if (it.kind === 'year') evs.push({ pos: it.start, order: order++, run: () => this.year(it) });
      else if (it.kind === 'quantity') evs.push({ pos: it.start, order: order++, run: () => this.quantity(ctx, it) });
    }
    const sub = f.slice(start, end);
    for (const m of sub.matchAll(FLAT_RE)) {
      const p = start + m.index;
      if (this.v.numMask[p]) continue;
      evs.push({ pos: p, order: order++, run: () => this.flat(ctx, p, m[0]) });
    }
    for (const re of [CMP1, CMP2, CMP3]) {
      for (const m of sub.matchAll(re)) {
        const p = start + m.index;
        const w = m[1];
        const wpos = p + m[0].lastIndexOf(w);
        evs.push({ pos: p + m[0].length, order: order++, run: () => this.comparison(ctx, p, wpos, w) });
      }
    }
    for (const c of this.connectors(ctx, start, end, its)) evs.push({ pos: c.pos, order: order++, run: () => this.connector(ctx, c) });
    evs.sort((x, y) => x.pos - y.pos || x.order - y.order);
    for (const e of evs) e.run();

    this.closeGroup(ctx);
    this.endSentence(ctx);
  }

  private segments(start: number, end: number): Segment[] {
    const f = this.f;
    const out: Segment[] = [];
    const sub = f.slice(start, end);
    for (const w of SEGMENT_MARKERS) {
      let k = sub.indexOf(w);
      while (k >= 0) {
        out.push({ pos: start + k, marker: true, reason: REASON_MARKERS.includes(w) });
        k = sub.indexOf(w, k + w.length);
      }
    }
    for (let k = start; k < end; k++) {
      if (f[k] === ';' && this.depth[k] === 0 && !this.v.numMask[k]) out.push({ pos: k, marker: false, reason: false });
    }
    out.sort((a, b) => a.pos - b.pos);
    return out;
  }

  /** Number of segment starts before `pos` (binary search). */
  private segCount(ctx: Sent, pos: number): number {
    let lo = 0;
    let hi = ctx.segs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ctx.segs[mid].pos < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private segAt(ctx: Sent, pos: number): { seg: number; marker: boolean; reason: boolean } {
    const seg = this.segCount(ctx, pos);
    const last = seg > 0 ? ctx.segs[seg - 1] : undefined;
    return { seg, marker: last?.marker ?? false, reason: last?.marker ? last.reason : false };
  }

  private strongSepBetween(a: number, b: number): boolean {
    for (let k = a; k < b; k++) if (this.f[k] === ';' && this.depth[k] === 0 && !this.v.numMask[k]) return true;
    return false;
  }

  private markerBetween(ctx: Sent, a: number, b: number): boolean {
    return b > a && ctx.markerPrefix[this.segCount(ctx, b)] - ctx.markerPrefix[this.segCount(ctx, a)] > 0;
  }

  private reasonBetween(ctx: Sent, a: number, b: number): boolean {
    return b > a && ctx.reasonPrefix[this.segCount(ctx, b)] - ctx.reasonPrefix[this.segCount(ctx, a)] > 0;
  }

  /** Is there a quantity (or, with `anyNumber`, a year) starting in [a, b)? Binary search over the lexed items. */
  private numberIn(a: number, b: number, anyNumber = false): boolean {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid].start < a) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < this.items.length && this.items[k].start < b; k++) {
      const kind = this.items[k].kind;
      if (kind === 'quantity' || (anyNumber && kind === 'year')) return true;
    }
    return false;
  }

  private lastPrimary(ctx: Sent, ok: (p: Primary) => boolean): Primary | undefined {
    for (let k = ctx.primaries.length - 1; k >= 0; k--) if (ok(ctx.primaries[k])) return ctx.primaries[k];
    return undefined;
  }

  private headerText(a: number, b: number): Subject | undefined {
    const f = this.f;
    let e = b;
    while (e > a && /[\s。.;,:]/.test(f[e - 1])) e--;
    let s = a;
    while (s < e && /\s/.test(f[s])) s++;
    if (e - s < 2 || e - s > 100) return undefined;
    const t = f.slice(s, e);
    if (/:/.test(t) || /(情况|说明|如下|范围|情况说明)$/.test(t)) return undefined;
    return { text: this.orig.slice(s, e), span: { start: s, end: e } };
  }

  private labelOf(ctx: Sent, its: LexItem[]): Subject | undefined {
    const f = this.f;
    for (let k = ctx.contentStart; k < ctx.end && k < ctx.contentStart + 80; k++) {
      if (this.depth[k] !== 0) continue;
      const ch = f[k];
      if (ch === ',' || ch === ';' || ch === '。') return undefined;
      if (ch !== ':') continue;
      if (its.some((it) => it.kind === 'quantity' && it.start < k)) return undefined;
      let e = k;
      const t = f.slice(ctx.contentStart, e);
      const m = /(?:项目)?(?:绩效自评综述|绩效自评情况|绩效自评|自评综述)$/.exec(t);
      if (m) e = ctx.contentStart + m.index;
      return cleanSubject(this.v, ctx.contentStart, e);
    }
    return undefined;
  }

  private connectors(ctx: Sent, start: number, end: number, its: LexItem[]) {
    const f = this.f;
    const out: Array<{ pos: number; end: number; word: string; pre?: Subject }> = [];
    const sub = f.slice(start, end);
    const taken = new Uint8Array(end - start);
    for (const { word, needsColon } of LIST_CONNECTORS) {
      let k = sub.indexOf(word);
      while (k >= 0) {
        const p = start + k;
        const e = p + word.length;
        k = sub.indexOf(word, k + word.length);
        if (this.depth[p] !== 0) continue;
        if (taken[p - start] || taken[e - 1 - start]) continue;
        let q = e;
        while (q < end && /\s/.test(f[q])) q++;
        if (needsColon && f[q] !== ':') continue;
        if (word === '包括' && f[p - 1] === '不') continue;
        taken.fill(1, p - start, e - start);
        out.push({ pos: p, end: q < end && (f[q] === ':' || f[q] === ',') ? q + 1 : e, word });
      }
    }
    // “2022 年度财政拨款收入中，…”: the first clause names the whole
    const m = /^([^,;:。]{2,40}?)中\s*,/.exec(f.slice(ctx.contentStart, Math.min(end, ctx.contentStart + 44)));
    if (m && !m[1].endsWith('其')) {
      const p = ctx.contentStart + m[0].length - 1;
      const hasQ = its.some((it) => it.kind === 'quantity' && it.start < p);
      if (!hasQ) {
        const pre = cleanSubject(this.v, ctx.contentStart, ctx.contentStart + m[1].length);
        if (pre) out.push({ pos: ctx.contentStart + m[1].length, end: p + 1, word: '中', pre });
      }
    }
    return out;
  }

  // ── numbers ──────────────────────────────────────────────────────────────────────────────────────────────────────

  private year(it: LexItem): void {
    if (it.year === undefined) return;
    const c: Claim = { kind: 'year', year: it.year, span: { start: it.start, end: it.end } };
    if (this.opts.reportYear !== undefined) c.offset = it.year - this.opts.reportYear;
    this.out.push(c);
  }

  private quantity(ctx: Sent, it: LexItem): void {
    const tok = it.token;
    if (!tok) return;
    const f = this.f;
    const fam = it.family ?? 'none';
    // “单价 100 万元（含）以上设备”: a threshold inside a label, not a figure
    if (tok.approx && /(?:以上|以下)$/.test(f.slice(tok.extent.start, tok.extent.end)) && isCjk(f[tok.extent.end])) return;
    const limit = Math.max(ctx.lastTokenEnd, ctx.start);
    const cs = clauseStart(this.v, tok.extent.start, limit);
    const pStart = cs.start;
    const pEnd = tok.extent.start;
    ctx.lastTokenEnd = tok.extent.end;
    const ptext = f.slice(pStart, pEnd);
    const sa = this.segAt(ctx, tok.span.start);
    const sep = cs.connector ? ':' : cs.boundary.length === 1 ? cs.boundary : '';
    const info: Info = { tok, fam, pStart, pEnd, ptext, seg: sa.seg, segMarker: sa.marker, reason: sa.reason, sep, cs };

    // “均为 0 万元” right after a flat change: the common current value
    if (/^\s*(?:均为|都为|均是)\s*$/.test(ptext) && ctx.lastChange && ctx.lastChange.seg === sa.seg && !ctx.lastChange.claim.current) {
      ctx.lastChange.claim.current = tok;
      ctx.lastChange.claim.span.end = Math.max(ctx.lastChange.claim.span.end, tok.extent.end);
      return;
    }
    if (fam === 'percent') {
      const zi = this.zhanIndex(ptext);
      if (zi >= 0) return this.share(ctx, info, zi);
      const cm = COMPLETION_PCT.exec(ptext);
      // “预算执行率 98.15%” completes an open budget/actual group; on its own it is a rate fact
      if (cm && cm[2] && !(ctx.group && ctx.group.slots.length > 0)) return this.primary(ctx, info);
      if (cm) return this.completionPercent(ctx, info, cm[2] ? 'budget' : baseOf(cm[1]));
      const dir = this.directionTail(ptext, pStart);
      if (dir) return this.change(ctx, info, dir);
      return this.primary(ctx, info);
    }
    const dir = this.directionTail(ptext, pStart);
    if (dir) return this.change(ctx, info, dir);
    if (fam === 'money') {
      const bm = BUDGET_TAIL.exec(ptext);
      if (bm) return this.slot(ctx, info, 'budget', pStart + bm.index, baseOf(bm[1]));
      const am = ACTUAL_TAIL.exec(ptext);
      if (am) return this.slot(ctx, info, 'actual', pStart + am.index);
    }
    if (fam === 'none' && tok.decimals === 0) return; // a bare integer we could not classify: no claim
    this.primary(ctx, info);
  }

  private zhanIndex(p: string): number {
    for (let k = p.length - 1; k >= 0; k--) {
      if (p[k] !== '占') continue;
      if ('用有地据'.includes(p[k + 1] ?? '¤')) continue;
      return k;
    }
    return -1;
  }

  /** Parse a direction expression ending the prefix: “比上年增加”, “各减少”, “增加(减少)”, “增减少”, “降至”. */
  private directionTail(p: string, pStart: number): DirTail | undefined {
    let end = p.length;
    const trimEnd = () => {
      while (end > 0 && /\s/.test(p[end - 1])) end--;
    };
    trimEnd();
    let to = false;
    if (end > 0 && '到至'.includes(p[end - 1])) {
      to = true;
      end--;
      trimEnd();
    } else if (end > 0 && '了为'.includes(p[end - 1])) {
      end--;
      trimEnd();
    }
    const tailStart = Math.max(0, end - 24);
    const tail = p.slice(tailStart, end);
    const words: DirectionWord[] = [];
    let dirIdx = -1;
    const add = (w: string, at: number) =>
      words.push({ word: w, span: { start: pStart + at, end: pStart + at + w.length }, direction: DIRECTION_OF[w] });
    let m: RegExpExecArray | null;
    if ((m = DIR_ALT_TAIL.exec(tail))) {
      dirIdx = tailStart + m.index;
      add(m[1], dirIdx);
      add(m[2], tailStart + m.index + m[0].lastIndexOf(m[2]));
    } else if ((m = DIR_MERGED_TAIL.exec(tail))) {
      dirIdx = tailStart + m.index;
      const w = m[1];
      if (w === '增减少') {
        add('增', dirIdx);
        add('减少', dirIdx + 1);
      } else if (w === '减增加') {
        add('减', dirIdx);
        add('增加', dirIdx + 1);
      } else {
        add('增', dirIdx);
        add('减', dirIdx + 1);
      }
    } else if ((m = DIR_TAIL.exec(tail))) {
      dirIdx = tailStart + m.index;
      if (m[1] === '增加' && p[dirIdx - 1] === '新') return undefined;
      add(m[1], dirIdx);
    } else if ((m = DIR_SINGLE_TAIL.exec(tail))) {
      dirIdx = tailStart + m.index;
      if (p[dirIdx - 1] === '新' || p[dirIdx - 1] === '递') return undefined;
      if (!/比|较/.test(p.slice(0, dirIdx))) return undefined;
      add(m[1], dirIdx);
    } else return undefined;
    const R = p.slice(0, dirIdx);
    let subjEnd = dirIdx;
    let compared: { text: string; span: Span } | undefined;
    const wm = /与([^,;:]{1,24}?)(?:相比|比较)\s*,?\s*$/.exec(R);
    if (wm) {
      subjEnd = wm.index;
      const s0 = pStart + wm.index + 1;
      compared = { text: this.orig.slice(s0, s0 + wm[1].length).trim(), span: { start: s0, end: s0 + wm[1].length } };
    } else {
      let k = -1;
      let kw = '';
      for (let j = R.length - 1; j >= 0; j--) {
        const ch = R[j];
        if (ch === '比' && !'例重'.includes(R[j + 1] ?? '¤') && !'对相'.includes(R[j - 1] ?? '¤')) {
          k = j;
          kw = R[j - 1] === '同' ? '同比' : '比';
          break;
        }
        if (ch === '较' && !'大多少好快慢高低为'.includes(R[j + 1] ?? '¤')) {
          k = j;
          kw = '较';
          break;
        }
      }
      if (k >= 0) {
        subjEnd = kw === '同比' ? k - 1 : k;
        let a = k + 1;
        let b = R.length;
        while (a < b && /\s/.test(R[a])) a++;
        while (b > a && /\s/.test(R[b - 1])) b--;
        if (b > a) compared = { text: this.orig.slice(pStart + a, pStart + b), span: { start: pStart + a, end: pStart + b } };
        else if (kw === '同比') compared = { text: '同比', span: { start: pStart + k - 1, end: pStart + k + 1 } };
      }
    }
    return { words, dirStart: pStart + dirIdx, subjEnd: pStart + subjEnd, compared, to };
  }

  // ── roles ────────────────────────────────────────────────────────────────────────────────────────────────────────

  private primary(ctx: Sent, x: Info): void {
    const { tok, fam } = x;
    let subj = cleanSubject(this.v, x.pStart, x.pEnd);
    let subjSpan = subj?.span;
    // a name with 、 inside (“文明创建、党建、综治、档案、老干工作经费 2 万元”, “处理率、回告率和办结率均为 100%”): extend over
    // the figure-free pieces before it, up to the clause boundary
    if (x.cs.boundary === '、') {
      const ext = this.extendOverDun(ctx, x.pStart);
      if (ext) {
        const wide = cleanSubject(this.v, ext.start, x.pEnd);
        if (wide && subj) {
          subj = wide;
          subjSpan = wide.span;
          x.sep = ext.boundary.length === 1 ? ext.boundary : ':';
          x.pStart = ext.start;
        }
      }
    }
    // counts: “对辖区 50家药店”, “发放 1200 张宣传海报” — after a verb, the noun after the unit is the subject
    if (fam === 'count' && tok.unitSpan && isCjk(this.f[tok.extent.end])) {
      const before = this.f.slice(x.pStart, x.pEnd).trim();
      if (!subj || VERBISH_END.test(before)) {
        const after = this.nounAfter(tok.extent.end);
        subj = after;
        subjSpan = after?.span;
        // the noun belongs to this count: the next figure's subject starts after it
        if (after) ctx.lastTokenEnd = Math.max(ctx.lastTokenEnd, after.span.end);
      }
    }
    // “收入、支出分别为 5 万元、6 万元”: the n-th figure after 分别为 belongs to the n-th name
    const pr = ctx.pairing;
    if (!subj && pr && tok.span.start >= pr.after) {
      if (pr.next < pr.names.length) {
        subj = pr.names[pr.next++];
        subjSpan = subj.span;
      } else ctx.pairing = undefined;
    }
    // “1.党建、结对共建、文明创建：3.6 万元”: the item label before the colon names the figure
    if (!subj && x.cs.boundary === ':') {
      subj = this.labelBefore(ctx, x.pStart - 1);
      subjSpan = subj?.span;
    }
    let subject = subj?.text ?? '';
    // “团组 0个，累计 0人次”: a count right after another count of a different unit shares its subject
    if (!subject && fam === 'count' && ctx.lastClaim?.kind === 'count') {
      const prev = ctx.lastClaim;
      const gap = this.f.slice(prev.count.extent.end, tok.extent.start);
      if (/^[\s,、]*(?:累计|共计|共|合计)?\s*$/.test(gap) && baseUnit(prev.count) !== baseUnit(tok)) {
        subject = prev.subject;
        subjSpan = prev.subjectSpan;
      }
    }
    const span: Span = { start: subjSpan && subjSpan.start < tok.extent.start ? subjSpan.start : tok.extent.start, end: tok.extent.end };
    if (subjSpan && subjSpan.end > span.end) span.end = subjSpan.end;
    const each = subj && (subj.each || subj.all) ? members(subj.text) : undefined;
    let claim: AmountClaim | CountClaim | MeasureClaim;
    const sspan = subjSpan ?? { start: tok.extent.start, end: tok.extent.start };
    if (fam === 'money') claim = { kind: 'amount', subject, subjectSpan: sspan, amount: tok, span };
    else if (fam === 'count') claim = { kind: 'count', subject, subjectSpan: sspan, count: tok, span };
    else claim = { kind: 'measure', subject, subjectSpan: sspan, value: tok, span };
    if (each) claim.each = each;
    this.emit(ctx, claim);
    const prim = this.addPrimary(ctx, claim, subject, subjSpan, tok, x);
    if (fam === 'money' || fam === 'count') this.offer(ctx, prim);
  }

  /** “收入、支出” (or “甲和乙”) right before `pos`, as separate names; undefined unless there are two or more. */
  private namesBefore(ctx: Sent, pos: number): Subject[] | undefined {
    const cs = clauseStart(this.v, pos, ctx.start);
    let start = cs.start;
    if (cs.boundary === '、') start = this.extendOverDun(ctx, cs.start)?.start ?? -1;
    if (start < 0 || this.numberIn(start, pos, true)) return undefined;
    const whole = cleanSubject(this.v, start, pos);
    if (!whole) return undefined;
    const out: Subject[] = [];
    const re = /[^、和与及]+/g;
    const t = this.f.slice(whole.span.start, whole.span.end);
    for (const m of t.matchAll(re)) {
      const a = whole.span.start + m.index;
      const sub = cleanSubject(this.v, a, a + m[0].length);
      if (!sub) return undefined;
      out.push(sub);
    }
    return out.length >= 2 ? out : undefined;
  }

  /** Walk back over 、-separated pieces without figures; undefined when a piece holds a figure or it gets long. */
  private extendOverDun(ctx: Sent, start: number): { start: number; boundary: string } | undefined {
    let s = start;
    for (let r = 0; r < 12; r++) {
      const c2 = clauseStart(this.v, s - 1, ctx.start);
      if (c2.truncated || start - c2.start > 48) return undefined;
      if (this.numberIn(c2.start, s)) return undefined;
      s = c2.start;
      if (c2.boundary !== '、') return { start: s, boundary: c2.boundary };
    }
    return undefined;
  }

  /** The label ending at the colon at `colon`: back to the previous ，；。 or line start, after any ordinal. */
  private labelBefore(ctx: Sent, colon: number): Subject | undefined {
    const f = this.f;
    let c = colon;
    while (c > ctx.start && /\s/.test(f[c])) c--;
    if (f[c] !== ':') return undefined;
    let s0 = c;
    while (s0 > ctx.start && c - s0 < 40) {
      const ch = f[s0 - 1];
      if (',;:。\n'.includes(ch) && this.depth[s0 - 1] === 0) break;
      s0--;
    }
    if (c - s0 >= 40) return undefined;
    const o = ordinalAt(f, s0);
    if (o && o.end <= c) s0 = o.end;
    if (this.numberIn(s0, c, true)) return undefined;
    return cleanSubject(this.v, s0, c);
  }

  private nounAfter(pos: number): Subject | undefined {
    const f = this.f;
    let s = pos;
    while (s < f.length && f[s] === ' ') s++;
    if (!isCjk(f[s]) || AFTER_BAD_START.test(f.slice(s, s + 4))) return undefined;
    let e = s;
    for (;;) {
      if (e - s >= 12) return undefined;
      const ch = f[e];
      if (ch === '(') {
        const p = this.v.partner[e];
        if (p > e && p - e < 8) {
          e = p + 1;
          continue;
        }
        break;
      }
      if (!isCjk(ch) || '和与及等的在对进将把被为是分开共并以参加实完提获享存'.includes(ch)) break;
      // “3 家事业单位财政拨款的机关运行经费…”: a money label starts here
      if (e > s + 1 && NOUN_STOP_HEADS.some((h) => f.startsWith(h, e))) break;
      e++;
    }
    if (e - s < 2) return undefined;
    const t = f.slice(s, e);
    if (!acceptable(t)) return undefined;
    return { text: this.orig.slice(s, e), span: { start: s, end: e } };
  }

  private addPrimary(ctx: Sent, claim: PrimaryClaim, subject: string, subjectSpan: Span | undefined, tok: NumberToken | undefined, x: Info): Primary {
    const family: Primary['family'] = claim.kind === 'completion' ? 'completion' : x.fam;
    const p: Primary = {
      claim,
      subject,
      subjectSpan,
      token: tok,
      family,
      unitKey: tok ? baseUnit(tok) : 'money',
      pos: claim.span.start,
      sep: x.sep,
      seg: x.seg,
      segMarker: x.segMarker,
      inBracket: this.depth[x.tok.span.start] > 0,
      clauseStart: x.pStart,
      sentence: ctx.index,
    };
    if (claim.kind === 'completion') p.unitKey = 'money';
    ctx.primaries.push(p);
    return p;
  }

  private emit(ctx: Sent, c: Claim): void {
    this.out.push(c);
    ctx.lastClaim = c;
  }

  /** The primary a subject-less clause continues: the last one in the segment (or before a “；”, or the sentence before). */
  private inherit(ctx: Sent, x: { seg: number; segMarker: boolean; reason: boolean; pStart: number }): Primary | undefined {
    if (x.reason || x.segMarker) {
      return x.reason ? undefined : this.lastPrimary(ctx, (p) => p.seg === x.seg);
    }
    const inSeg = this.lastPrimary(ctx, (p) => p.seg === x.seg);
    if (inSeg) return inSeg;
    // a segment opened by “；” continues the figure before it
    if (x.seg > 0) {
      const prevSeg = ctx.segs[x.seg - 1];
      if (prevSeg && !prevSeg.marker) {
        const before = this.lastPrimary(ctx, (p) => p.seg === x.seg - 1 && !p.segMarker);
        if (before) return before;
      }
    }
    // the first clause of a sentence continues the sentence before (“…支出决算为 0 万元。较上年增加…”)
    if (ctx.primaries.length === 0 && x.seg === 0 && this.onlyLeadBefore(ctx, x.pStart)) {
      const prev = this.sents[ctx.index - 1];
      if (prev && !prev.heading && prev.end <= ctx.start) {
        const last = [...prev.primaries].reverse().find((p) => !p.segMarker);
        if (last) return last;
      }
    }
    return undefined;
  }

  private onlyLeadBefore(ctx: Sent, pos: number): boolean {
    if (pos - ctx.contentStart > 40) return false;
    const t = this.f.slice(ctx.contentStart, pos);
    return /^\s*(?:与[^,;:]{1,24}?(?:相比|比较)\s*,?\s*)?$/.test(t) || t.trim() === '';
  }

  private tokenOf(p: Primary): NumberToken | undefined {
    if (p.claim.kind === 'completion') return p.claim.actual;
    return p.token;
  }

  private compatible(tok: NumberToken | undefined, fam: UnitFamily | 'none', cur: NumberToken | undefined): boolean {
    if (!cur) return false;
    const cf = unitFamily(cur);
    if (cf !== 'money' && cf !== 'count') return false;
    if (!tok || fam === 'percent' || fam === 'none') return true;
    return baseUnit(tok) === baseUnit(cur);
  }

  /** The same subject's figure earlier in this sentence or the two before it. */
  private sameSubject(ctx: Sent, subject: string, before: number, tok: NumberToken | undefined, fam: UnitFamily | 'none'): Primary | undefined {
    const key = normLabel(subject);
    if (!key) return undefined;
    const key2 = key.replace(/(?:支出)?决算(?:数)?$/, '');
    for (let si = ctx.index; si >= 0 && si >= ctx.index - 2; si--) {
      const s = this.sents[si];
      if (!s) continue;
      for (let k = s.primaries.length - 1; k >= 0; k--) {
        const p = s.primaries[k];
        if (p.pos >= before && si === ctx.index) continue;
        const pk = normLabel(p.subject);
        const hit = pk === key || (p.claim.kind === 'completion' && key2.length >= 2 && (pk === key2 || pk.replace(/支出$/, '') === key2.replace(/支出$/, '')));
        if (hit && this.compatible(tok, fam, this.tokenOf(p))) return p;
      }
      if (si < ctx.index && s.heading) break;
    }
    return undefined;
  }

  /** The completion figures a clause at `pos` can refer to: the open group, else the sentence's last completion. */
  private openGroupOrCompletion(
    ctx: Sent,
    pos: number,
  ): { subject?: Subject; actual?: NumberToken; group?: Group; claim?: CompletionClaim } | undefined {
    const g = ctx.group;
    if (g && (g.slots.length > 0 || g.fromAmount)) {
      const act = g.slots.find((s) => s.kind === 'actual')?.token ?? g.fromAmount?.token;
      return { subject: g.subject, actual: act, group: g };
    }
    const c = ctx.completions[ctx.completions.length - 1];
    if (c && c.span.end <= pos && !this.reasonBetween(ctx, c.span.end, pos)) {
      const subject = c.subjectSpan ? { text: c.subject, span: c.subjectSpan } : undefined;
      return { subject, actual: c.actual, claim: c };
    }
    return undefined;
  }

  private change(ctx: Sent, x: Info, dir: DirTail): void {
    const { tok, fam } = x;
    const own = cleanSubject(this.v, x.pStart, dir.subjEnd);
    let compared = dir.compared;
    if (!compared) {
      const pc = [...ctx.compared].reverse().find((c) => c.end <= dir.dirStart);
      if (pc && !this.reasonBetween(ctx, pc.end, dir.dirStart)) compared = pc;
    }
    // “比年初预算增加 0 万元”: a comparison with the budget, not a year-on-year change
    if (compared && /预算/.test(compared.text) && !YEARISH.test(fold(compared.text))) {
      const t = this.openGroupOrCompletion(ctx, x.pStart);
      const w = dir.words[0];
      const cmp: CompletionComparison = {
        word: w.word,
        direction: w.direction === 'increase' ? 'above' : w.direction === 'decrease' ? 'below' : 'equal',
        span: w.span,
      };
      if (fam === 'money') cmp.amount = tok;
      if (t?.group && !t.group.comparison) {
        t.group.comparison = cmp;
        return;
      }
      if (t?.claim && !t.claim.comparison) {
        t.claim.comparison = cmp;
        return;
      }
    }
    // “支持商销稳增长 30.00 万”: a name ending in a direction word, unless something makes it a comparison
    if (!compared && fam !== 'percent' && !dir.to && own && !this.comparativeContext(ctx, dir.dirStart, tok.extent.end)) {
      return this.primary(ctx, x);
    }
    const lc = ctx.lastChange;
    if (
      lc &&
      lc.seg === x.seg &&
      !own &&
      lc.primCount === ctx.primaries.length &&
      !dir.to &&
      ((fam === 'percent' && !lc.claim.percent) || (fam !== 'percent' && fam !== 'none' && !lc.claim.amount && !lc.claim.percent) || (fam === 'none' && !lc.claim.unitless))
    ) {
      const c = lc.claim;
      c.directionWords.push(...dir.words);
      if (fam === 'percent') c.percent = tok;
      else if (fam === 'none') c.unitless = tok;
      else c.amount = tok;
      c.span.end = Math.max(c.span.end, tok.extent.end);
      return;
    }
    let subject = '';
    let subjectSpan: Span | undefined;
    let current: NumberToken | undefined;
    if (own) {
      const og = SLOT_SUBJECT.test(fold(own.text)) ? this.openGroupOrCompletion(ctx, x.pStart) : undefined;
      if (og && og.subject) {
        subject = og.subject.text;
        subjectSpan = og.subject.span;
        current = og.actual;
      } else {
        subject = own.text;
        subjectSpan = own.span;
        const same = this.sameSubject(ctx, own.text, x.pStart, fam === 'percent' ? undefined : tok, fam);
        if (same) current = this.tokenOf(same);
      }
    } else {
      const g = ctx.group;
      const gAct = g?.slots.find((s) => s.kind === 'actual');
      if (g && gAct && g.subject) {
        subject = g.subject.text;
        subjectSpan = g.subject.span;
        current = gAct.token;
      } else {
        const p = this.inherit(ctx, x);
        if (p) {
          subject = p.subject;
          subjectSpan = p.subjectSpan;
          const cur = this.tokenOf(p);
          if (this.compatible(fam === 'percent' ? undefined : tok, fam, cur)) current = cur;
        }
      }
    }
    const start = Math.min(
      own?.span.start ?? Number.MAX_SAFE_INTEGER,
      compared && compared.span.start >= x.pStart ? compared.span.start - 1 : Number.MAX_SAFE_INTEGER,
      dir.words[0].span.start,
      tok.extent.start,
    );
    const claim: ChangeClaim = {
      kind: 'change',
      subject,
      direction: dir.words[0].direction,
      directionWords: [...dir.words],
      span: { start, end: tok.extent.end },
    };
    if (subjectSpan) claim.subjectSpan = subjectSpan;
    if (dir.to) {
      claim.toValue = true;
      claim.current = tok;
    } else {
      if (fam === 'percent') claim.percent = tok;
      else if (fam === 'none') claim.unitless = tok;
      else claim.amount = tok;
      if (current) claim.current = current;
    }
    if (compared) {
      claim.comparedWith = compared.text;
      claim.comparedWithSpan = compared.span;
    }
    if (own?.each) claim.each = true;
    this.emit(ctx, claim);
    ctx.lastChange = { claim, seg: x.seg, primCount: ctx.primaries.length };
  }

  /** Is a direction word at `dirStart` part of a comparison: 比/较/相比/同比 earlier in the sentence, or 增长/下降 p% next? */
  private comparativeContext(ctx: Sent, dirStart: number, after: number): boolean {
    const before = this.f.slice(Math.max(ctx.start, dirStart - 160), dirStart).replace(/比例|比重|对比/g, '');
    if (/比|较|相比|同比|上年|去年/.test(before)) return true;
    const next = this.f.slice(after, Math.min(ctx.end, after + 16));
    return /^[\s,;]*(?:增长|下降|减少|增加|上升|降低|增幅|降幅)[^,;。]{0,4}?-?\d/.test(next);
  }

  private share(ctx: Sent, x: Info, zi: number): void {
    const { tok } = x;
    const zhan = x.pStart + zi;
    const own = cleanSubject(this.v, x.pStart, zhan);
    let bs = zhan + 1;
    let be = x.pEnd;
    const f = this.f;
    while (bs < be && /\s/.test(f[bs])) bs++;
    while (be > bs && /[\s的]/.test(f[be - 1])) be--;
    const baseText = f.slice(bs, be);
    const claim: ShareClaim = { kind: 'share', subject: '', percent: tok, span: { start: own?.span.start ?? zhan, end: tok.extent.end } };
    if (be > bs && !/^(?:比|比重|比例)$/.test(baseText)) {
      claim.base = this.orig.slice(bs, be);
      claim.baseSpan = { start: bs, end: be };
    }
    if (own) {
      claim.subject = own.text;
      claim.subjectSpan = own.span;
      const same = this.sameSubject(ctx, own.text, x.pStart, undefined, 'percent');
      if (same && same.sentence === ctx.index) {
        const t = this.tokenOf(same);
        if (t) claim.part = t;
      }
    } else {
      const p = this.inherit(ctx, x);
      if (p) {
        claim.subject = p.subject;
        if (p.subjectSpan) claim.subjectSpan = p.subjectSpan;
        const t = this.tokenOf(p);
        if (t && p.sentence === ctx.index) claim.part = t;
      }
    }
    this.emit(ctx, claim);
  }

  // ── completion ───────────────────────────────────────────────────────────────────────────────────────────────────

  private slot(ctx: Sent, x: Info, kind: 'budget' | 'actual', slotStart: number, base?: CompletionBase): void {
    const S = cleanSubject(this.v, x.pStart, slotStart);
    const generic = !S || GENERIC_SUBJECTS.has(normLabel(S.text));
    let g = ctx.group;
    const conflict =
      !g ||
      g.percent !== undefined ||
      this.reasonBetween(ctx, g.start, x.pStart) ||
      (kind === 'budget' && (g.slots.some((s) => s.kind === 'actual') || g.slots.some((s) => s.kind === 'budget' && s.base === base))) ||
      (kind === 'actual' && g.slots.some((s) => s.kind === 'actual')) ||
      (!generic && g.subject !== undefined && S !== undefined && normLabel(S.text) !== normLabel(g.subject.text) && !normLabel(S.text).startsWith(normLabel(g.subject.text)));
    if (conflict) {
      this.closeGroup(ctx);
      g = { start: S && !generic ? S.span.start : x.tok.extent.start, end: x.tok.extent.end, slots: [], offered: false };
      ctx.group = g;
    }
    const grp = g as Group;
    if (!generic && S && !grp.subject) grp.subject = S;
    grp.end = Math.max(grp.end, x.tok.extent.end);
    // eager amount claim; replaced by the completion claim when the group turns into one
    const before = ctx.primaries.length;
    this.primaryNoOffer(ctx, x, generic);
    const prim = ctx.primaries.length > before ? ctx.primaries[ctx.primaries.length - 1] : undefined;
    const amt = prim?.claim.kind === 'amount' ? prim.claim : undefined;
    grp.slots.push({ kind, base, token: x.tok, amount: amt, primary: prim });
    if (prim && !grp.offered) {
      grp.offered = true;
      this.offer(ctx, prim);
    }
  }

  private primaryNoOffer(ctx: Sent, x: Info, generic = false): void {
    let subj = cleanSubject(this.v, x.pStart, x.pEnd);
    // “(一)其他支出（类）。支出决算为 8 万元”: the item header names a figure printed only as 支出决算
    if (generic && this.header && (!subj || /^(?:支出)?(?:决算|预算)(?:数)?$/.test(normLabel(subj.text)))) subj = this.header;
    const tok = x.tok;
    const sspan = subj?.span ?? { start: tok.extent.start, end: tok.extent.start };
    const claim: AmountClaim = {
      kind: 'amount',
      subject: subj?.text ?? '',
      subjectSpan: sspan,
      amount: tok,
      span: { start: subj ? subj.span.start : tok.extent.start, end: tok.extent.end },
    };
    this.emit(ctx, claim);
    this.addPrimary(ctx, claim, claim.subject, subj?.span, tok, x);
  }

  private completionPercent(ctx: Sent, x: Info, base: CompletionBase): void {
    let g = ctx.group;
    if (!(g && g.slots.length > 0 && !g.percent && !this.reasonBetween(ctx, g.start, x.pStart))) {
      this.closeGroup(ctx);
      g = { start: x.tok.extent.start, end: x.tok.extent.end, slots: [], offered: true };
      const p = this.lastPrimary(ctx, (q) => q.seg === x.seg && q.claim.kind === 'amount' && q.family === 'money');
      if (p && p.claim.kind === 'amount') {
        g.fromAmount = p;
        g.start = p.claim.span.start;
        if (p.subjectSpan) g.subject = { text: p.subject, span: p.subjectSpan };
      }
      ctx.group = g;
    }
    g.percent = x.tok;
    g.base = base;
    g.end = Math.max(g.end, x.tok.extent.end);
    this.closeGroup(ctx);
  }

  private closeGroup(ctx: Sent): void {
    const g = ctx.group;
    ctx.group = undefined;
    if (!g) return;
    const budgets = g.slots.filter((s) => s.kind === 'budget');
    const actual = g.slots.find((s) => s.kind === 'actual')?.token ?? g.fromAmount?.token;
    if (!(g.percent || (budgets.length > 0 && actual))) return;
    let subject = g.subject;
    if (!subject) subject = ctx.label ?? this.header ?? this.itemLabel;
    const chosen = (g.base && budgets.find((b) => b.base === g.base)) || budgets[0];
    const claim: CompletionClaim = {
      kind: 'completion',
      subject: subject?.text ?? '',
      base: g.base ?? chosen?.base ?? 'budget',
      span: { start: g.start, end: g.end },
    };
    if (subject) claim.subjectSpan = subject.span;
    if (g.percent) claim.percent = g.percent;
    if (chosen) {
      claim.budget = chosen.token;
      claim.budgetBase = chosen.base ?? 'budget';
    }
    if (budgets.length > 1) claim.budgets = budgets.map((b) => ({ base: b.base ?? 'budget', amount: b.token }));
    if (actual) claim.actual = actual;
    if (g.comparison) claim.comparison = g.comparison;
    // replace the eager slot amounts by the completion claim
    const slotPrims = g.slots.map((s) => s.primary).filter((p): p is Primary => p !== undefined);
    for (const s of g.slots) if (s.amount) this.removed.add(s.amount);
    const first = slotPrims[0] ?? g.fromAmount;
    const cp: Primary = {
      claim,
      subject: claim.subject,
      subjectSpan: claim.subjectSpan,
      token: actual,
      family: 'completion',
      unitKey: 'money',
      pos: claim.span.start,
      sep: first?.sep ?? '',
      seg: first?.seg ?? this.segAt(ctx, g.start).seg,
      segMarker: first?.segMarker ?? false,
      inBracket: first?.inBracket ?? false,
      clauseStart: first?.clauseStart ?? g.start,
      sentence: ctx.index,
    };
    const replaced = new Set<Primary>(slotPrims);
    if (g.fromAmount) replaced.add(g.fromAmount);
    let left = replaced.size;
    for (let k = ctx.primaries.length - 1; k >= 0 && left > 0; k--) {
      if (replaced.has(ctx.primaries[k])) {
        ctx.primaries.splice(k, 1);
        left--;
      }
    }
    let at = ctx.primaries.length;
    while (at > 0 && ctx.primaries[at - 1].pos > cp.pos) at--;
    ctx.primaries.splice(at, 0, cp);
    this.swapInBreakdowns(ctx, replaced, cp);
    if (slotPrims.length === 0 && g.fromAmount === undefined) this.offer(ctx, cp);
    ctx.completions.push(claim);
    this.out.push(claim);
  }

  private swapInBreakdowns(ctx: Sent, old: Set<Primary>, nu: Primary): void {
    const bs: Breakdown[] = [...ctx.stack];
    if (this.list) bs.push(this.list.b);
    if (this.soft) bs.push(this.soft.b);
    for (const b of bs) {
      if (old.has(b.whole)) b.whole = nu;
      let seen = false;
      b.parts = b.parts.filter((p) => {
        if (!old.has(p) && p !== nu) return true;
        if (seen) return false;
        seen = true;
        return true;
      });
      b.parts = b.parts.map((p) => (old.has(p) ? nu : p));
    }
  }

  private comparison(ctx: Sent, pos: number, wpos: number, word: string): void {
    const cmp: CompletionComparison = { word, direction: COMPARISON_WORDS[word] ?? 'equal', span: { start: wpos, end: wpos + word.length } };
    const g = ctx.group;
    if (g && g.start < pos) {
      if (!g.comparison) g.comparison = cmp;
      return;
    }
    for (let k = ctx.completions.length - 1; k >= 0; k--) {
      const c = ctx.completions[k];
      if (c.span.end <= pos) {
        if (!c.comparison) c.comparison = cmp;
        return;
      }
    }
    // a following sentence: “决算数小于预算数的主要原因：…”
    const cs = clauseStart(this.v, pos, ctx.start);
    const pre = cleanSubject(this.v, cs.start, pos);
    let nearest: CompletionClaim | undefined;
    const cands: CompletionClaim[] = [];
    for (let si = ctx.index - 1; si >= 0 && si >= ctx.index - 3; si--) {
      const s = this.sents[si];
      if (s.completions.length > 0) {
        nearest ??= s.completions[s.completions.length - 1];
        cands.push(...s.completions);
      }
      if (s.heading || (nearest && !pre)) break;
    }
    if (!nearest) return;
    let best = nearest;
    if (pre) {
      // prefer the completion whose subject the phrase names (“2024年度“三公”经费支出决算数小于…”)
      const named = pre.text.replace(/(?:支出)?决算(?:数)?$/, '');
      let bestScore = 0.3;
      for (const c of cands) {
        const sc = similarity(named, c.subject);
        if (sc > bestScore) {
          bestScore = sc;
          best = c;
        }
      }
    }
    if (!best.comparison) best.comparison = cmp;
  }

  private flat(ctx: Sent, pos: number, word: string): void {
    const sa = this.segAt(ctx, pos);
    if (sa.reason) return;
    const f = this.f;
    // “的主要原因” headings restate a comparison; “持平” inside a budget comparison is handled there
    const cs = clauseStart(this.v, pos, Math.max(ctx.start, ctx.lastTokenEnd));
    const C = f.slice(cs.start, pos);
    let k = -1;
    for (let j = C.length - 1; j >= 0; j--) {
      if ('与较比'.includes(C[j]) && !(C[j] === '比' && '例重'.includes(C[j + 1] ?? '¤'))) {
        k = j;
        break;
      }
    }
    let compared: { text: string; span: Span } | undefined;
    let subjEnd = pos;
    // “决算数同预算数持平”: execution against budget, handled as a completion comparison
    if (/预算/.test(C) && /决算|执行/.test(C) && !YEARISH.test(C)) return;
    if (k < 0) {
      if (word === '相同' || word === '一致' || word === '不变') return;
    } else {
      let a = k + 1;
      let b = C.length;
      while (a < b && /\s/.test(C[a])) a++;
      while (b > a && /\s/.test(C[b - 1])) b--;
      const text = C.slice(a, b);
      if (/预算/.test(text) && !YEARISH.test(text)) return;
      if (b > a) compared = { text: this.orig.slice(cs.start + a, cs.start + b), span: { start: cs.start + a, end: cs.start + b } };
      subjEnd = cs.start + k;
      if (C[k] === '比' && C[k - 1] === '同') subjEnd--;
    }
    if (!compared) {
      const pc = [...ctx.compared].reverse().find((c) => c.end <= pos);
      if (pc) compared = pc;
    }
    const dw: DirectionWord = { word, span: { start: pos, end: pos + word.length }, direction: 'flat' };
    const own = cleanSubject(this.v, cs.start, subjEnd);
    const lc = ctx.lastChange;
    if (lc && lc.seg === sa.seg && !own && lc.primCount === ctx.primaries.length) {
      lc.claim.directionWords.push(dw);
      lc.claim.span.end = Math.max(lc.claim.span.end, dw.span.end);
      return;
    }
    let subject = '';
    let subjectSpan: Span | undefined;
    let current: NumberToken | undefined;
    const x = { seg: sa.seg, segMarker: sa.marker, reason: sa.reason, pStart: cs.start };
    if (own) {
      const og = SLOT_SUBJECT.test(fold(own.text)) ? this.openGroupOrCompletion(ctx, cs.start) : undefined;
      if (og && og.subject) {
        subject = og.subject.text;
        subjectSpan = og.subject.span;
        current = og.actual;
      } else {
        subject = own.text;
        subjectSpan = own.span;
        const same = this.sameSubject(ctx, own.text, cs.start, undefined, 'percent');
        if (same) current = this.tokenOf(same);
      }
    } else {
      if (k < 0 && !ctx.primaries.length && !this.inherit(ctx, x)) return;
      const p = this.inherit(ctx, x);
      if (p) {
        subject = p.subject;
        subjectSpan = p.subjectSpan;
        current = this.tokenOf(p);
      }
    }
    const start = Math.min(own?.span.start ?? Number.MAX_SAFE_INTEGER, k >= 0 ? cs.start + k : pos);
    const claim: ChangeClaim = {
      kind: 'change',
      subject,
      direction: 'flat',
      directionWords: [dw],
      span: { start, end: dw.span.end },
    };
    if (subjectSpan) claim.subjectSpan = subjectSpan;
    if (current) claim.current = current;
    if (compared) {
      claim.comparedWith = compared.text;
      claim.comparedWithSpan = compared.span;
    }
    this.emit(ctx, claim);
    ctx.lastChange = { claim, seg: sa.seg, primCount: ctx.primaries.length };
  }

  // ── breakdowns ──────────────────────────────────────────────────────────────────────────────────────────────────

  private connector(ctx: Sent, c: { pos: number; end: number; word: string; pre?: Subject }): void {
    this.closeGroup(ctx);
    if (c.word === '分别为' || c.word === '分别是') {
      const names = this.namesBefore(ctx, c.pos);
      if (names) ctx.pairing = { names, next: 0, after: c.end };
    }
    const whole = this.findWhole(ctx, c.pos, c.pre, c.word);
    if (!whole) return;
    const b: Breakdown = { connector: c.word, whole, parts: [], pos: c.end, inBracket: this.depth[c.pos] > 0 };
    const o = ordinalAt(this.f, c.end);
    if (o && (o.style === 'num' || o.style === 'num-paren' || o.style === 'cn-paren' || o.style === 'cn')) {
      b.listOrd = o;
      b.lastOrdValue = o.value;
      // ordinals of the same style later in this sentence (“1.… 2.…”)
      const sub = this.f.slice(c.end, ctx.end);
      const re = o.style === 'num' ? /(?:^|[\s。;:,])(\d{1,3})\s*[.、](?!\d)/g : o.style === 'num-paren' ? /\(\s*(\d{1,3})\s*\)/g : /\(\s*([一二三四五六七八九十]{1,3})\s*\)/g;
      if (o.style !== 'cn') {
        for (const m of sub.matchAll(re)) {
          const val = o.style === 'cn-paren' ? cnNumber(m[1]) : Number(m[1]);
          if (val === (b.lastOrdValue ?? 0) + 1) b.lastOrdValue = val;
        }
      }
    }
    ctx.stack.push(b);
    if (ctx.stack.length > MAX_NESTING) this.finalize(ctx.stack.shift() as Breakdown);
    if (!ctx.firstWhole && ctx.primaries.length <= (ctx.primaries[0] === whole ? 1 : 0)) ctx.firstWhole = whole;
    // “…主要用于以下方面：\n1.社会保障和就业支出(类)…(项)。”: the first item's header sits in this sentence
    if (o && !this.numberIn(o.end, ctx.end)) {
      this.header = this.headerText(o.end, ctx.end);
    }
  }

  private findWhole(ctx: Sent, pos: number, pre?: Subject, word = '其中'): Primary | undefined {
    const cs = clauseStart(this.v, pos, ctx.start);
    const named = pre ?? cleanSubject(this.v, cs.start, pos);
    let inClause = false;
    for (let k = ctx.primaries.length - 1; k >= 0 && ctx.primaries[k].pos >= cs.start; k--) if (ctx.primaries[k].pos < pos) inClause = true;
    if (named && !inClause && !this.onlyOrdinal(ctx, cs.start, pos)) return this.lookupSubject(ctx, named.text, pos);
    const cand = this.lastPrimary(ctx, (p) => p.pos < pos && p.family !== 'measure' && p.family !== 'none' && p.family !== 'percent' && !p.inBracket);
    if (cand) return this.reasonBetween(ctx, cand.pos, pos) ? undefined : cand;
    if (!this.blank(ctx.contentStart, pos) && !this.blank(cs.start, pos)) return undefined;
    for (let si = ctx.index - 1; si >= 0 && si >= ctx.index - 3; si--) {
      const s = this.sents[si];
      if (s.heading) return undefined;
      const ok = s.primaries.filter((p) => !p.segMarker && p.family !== 'measure' && p.family !== 'none' && p.family !== 'percent' && !p.inBracket);
      if (ok.length === 0) continue;
      // “A 万元。其中：…” continues the last figure; “…。具体情况如下：” the topic of the sentence before
      if (word === '其中') return ok[ok.length - 1];
      return s.firstWhole ?? ok[0];
    }
    return undefined;
  }

  private onlyOrdinal(ctx: Sent, a: number, b: number): boolean {
    return a <= ctx.contentStart && this.blank(ctx.contentStart, b);
  }

  /** Only whitespace in [a, b)? Stops at the first other character. */
  private blank(a: number, b: number): boolean {
    for (let k = a; k < b; k++) if (!/\s/.test(this.f[k])) return false;
    return true;
  }

  private lookupSubject(ctx: Sent, text: string, before: number): Primary | undefined {
    const key = normLabel(text);
    if (key.length < 2) return undefined;
    const pools: Primary[][] = [];
    for (let si = ctx.index; si >= 0 && si >= ctx.index - 5; si--) {
      const s = this.sents[si];
      pools.push(s.primaries.filter((p) => si !== ctx.index || p.pos < before));
    }
    for (const pool of pools) {
      for (let k = pool.length - 1; k >= 0; k--) if (normLabel(pool[k].subject) === key && pool[k].family !== 'measure') return pool[k];
    }
    for (const pool of pools) {
      for (let k = pool.length - 1; k >= 0; k--) {
        const s = normLabel(pool[k].subject);
        if (pool[k].family === 'measure' || !s) continue;
        const [short, long] = s.length < key.length ? [s, key] : [key, s];
        if (short.length >= 4 && long.startsWith(short)) return pool[k];
      }
    }
    return undefined;
  }

  private familyMatch(whole: Primary, p: Primary): boolean {
    const wf = whole.family === 'completion' ? 'money' : whole.family;
    const pf = p.family === 'completion' ? 'money' : p.family;
    if (wf === 'money') return pf === 'money';
    if (wf === 'count') return pf === 'count' && whole.unitKey === p.unitKey;
    return false;
  }

  /** Offer a new primary to the open breakdowns (innermost first), then to a cross-sentence list. */
  private offer(ctx: Sent, p: Primary): void {
    if (/^(?:合计|总计|共计|小计|累计)$/.test(p.subject)) return; // “…，合计 1170.00 万”: the total restated
    for (let k = ctx.stack.length - 1; k >= 0; k--) {
      const b = ctx.stack[k];
      if (p.pos < b.pos - 1 && p.clauseStart < b.pos) continue;
      if (p === b.whole || !this.familyMatch(b.whole, p)) continue;
      if (p.inBracket && !b.inBracket) continue;
      if (b.parts.length === 0) {
        // the first part follows the connector within its element (“人员经费…，主要包括：基本工资…；公用经费…”)
        if (this.strongSepBetween(b.pos, p.clauseStart)) {
          ctx.stack.splice(k, 1);
          this.finalize(b);
          continue;
        }
        b.parts.push(p);
        return;
      }
      const r = p.sep === '' ? 0 : sepRank(p.sep);
      if (r === 0) return;
      const explained = this.markerBetween(ctx, b.pos, p.pos);
      if (b.level === undefined) {
        if (explained && r < 3) return;
        b.level = r;
        b.parts.push(p);
        return;
      }
      if (r > b.level) {
        ctx.stack.splice(k, 1);
        this.finalize(b);
        continue;
      }
      if (r < b.level && explained) return;
      b.parts.push(p);
      return;
    }
    if (this.list && !ctx.noListParts && this.list.b.whole.sentence < ctx.index && !this.list.itemHasPart && this.familyMatch(this.list.b.whole, p)) {
      this.list.b.parts.push(p);
      this.list.itemHasPart = true;
      return;
    }
    if (this.soft && !this.soft.extended && ctx.primaries.length === 1 && p.clauseStart <= ctx.contentStart + 1 && this.familyMatch(this.soft.b.whole, p)) {
      this.soft.b.parts.push(p);
      this.soft.extended = true;
    }
  }

  private endSentence(ctx: Sent): void {
    if (this.soft && !this.soft.extended && this.soft.b.whole.sentence < ctx.index) {
      this.finalize(this.soft.b);
      this.soft = undefined;
    }
    // the innermost open list with an ordinal after its connector continues into the following sentences
    let listB: Breakdown | undefined;
    for (let k = ctx.stack.length - 1; k >= 0; k--) if (ctx.stack[k].listOrd) { listB = ctx.stack[k]; break; }
    for (const b of ctx.stack) {
      if (b === listB) continue;
      // “其中：\n人员经费 … 。\n公用经费 …”: a single part before the full stop, the next part in the next sentence
      if (b.connector === '其中' && b.parts.length === 1 && !this.soft && b === ctx.stack[0] && !listB) {
        this.soft = { b, extended: true };
        continue;
      }
      this.finalize(b);
    }
    ctx.stack = [];
    if (listB && listB.listOrd) {
      if (this.list) this.finalize(this.list.b);
      this.list = { b: listB, style: listB.listOrd.style, next: (listB.lastOrdValue ?? listB.listOrd.value) + 1, itemHasPart: listB.parts.length > 0 };
    }
  }

  private finalize(b: Breakdown): void {
    const parts = b.parts.filter((p) => !this.removed.has(p.claim));
    if (parts.length === 0 || this.removed.has(b.whole.claim)) return;
    let end = b.whole.claim.span.end;
    for (const p of parts) end = Math.max(end, p.claim.span.end);
    const claim: BreakdownClaim = {
      kind: 'breakdown',
      connector: b.connector,
      whole: b.whole.claim,
      parts: parts.map((p) => p.claim),
      span: { start: Math.min(b.whole.claim.span.start, parts[0].claim.span.start), end },
    };
    this.out.push(claim);
  }
}

interface Info {
  tok: NumberToken;
  fam: UnitFamily | 'none';
  pStart: number;
  pEnd: number;
  ptext: string;
  seg: number;
  segMarker: boolean;
  reason: boolean;
  sep: string;
  cs: { start: number; boundary: string; connector?: string };
}

interface DirTail {
  words: DirectionWord[];
  dirStart: number;
  subjEnd: number;
  compared?: { text: string; span: Span };
  to: boolean;
}
