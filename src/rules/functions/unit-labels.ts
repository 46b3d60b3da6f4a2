/**
 * 金额单位 labels checked against the ties between tables (rule generic.unit-label).
 *
 * A table labelled 元 whose figures are in 万元 (or the reverse) is not visible inside the table: its sums hold at any
 * scale. It shows only where its figures meet another table's figures of the same meaning — the ties of the packs. The
 * ties convert 元 to 万元 when the two sides print different units (relations.ts), so a wrong label makes them fail by a
 * factor of 10,000 (one error per tie, blamed on single cells), or, for ties that are inequalities, hold vacuously
 * (支出决算表 ≥ 一般公共预算: 3,000.50 万元 ≥ 0.30 万元), or, when both sides carry the same label, fail with no hint
 * of the cause. This check names the cause: the label.
 *
 * Hypothesis "table T's figures are in the other unit than its label says": for every evaluated tie between T and other
 * tables (all of them labelled 元 or 万元, figures other than zero on both sides), the tie as an equality
 *   - supports it when it holds (within rounding) with T's figures read in the other unit but not as labelled;
 *   - contradicts it when it holds as labelled.
 * T is reported when at least one tie supports it, none contradicts it, and no figure of the supporting ties fails a
 * relation inside its own table (a single figure typed in the wrong unit breaks its table's sums; a wrong label never
 * does). Magnitudes alone are never used: a 元 table of small figures is no evidence.
 *
 * Which side is wrong: with the same label on both sides the direction of the factor tells (both 万元, T's figures
 * 10,000 times larger: T is in 元). With different labels (元 against 万元, equal figures) both tables are candidates;
 * the other ties of each decide (the table whose other ties hold as labelled is right), then the table explaining more
 * ties, then the workbook's other labels. When nothing decides, one warning names both tables.
 */
import type Decimal from 'decimal.js';
import { formatAmount, type Amount } from '../../amount/parse';
import { exact } from '../../arith/decimal';
import { checkSame, checkSum } from '../../arith/interval';
import { t, type Lang } from '../../i18n';
import { kindName } from '../../i18n/kinds';
import { a1, type CellRef } from '../../model/address';
import type { RecognisedTable } from '../../model/table';
import { getCell } from '../../model/workbook';
import { squash } from '../../recognise/text';
import type { RuleContext } from '../context';
import { ruleMessages } from '../messages';
import type { EvaluatedRelation, Finding, RuleDef, Term } from '../types';

type Unit = '元' | '万元';

const flip = (u: Unit): Unit => (u === '元' ? '万元' : '元');

const isNumeric = (a: Amount): boolean => (a.kind === 'number' || a.kind === 'percent') && a.value !== null;
const nonZero = (a: Amount): boolean => isNumeric(a) && !a.value!.isZero();

/** The amount as printed in its cell: a tie expresses 元 figures in 万元 (Term.scaleDecimals), undone here. */
function printed(term: Term): Amount {
  const a = term.amount;
  if (!term.scaleDecimals || !isNumeric(a)) return a;
  return { ...a, value: exact(a.value!).times(exact(10).pow(term.scaleDecimals)), decimals: a.decimals - term.scaleDecimals };
}

/** A printed amount in 万元, read in `unit`: a 元 figure is a ten-thousandth, known four places further (as relations.ts). */
function inWan(a: Amount, unit: Unit): Amount {
  if (unit === '万元' || !isNumeric(a)) return a;
  return { ...a, value: exact(a.value!).div(10000), decimals: a.decimals + 4 };
}

interface Candidate {
  table: RecognisedTable;
  label: Unit;
  /** ties that hold only with this table's figures read in the other unit */
  support: EvaluatedRelation[];
}

/** A unit statement ("金额单位：元", "单位:万元"), squashed as the recogniser reads it; group 2 is the unit. */
const UNIT_STATEMENT = /(单位[:：])(万元|元)$/;

/**
 * The unit statement's cell among the meta rows above the header (the recogniser keeps the last one it reads: so does
 * this), with its text; the title cell when none is found.
 */
export function unitCell(ctx: RuleContext, table: RecognisedTable): { ref: CellRef; text?: string } {
  const sheet = ctx.workbook.sheets.find((s) => s.name === table.sheet);
  let found: { ref: CellRef; text?: string } | undefined;
  if (sheet) {
    for (let r = table.area.top; r < table.headerRows[0]; r++) {
      for (let c = table.area.left; c <= table.area.right; c++) {
        const text = getCell(sheet, r, c)?.text ?? '';
        if (UNIT_STATEMENT.exec(squash(text))?.[2] === table.unit) found = { ref: { sheet: table.sheet, cell: a1(r, c) }, text };
      }
    }
  }
  return found ?? { ref: { sheet: table.sheet, cell: a1(table.titleCell.row, table.titleCell.col) } };
}

export function unitLabelFindings(ctx: RuleContext, rule: RuleDef, rules: RuleDef[], relations: EvaluatedRelation[], lang: Lang): Finding[] {
  const tieRules = new Set(rules.filter((r) => r.then.fn === 'tie').map((r) => r.id));
  const eligible = new Set(rule.given.kinds);
  const labelOf = new Map<string, Unit>();
  for (const table of ctx.tables) {
    if (!table.empty && (table.unit === '元' || table.unit === '万元')) labelOf.set(table.id, table.unit);
  }
  const termsOf = (r: EvaluatedRelation): Term[] => [r.target, ...r.parts];
  const cellKey = (x: Term) => `${x.ref.sheet}!${x.ref.cell}`;

  // figures of each table that fail a relation inside that table
  const failingInside = new Set<string>();
  for (const r of relations) {
    if (r.verdict !== 'fails') continue;
    const terms = termsOf(r);
    if (terms.every((x) => x.table === r.target.table)) for (const x of terms) failingInside.add(cellKey(x));
  }

  // ties between labelled tables, indexed by the tables they read
  const tiesOf = new Map<string, EvaluatedRelation[]>();
  for (const r of relations) {
    if (!tieRules.has(r.rule)) continue;
    const terms = termsOf(r);
    if (!terms.every((x) => labelOf.has(x.table))) continue;
    for (const id of new Set(terms.map((x) => x.table))) {
      const list = tiesOf.get(id);
      if (list) list.push(r);
      else tiesOf.set(id, [r]);
    }
  }

  /** The tie as an equality, with `flipped`'s figures read in the other unit: true, false, or undefined (no verdict). */
  const equal = (r: EvaluatedRelation, flipped?: string): boolean | undefined => {
    const amount = (x: Term) => {
      const label = labelOf.get(x.table)!;
      return inWan(printed(x), x.table === flipped ? flip(label) : label);
    };
    const single = r.op === 'same' && r.parts.length === 1 && r.parts[0].weight === 1;
    const v = single ? checkSame(amount(r.parts[0]), amount(r.target)) : checkSum(amount(r.target), r.parts.map((p) => ({ amount: amount(p), weight: p.weight })));
    if (v.verdict === 'holds' || v.verdict === 'rounding') return true;
    if (v.verdict === 'fails') return false;
    return undefined;
  };
  // as labelled, a tie reads the same for every table it involves: evaluated once
  const asLabelledOf = new Map<EvaluatedRelation, boolean | undefined>();
  const asLabelled = (r: EvaluatedRelation) => {
    if (!asLabelledOf.has(r)) asLabelledOf.set(r, equal(r));
    return asLabelledOf.get(r);
  };

  const candidates: Candidate[] = [];
  for (const table of ctx.tables) {
    const label = labelOf.get(table.id);
    if (!label || !eligible.has(table.kind)) continue;
    const support: EvaluatedRelation[] = [];
    let contradicted = false;
    for (const r of tiesOf.get(table.id) ?? []) {
      const terms = termsOf(r);
      const mine = terms.filter((x) => x.table === table.id);
      const theirs = terms.filter((x) => x.table !== table.id);
      // a tie inside the table, or zeros on one side: no evidence about the unit either way
      if (theirs.length === 0 || !mine.some((x) => nonZero(x.amount)) || !theirs.some((x) => nonZero(x.amount))) continue;
      const labelled = asLabelled(r);
      if (labelled === undefined) continue;
      const other = equal(r, table.id);
      if (labelled && other !== true) contradicted = true;
      else if (!labelled && other === true) support.push(r);
      if (contradicted) break;
    }
    if (contradicted || support.length === 0) continue;
    // a figure typed in the wrong unit breaks its own table's sums, a wrong label does not: evidence resting on a
    // figure that fails inside its table (this one's or the other's) is a slipped figure, not a label
    if (support.some((r) => termsOf(r).some((x) => failingInside.has(cellKey(x))))) continue;
    candidates.push({ table, label, support });
  }

  // how many other labelled tables (neither a nor b) print the unit a would have once corrected
  const agreeing = (a: Candidate, b: Candidate): number => {
    const unit = flip(a.label);
    let n = 0;
    for (const [id, u] of labelOf) if (id !== a.table.id && id !== b.table.id && u === unit) n++;
    return n;
  };
  const covers = (a: Candidate, b: Candidate) => b.support.every((r) => a.support.includes(r));
  const beats = (a: Candidate, b: Candidate) =>
    covers(a, b) && (a.support.length > b.support.length || agreeing(a, b) > agreeing(b, a));

  const out: Finding[] = [];
  const pairs = new Set<string>();
  for (const c of candidates) {
    const rivals = candidates.filter((o) => o !== c && o.support.some((r) => c.support.includes(r)));
    if (rivals.some((o) => beats(o, c))) continue;
    const undecided = rivals.filter((o) => !beats(c, o));
    if (undecided.length === 0) {
      out.push(definite(ctx, rule, c, lang));
      continue;
    }
    for (const o of undecided) {
      const [a, b] = ctx.tables.indexOf(c.table) < ctx.tables.indexOf(o.table) ? [c, o] : [o, c];
      const key = `${a.table.id}|${b.table.id}`;
      if (pairs.has(key)) continue;
      pairs.add(key);
      out.push(either(ctx, rule, a, b, lang));
    }
  }
  return out;
}

/** A table's name in quotes (“一般公共预算…表”), unless the name opens with a quote of its own (“三公”经费…). */
function named(table: RecognisedTable, lang: Lang): string {
  const name = kindName(table.kind, lang);
  if (lang === 'zh-CN') return name.startsWith('“') ? name : `“${name}”`;
  return name.startsWith('"') ? name : `"${name}"`;
}

function show(a: Amount): string {
  return formatAmount(a.value as Decimal, Math.max(0, a.decimals), { thousands: true });
}

/** "表5!C7 为 1,171.77（元），表4!F12 为 1,171.77（万元）": one figure of the table and one it is tied to. */
function example(c: Candidate, labelOf: (x: Term) => Unit, lang: Lang): string {
  // prefer a tie of two single figures: the example then reads as the equality it is
  const r = c.support.find((x) => x.parts.length === 1) ?? c.support[0];
  const terms = [r.target, ...r.parts];
  const mine = terms.find((x) => x.table === c.table.id && nonZero(x.amount))!;
  const theirs = terms.find((x) => x.table !== c.table.id && nonZero(x.amount))!;
  const a = printed(mine);
  const b = printed(theirs);
  return t(ruleMessages, lang, 'unit-example', {
    cell: `${mine.ref.sheet}!${mine.ref.cell}`,
    value: show(a),
    unit: labelOf(mine),
    otherCell: `${theirs.ref.sheet}!${theirs.ref.cell}`,
    otherValue: show(b),
    otherUnit: labelOf(theirs),
  });
}

function evidenceCells(cs: Candidate[]): CellRef[] {
  const seen = new Set<string>();
  const out: CellRef[] = [];
  for (const c of cs) {
    for (const r of c.support) {
      for (const x of [r.target, ...r.parts]) {
        const k = `${x.ref.sheet}!${x.ref.cell}`;
        if (!seen.has(k)) {
          seen.add(k);
          out.push(x.ref);
        }
      }
    }
  }
  return out;
}

function labelFn(ctx: RuleContext): (x: Term) => Unit {
  return (x) => ctx.tables.find((t) => t.id === x.table)!.unit as Unit;
}

function definite(ctx: RuleContext, rule: RuleDef, c: Candidate, lang: Lang): Finding {
  const unit = unitCell(ctx, c.table);
  const at = unit.ref;
  const proposed = flip(c.label);
  const others = [...new Set(c.support.flatMap((r) => [r.target, ...r.parts]).filter((x) => x.table !== c.table.id).map((x) => x.table))]
    .map((id) => ctx.tables.find((t) => t.id === id)!)
    .map((tb) => named(tb, lang))
    .join(lang === 'zh-CN' ? '、' : ', ');
  // the statement as it should read ("金额单位：元" → "金额单位：万元"), when its cell was found
  const fixed = unit.text?.replace(/(单位\s*[:：]\s*)(万元|元)(\s*)$/, `$1${proposed}$3`);
  return {
    id: '',
    rule: rule.id,
    severity: rule.severity,
    status: 'fail',
    verdict: 'fails',
    message: t(ruleMessages, lang, 'unit-label', {
      table: named(c.table, lang),
      label: c.label,
      proposed,
      count: c.support.length,
      others,
      example: example(c, labelFn(ctx), lang),
    }),
    location: at,
    cells: [at, ...evidenceCells([c])],
    table: c.table.id,
    suspect: {
      sheet: at.sheet,
      cell: at.cell,
      ...(fixed !== undefined && fixed !== unit.text ? { proposed: fixed } : {}),
      reason: t(ruleMessages, lang, 'suspect-unit-label', { proposed }),
      signature: 'unit-label',
    },
  };
}

function either(ctx: RuleContext, rule: RuleDef, a: Candidate, b: Candidate, lang: Lang): Finding {
  const atA = unitCell(ctx, a.table).ref;
  const atB = unitCell(ctx, b.table).ref;
  const shared = a.support.filter((r) => b.support.includes(r));
  return {
    id: '',
    rule: rule.id,
    // which of the two labels is wrong is not known: a warning on the first table's unit, naming both
    severity: 'warning',
    status: 'fail',
    verdict: 'fails',
    message: t(ruleMessages, lang, 'unit-label-either', {
      a: named(a.table, lang),
      ua: a.label,
      b: named(b.table, lang),
      ub: b.label,
      count: shared.length,
      example: example({ ...a, support: shared }, labelFn(ctx), lang),
    }),
    location: atA,
    cells: [atA, atB, ...evidenceCells([{ ...a, support: shared }])],
    table: a.table.id,
  };
}
