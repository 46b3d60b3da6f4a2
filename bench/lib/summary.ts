/**
 * Aggregation and plain-text report of the mutation benchmark (a developer tool: the report is in English).
 */
import type { BookResult, FalseAlarm, MutationRecord } from './bench';
import { MUTATION_KINDS, type MutationKind } from './mutate';

export interface Rates {
  mutations: number;
  detected: number;
  localised: number;
  corrected: number;
  /** mutations whose kind has a signature */
  signatureApplicable: number;
  signatureMatched: number;
  /** flagged at any severity (error, warning, rounding info) */
  flagged: number;
}

export interface KindRates extends Rates {
  kind: MutationKind;
  skipped: number;
}

export interface BookLine {
  book: string;
  candidates: number;
  sampled: number;
  mutations: number;
  skipped: number;
  baselineErrors: number;
  knownErrors: number;
  falseAlarms: number;
  ms: number;
}

export interface BenchSummary {
  seed: number;
  cellsPerBook: number;
  kinds: MutationKind[];
  books: BookLine[];
  byKind: KindRates[];
  /** every kind but tiny */
  overall: Rates;
  /** every kind but tiny, errors larger than 5 units of the printed precision (> 0.05 for 2-decimal amounts) */
  target: Rates;
  tiny: Rates;
  /** target population split by layout variant, table kind, and the number of relations that read the cell */
  byVariant: Record<string, Rates>;
  byTableKind: Record<string, Rates>;
  byRelations: Record<string, Rates>;
  /** why target mutations were missed or not localised */
  causes: {
    undetected: number;
    /** no relation reading the cell fails: the change stays within rounding (or on the allowed side of ≥/≤) */
    withinRounding: number;
    /** a relation fails but is reported below error (soft rule, 1-unit tie) */
    belowError: number;
    detectedNotLocalised: number;
    /** no cell blamed (a tie between candidates) */
    noSuspect: number;
    /** another cell blamed */
    otherCell: number;
    /** of the detected but not localised: cells read by only one relation */
    singleRelation: number;
    /** another cell blamed on the strength of an error signature (a coincidental match) */
    otherCellBySignature: number;
    localisedNotCorrected: number;
    /** blamed without a proposed figure (the relations' proposals disagree) */
    noProposal: number;
    /** proposal within the rounding allowance of the original, not equal to it */
    offByRounding: number;
  };
  falseAlarms: FalseAlarm[];
  /** up to 20 undetected or mislocalised target mutations, undetected first, kinds interleaved */
  examples: MutationRecord[];
  checks: number;
  ms: number;
}

export function emptyRates(): Rates {
  return { mutations: 0, detected: 0, localised: 0, corrected: 0, signatureApplicable: 0, signatureMatched: 0, flagged: 0 };
}

export function add(r: Rates, m: MutationRecord): void {
  r.mutations++;
  if (m.detected) r.detected++;
  if (m.localised) r.localised++;
  if (m.corrected) r.corrected++;
  if (m.signatureMatched !== null) {
    r.signatureApplicable++;
    if (m.signatureMatched) r.signatureMatched++;
  }
  if (m.flagged) r.flagged++;
}

export function ratesOf(ms: readonly MutationRecord[]): Rates {
  const r = emptyRates();
  for (const m of ms) add(r, m);
  return r;
}

export function variantOf(book: string): string {
  return /-(sheets|split|stacked)\.xlsx$/i.exec(book)?.[1] ?? 'other';
}

function grouped(ms: readonly MutationRecord[], key: (m: MutationRecord) => string): Record<string, Rates> {
  const out: Record<string, Rates> = {};
  for (const m of ms) add((out[key(m)] ??= emptyRates()), m);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

const isTarget = (m: MutationRecord) => m.kind !== 'tiny' && m.large;

/** Examples of one failure, interleaving kinds so that no single kind fills the list. */
function interleaved(ms: readonly MutationRecord[], bad: (m: MutationRecord) => boolean, n: number): MutationRecord[] {
  const out: MutationRecord[] = [];
  const queues = MUTATION_KINDS.map((k) => ms.filter((m) => m.kind === k && isTarget(m) && bad(m)));
  while (out.length < n && queues.some((q) => q.length > 0)) {
    for (const q of queues) {
      const m = q.shift();
      if (m && out.length < n) out.push(m);
    }
  }
  return out;
}

/** Up to n examples: half undetected, half detected but not localised (either half filled up by the other). */
export function pickExamples(ms: readonly MutationRecord[], n = 20): MutationRecord[] {
  const undetected = (m: MutationRecord) => !m.detected;
  const mislocalised = (m: MutationRecord) => m.detected && !m.localised;
  const a = interleaved(ms, undetected, n);
  const b = interleaved(ms, mislocalised, n);
  const na = Math.min(a.length, Math.max(Math.ceil(n / 2), n - b.length));
  return [...a.slice(0, na), ...b.slice(0, n - na)];
}

export function summarise(results: readonly BookResult[], opts: { seed: number; cellsPerBook: number; kinds: readonly MutationKind[]; ms: number }): BenchSummary {
  const all = results.flatMap((r) => r.mutations);
  const target = all.filter(isTarget);
  const byKind: KindRates[] = opts.kinds.map((kind) => ({
    kind,
    ...ratesOf(all.filter((m) => m.kind === kind)),
    skipped: results.reduce((n, r) => n + r.skipped.filter((s) => s.kind === kind).length, 0),
  }));
  const undetected = target.filter((m) => !m.detected);
  const unlocalised = target.filter((m) => m.detected && !m.localised);
  const uncorrected = target.filter((m) => m.localised && !m.corrected);
  return {
    seed: opts.seed,
    cellsPerBook: opts.cellsPerBook,
    kinds: [...opts.kinds],
    books: results.map((r) => ({
      book: r.book,
      candidates: r.candidates,
      sampled: r.sampled.length,
      mutations: r.mutations.length,
      skipped: r.skipped.length,
      baselineErrors: r.baseline.errors,
      knownErrors: r.knownErrors,
      falseAlarms: r.falseAlarms.length,
      ms: r.ms,
    })),
    byKind,
    overall: ratesOf(all.filter((m) => m.kind !== 'tiny')),
    target: ratesOf(target),
    tiny: ratesOf(all.filter((m) => m.kind === 'tiny')),
    byVariant: grouped(target, (m) => variantOf(m.book)),
    byTableKind: grouped(target, (m) => m.tableKind ?? '(not in a recognised table)'),
    byRelations: grouped(target, (m) => (m.relations >= 4 ? '4+' : String(m.relations))),
    causes: {
      undetected: undetected.length,
      withinRounding: undetected.filter((m) => m.failingRelations === 0).length,
      belowError: undetected.filter((m) => m.failingRelations > 0).length,
      detectedNotLocalised: unlocalised.length,
      noSuspect: unlocalised.filter((m) => m.blamed.length === 0).length,
      otherCell: unlocalised.filter((m) => m.blamed.length > 0).length,
      singleRelation: unlocalised.filter((m) => m.relations === 1).length,
      otherCellBySignature: unlocalised.filter((m) =>
        m.findings.some((f) => f.severity === 'error' && f.suspect && f.suspect.cell !== m.cell && f.suspect.signature && f.suspect.signature !== 'unexplained'),
      ).length,
      localisedNotCorrected: uncorrected.length,
      noProposal: uncorrected.filter((m) => m.proposed === undefined).length,
      offByRounding: uncorrected.filter((m) => m.proposed !== undefined && m.correctedWithinRounding).length,
    },
    falseAlarms: results.flatMap((r) => r.falseAlarms),
    examples: pickExamples(all),
    checks: results.reduce((n, r) => n + r.checks, 0),
    ms: opts.ms,
  };
}

// —— text report ——————————————————————————————————————————————————————————————————————

const pct = (x: number, n: number) => (n === 0 ? '   —  ' : `${((100 * x) / n).toFixed(1).padStart(5)}%`);

function row(label: string, r: Rates, extra = ''): string {
  return [
    label.padEnd(36),
    String(r.mutations).padStart(6),
    extra.padStart(8),
    pct(r.detected, r.mutations).padStart(9),
    pct(r.localised, r.mutations).padStart(10),
    pct(r.corrected, r.mutations).padStart(10),
    pct(r.signatureMatched, r.signatureApplicable).padStart(10),
  ].join(' ');
}

const HEADER = [
  ''.padEnd(36),
  'muts'.padStart(6),
  'skipped'.padStart(8),
  'detected'.padStart(9),
  'localised'.padStart(10),
  'corrected'.padStart(10),
  'signature'.padStart(10),
].join(' ');

function section(title: string, groups: Record<string, Rates>): string[] {
  return [title, HEADER, ...Object.entries(groups).map(([k, r]) => row(k, r))];
}

export function describeFinding(f: MutationRecord['findings'][number]): string {
  const s = f.suspect ? ` → blames ${f.suspect.cell}${f.suspect.proposed ? ` (${f.suspect.proposed})` : ''} [${f.suspect.signature ?? '-'}]` : ' → no suspect';
  const d = f.difference !== undefined ? ` diff ${f.difference}` : '';
  return `${f.severity} ${f.id}${d}${s}`;
}

export function formatSummary(s: BenchSummary): string {
  const lines: string[] = [];
  const secs = (s.ms / 1000).toFixed(1);
  lines.push(`Mutation benchmark — seed ${s.seed}, up to ${s.cellsPerBook} cells per book, ${s.books.length} books, ${s.checks} checker runs, ${secs} s`);
  lines.push('');
  lines.push('Per kind (all sizes; signature = blamed with the kind\'s signature, of kinds that have one)');
  lines.push(HEADER);
  for (const k of s.byKind) lines.push(row(k.kind, k, String(k.skipped)));
  lines.push(row('overall (excluding tiny)', s.overall));
  lines.push(row('TARGET: |error| > 5 units', s.target));
  lines.push(`  targets: detected ≥ 99% · localised ≥ 90% · 0 false alarms`);
  lines.push(
    `tiny (±1 unit): ${s.tiny.mutations} mutations, ${pct(s.tiny.detected, s.tiny.mutations).trim()} as errors, ` +
      `${pct(s.tiny.flagged, s.tiny.mutations).trim()} flagged at any severity (error, warning or rounding info), ` +
      `${pct(s.tiny.localised, s.tiny.mutations).trim()} localised`,
  );
  lines.push('');
  lines.push(...section('Target population by layout', s.byVariant));
  lines.push('');
  lines.push(...section('Target population by table kind of the mutated cell', s.byTableKind));
  lines.push('');
  lines.push(...section('Target population by number of relations reading the cell', s.byRelations));
  lines.push('');
  const c = s.causes;
  lines.push('Causes (target population)');
  lines.push(`  undetected: ${c.undetected} — no relation fails (within rounding / allowed side of ≥,≤): ${c.withinRounding}; a relation fails but below error severity: ${c.belowError}`);
  lines.push(
    `  detected, not localised: ${c.detectedNotLocalised} — no suspect named: ${c.noSuspect}; another cell blamed: ${c.otherCell}; ` +
      `cell read by one relation only: ${c.singleRelation}; another cell blamed by a coincidental signature: ${c.otherCellBySignature}`,
  );
  lines.push(
    `  localised, not corrected: ${c.localisedNotCorrected} — no figure proposed (the relations' proposals disagree): ${c.noProposal}; ` +
      `proposal within rounding of the original: ${c.offByRounding}; other: ${c.localisedNotCorrected - c.noProposal - c.offByRounding}`,
  );
  lines.push('');
  const fa = s.falseAlarms;
  lines.push(`False alarms on the unmutated books: ${fa.length}`);
  for (const f of fa) lines.push(`  ${f.book}  ${f.id}  ${f.message}`);
  lines.push('');
  lines.push(`Undetected or mislocalised examples (${s.examples.length})`);
  for (const m of s.examples) {
    const status = m.detected ? 'not localised' : 'undetected';
    lines.push(`  [${status}] ${m.book} ${m.cell} (${m.name}) ${m.kind}${m.detail ? ` ${m.detail}` : ''}: ${m.original} → ${m.mutated}; ${m.relations} relation(s), ${m.failingRelations} failing`);
    if (m.findings.length === 0) lines.push('      no new finding');
    for (const f of m.findings) lines.push(`      ${describeFinding(f)}`);
  }
  lines.push('');
  lines.push('Per book');
  for (const b of s.books) {
    lines.push(
      `  ${b.book.padEnd(38)} candidates ${String(b.candidates).padStart(4)}  sampled ${String(b.sampled).padStart(3)}  mutations ${String(b.mutations).padStart(4)}  ` +
        `baseline errors ${b.baselineErrors} (known ${b.knownErrors}, false alarms ${b.falseAlarms})  ${(b.ms / 1000).toFixed(1)} s`,
    );
  }
  return lines.join('\n');
}
