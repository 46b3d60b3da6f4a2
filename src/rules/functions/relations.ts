/**
 * Check functions: each turns recognised tables into concrete relations over cells, following a rule's data.
 */
import type { RecognisedTable, TableColumn, TablePart, TableRow } from '../../model/table';
import { kindName } from '../../i18n/kinds';
import { parseNoteFormulas, type NoteFormula } from '../formula/parse';
import { findColumn, findRow, type FigureSel, type RuleContext } from '../context';
import type { CheckSpec, Gap, Generated, LocalText, Relation, RuleDef, Term } from '../types';

const lt = (zh: string, en: string): LocalText => ({ 'zh-CN': zh, 'en-US': en });

export function declaredFormulasOf(table: RecognisedTable): NoteFormula[] {
  return table.notes.flatMap((n) => parseNoteFormulas(n.text).formulas);
}

function rel(rule: RuleDef, target: Term, parts: Term[], op: Relation['op'], describe: LocalText): Relation {
  return { rule: rule.id, target, parts, op, soft: !!rule.soft, describe };
}

/**
 * Where a check function puts what it generates. The terms are the emitter's own: full `Term`s (`generate`, below), or
 * the lean engine's handles (../lean.ts), which evaluates each relation as it comes without building objects for the
 * figures of sums that hold. A term is valid until the next relation is added; `describe` is called only when the text
 * is needed (the description of a relation that holds is never built by the lean engine).
 */
export interface Emitter<T> {
  term(table: RecognisedTable, part: TablePart, row: TableRow, column: TableColumn, weight?: number): T;
  add(rule: RuleDef, target: T, parts: T[], op: Relation['op'], describe: () => LocalText): void;
  /** a relation built whole from full terms (ties: figures resolved and converted across tables) */
  addBuilt(r: Relation): void;
  gap(g: Gap): void;
  /** called before the relations of each table (undefined: ties, which span tables) */
  begin?(table: RecognisedTable | undefined): void;
}

/** The emitter that builds every relation as an object (`generate`; the reference the lean engine is tested against). */
export class CollectEmitter implements Emitter<Term> {
  readonly out: Generated = { relations: [], gaps: [] };
  constructor(private readonly ctx: RuleContext) {}
  term(table: RecognisedTable, part: TablePart, row: TableRow, column: TableColumn, weight = 1): Term {
    return this.ctx.term(table, part, row, column, weight);
  }
  add(rule: RuleDef, target: Term, parts: Term[], op: Relation['op'], describe: () => LocalText): void {
    this.out.relations.push(rel(rule, target, parts, op, describe()));
  }
  addBuilt(r: Relation): void {
    this.out.relations.push(r);
  }
  gap(g: Gap): void {
    this.out.gaps.push(g);
  }
}

/** Value columns and rows of a part, as a matrix accessor. */
function valueColumns(part: TablePart): TableColumn[] {
  return part.columns;
}

// —— declared formulas ——————————————————————————————————————————————————————————————

function declared<T>(rule: RuleDef, table: RecognisedTable, out: Emitter<T>): void {
  for (const f of declaredFormulasOf(table)) {
    if (f.axis === 'row') {
      // N行 = Σ 行: the rows may sit in either half of a two-sided table; evaluate in every value column of the part
      // that holds the target row.
      for (const part of table.parts) {
        const targetRow = part.rows.find((r) => r.hangci === f.target);
        if (!targetRow) continue;
        const byHangci = new Map(part.rows.filter((r) => r.hangci !== undefined).map((r) => [r.hangci!, r]));
        const missing = f.terms.filter((t) => !byHangci.has(t.index));
        // a term whose 行次 is not printed in this part: a spacer row left out of the print counts as blank (0), but
        // a row that belongs to the other half means the formula was misread: skip the formula then.
        if (missing.some((t) => table.parts.some((p) => p !== part && p.rows.some((r) => r.hangci === t.index)))) continue;
        for (const col of valueColumns(part)) {
          const target = out.term(table, part, targetRow, col);
          const parts = f.terms
            .map((t) => byHangci.get(t.index))
            .map((r, i) => (r ? out.term(table, part, r, col, f.terms[i].weight) : undefined))
            .filter((x): x is T => x !== undefined);
          const where = col.lanci !== undefined ? `${col.lanci}栏` : col.label;
          out.add(rule, target, parts, 'eq', () => lt(`${table.title}：${f.source}（${where}）`, `${table.title}: ${f.source} (column ${where})`));
        }
      }
    } else {
      for (const part of table.parts) {
        const byLanci = new Map(part.columns.filter((c) => c.lanci !== undefined).map((c) => [c.lanci!, c]));
        const targetCol = byLanci.get(f.target);
        if (!targetCol) continue;
        // a column the table does not have: reported on the note by generic.declared-formula-readable (note-formulas.ts)
        if (f.terms.some((t) => !byLanci.has(t.index))) continue;
        for (const row of part.rows) {
          if (!row.label && !row.code && row.cells.every((c) => !c)) continue;
          const target = out.term(table, part, row, targetCol);
          const parts = f.terms.map((t) => out.term(table, part, row, byLanci.get(t.index)!, t.weight));
          const where = row.code ?? (row.label || row.key || `#${row.row}`);
          out.add(rule, target, parts, 'eq', () => lt(`${table.title}：${f.source}（${where}）`, `${table.title}: ${f.source} (row ${where})`));
        }
      }
    }
  }
}

function rowName(row: TableRow): string {
  return row.code ?? (row.label || row.key || `#${row.row}`);
}

// —— code footing ———————————————————————————————————————————————————————————————————

/** Children of each coded row by prefix: the nearest coded ancestor owns a row (missing middle levels tolerated). */
export function codeChildren(rows: TableRow[]): { parentOf: Map<TableRow, TableRow | undefined>; children: Map<TableRow, TableRow[]> } {
  const coded = rows.filter((r) => r.code);
  const parentOf = new Map<TableRow, TableRow | undefined>();
  const children = new Map<TableRow, TableRow[]>();
  // code → the first row printing it, per code system: the parent is the longest shorter prefix that is printed
  const firstByCode = new Map<TableRow['codeSystem'], Map<string, TableRow>>();
  for (const r of coded) {
    let m = firstByCode.get(r.codeSystem);
    if (!m) {
      m = new Map();
      firstByCode.set(r.codeSystem, m);
    }
    if (!m.has(r.code!)) m.set(r.code!, r);
  }
  for (const r of coded) {
    const m = firstByCode.get(r.codeSystem)!;
    const code = r.code!;
    let best: TableRow | undefined;
    for (let len = code.length - 1; len >= 1 && !best; len--) best = m.get(code.slice(0, len));
    parentOf.set(r, best);
    if (best) {
      const list = children.get(best);
      if (list) list.push(r);
      else children.set(best, [r]);
    }
  }
  return { parentOf, children };
}

function footing<T>(rule: RuleDef, table: RecognisedTable, out: Emitter<T>): void {
  for (const part of table.parts) {
    const coded = part.rows.filter((r) => r.code);
    if (coded.length === 0) continue;
    const { parentOf, children } = codeChildren(part.rows);
    // duplicated codes would double count: leave such tables to other rules
    const seen = new Set<string>();
    let duplicate = false;
    for (const r of coded) {
      if (seen.has(r.code!)) duplicate = true;
      seen.add(r.code!);
    }
    if (duplicate) continue;
    for (const col of valueColumns(part)) {
      for (const [parent, kids] of children) {
        out.add(
          rule,
          out.term(table, part, parent, col),
          kids.map((k) => out.term(table, part, k, col)),
          'eq',
          () =>
            lt(
              `${table.title}：${parent.code} ${parent.label} = Σ 下级科目（${col.label}）`,
              `${table.title}: ${parent.code} ${parent.label} = Σ its sub-items (${col.label})`,
            ),
        );
      }
      // 合计 = Σ top-level codes, per code system (function 类; economic 类 except in the blocks of J6, whose
      // footers 人员经费合计/公用经费合计 have rules of their own)
      const total = part.rows.find((r) => r.key === 'total' && !r.code);
      if (!total) continue;
      const systems = [
        { economic: false, applies: table.kind !== 'juesuan.basic-expenditure', zh: '类', en: 'classes' },
        { economic: true, applies: true, zh: '经济分类类级科目', en: 'economic classes' },
      ];
      for (const sys of systems) {
        const tops = coded.filter((r) => !parentOf.get(r) && (r.codeSystem === 'economic') === sys.economic);
        if (!sys.applies || tops.length === 0) continue;
        out.add(
          rule,
          out.term(table, part, total, col),
          tops.map((k) => out.term(table, part, k, col)),
          'eq',
          () => lt(`${table.title}：合计 = Σ ${sys.zh}（${col.label}）`, `${table.title}: total = Σ ${sys.en} (${col.label})`),
        );
      }
    }
  }
}

// —— template sums ——————————————————————————————————————————————————————————————————

function hasDeclared(table: RecognisedTable, axis: 'row' | 'col'): boolean {
  return declaredFormulasOf(table).some((f) => f.axis === axis);
}

function columnSum<T>(rule: RuleDef, spec: Extract<CheckSpec, { fn: 'columnSum' }>, table: RecognisedTable, out: Emitter<T>): void {
  if (spec.unlessDeclared && hasDeclared(table, 'col')) return;
  for (const part of table.parts) {
    const target = part.columns.find((c) => c.key === spec.target);
    if (!target) continue;
    const parts = spec.parts
      .map((p) => (typeof p === 'string' ? { key: p, weight: 1 } : p))
      .map((p) => ({ col: part.columns.find((c) => c.key === p.key), weight: p.weight }))
      .filter((p): p is { col: TableColumn; weight: number } => !!p.col);
    if (parts.length === 0) continue;
    for (const row of part.rows) {
      if (!row.label && !row.code && row.cells.every((c) => !c)) continue;
      out.add(
        rule,
        out.term(table, part, row, target),
        parts.map((p) => out.term(table, part, row, p.col, p.weight)),
        'eq',
        () =>
          lt(
            `${table.title}：${target.label} = ${parts.map((p) => (p.weight < 0 ? '− ' : '') + p.col.label).join(' + ')}（${rowName(row)}）`,
            `${table.title}: ${target.label} = ${parts.map((p) => (p.weight < 0 ? '− ' : '') + p.col.label).join(' + ')} (${rowName(row)})`,
          ),
      );
    }
  }
}

const PERSONNEL = ['301', '303'];
const PUBLIC = ['302', '307', '309', '310', '312', '313', '399'];

function rowSum<T>(rule: RuleDef, spec: Extract<CheckSpec, { fn: 'rowSum' }>, table: RecognisedTable, out: Emitter<T>): void {
  if (spec.unlessDeclared && hasDeclared(table, 'row')) return;
  // economic groups may sit in any block of the table
  const allRows = table.parts.flatMap((p) => p.rows.map((r) => ({ part: p, row: r })));
  for (const part of table.parts) {
    if (spec.side && part.side !== spec.side) continue;
    const targetRow = findRow(part, spec.target);
    if (!targetRow) continue;
    let partRows: Array<{ part: TablePart; row: TableRow; weight: number }>;
    if (spec.parts === 'classes') {
      partRows = part.rows.filter((r) => r.level === 1 && r.code).map((r) => ({ part, row: r, weight: 1 }));
    } else if (spec.parts === 'economic-personnel' || spec.parts === 'economic-public') {
      const codes = spec.parts === 'economic-personnel' ? PERSONNEL : PUBLIC;
      partRows = allRows.filter((x) => x.row.code && codes.includes(x.row.code)).map((x) => ({ ...x, weight: 1 }));
    } else {
      partRows = spec.parts
        .map((sel) => ({ r: findRow(part, sel), w: sel.weight ?? 1 }))
        .filter((x): x is { r: TableRow; w: number } => !!x.r)
        .map((x) => ({ part, row: x.r, weight: x.w }));
    }
    if (partRows.length === 0) continue;
    const cols = spec.cols ? spec.cols.map((c) => findColumn(part, c)).filter((c): c is TableColumn => !!c) : part.columns;
    for (const col of cols) {
      const idx = part.columns.indexOf(col);
      const terms = partRows
        .map((x) => {
          const c = x.part === part ? col : x.part.columns[idx] ?? x.part.columns[0];
          return c ? out.term(table, x.part, x.row, c, x.weight) : undefined;
        })
        .filter((x): x is T => x !== undefined);
      out.add(
        rule,
        out.term(table, part, targetRow, col),
        terms,
        'eq',
        () =>
          lt(
            `${table.title}：${targetRow.label} = ${partRows.map((x) => (x.weight < 0 ? '− ' : '') + (x.row.code ?? x.row.label)).join(' + ')}（${col.label}）`,
            `${table.title}: ${targetRow.label} = ${partRows.map((x) => (x.weight < 0 ? '− ' : '') + (x.row.code ?? x.row.label)).join(' + ')} (${col.label})`,
          ),
      );
    }
  }
}

// —— ties ————————————————————————————————————————————————————————————————————————————

function tie<T>(ctx: RuleContext, rule: RuleDef, spec: Extract<CheckSpec, { fn: 'tie' }>, out: Emitter<T>): void {
  const expand = (sel: FigureSel, code: string | undefined): FigureSel =>
    code === undefined ? sel : { ...sel, row: { ...sel.row, key: undefined, code } };
  const codes: Array<string | undefined> = [];
  if (spec.each === 'class') {
    const set = new Set<string>();
    for (const sel of [spec.left, ...spec.right]) {
      for (const t of ctx.tablesOf(sel.kind)) {
        for (const p of t.parts) {
          if (sel.side && p.side !== sel.side) continue;
          for (const r of p.rows) if (r.level === 1 && r.code && r.codeSystem === 'function') set.add(r.code);
        }
      }
    }
    codes.push(...[...set].sort());
  } else codes.push(undefined);

  for (const code of codes) {
    const rawLeft = ctx.resolve(expand(spec.left, code));
    const rawRights = spec.right.map((s) => ({ sel: s, term: ctx.resolve(expand(s, code), s.weight ?? 1) }));
    // convert 元 figures to 万元 only when the two sides print different units
    const units = new Set([rawLeft, ...rawRights.map((r) => r.term)].filter((t): t is Term => !!t).map((t) => unitOf(ctx, t)));
    const mixed = units.size > 1;
    const left = normalise(ctx, rawLeft, mixed);
    const rights = rawRights.map((r) => ({ sel: r.sel, term: normalise(ctx, r.term, mixed) })).filter((r) => r.term || !r.sel.optional);
    const leftPresent = ctx.tablesOf(spec.left.kind).length > 0;
    const rightPresent = spec.right.every((s) => s.optional || ctx.tablesOf(s.kind).length > 0);
    if (rights.length === 0) continue;
    if (!leftPresent || !rightPresent) continue; // a needed table is absent: reported once by the engine
    if (code !== undefined) {
      // a class printed in one table and absent from the other: the missing side counts as blank only if the other
      // table prints rows at that level at all
      if (!left && rights.every((r) => !r.term)) continue;
      if (!left || rights.some((r) => !r.term)) {
        const present = left ?? rights.find((r) => r.term)!.term!;
        if (!present.amount.value || present.amount.value.isZero()) continue;
        out.gap({
          rule: rule.id,
          location: present.ref,
          table: present.table,
          need: lt(`科目 ${code} 只出现在一张表中`, `subject ${code} appears in one table only`),
        });
        continue;
      }
    }
    if (!left || rights.some((r) => !r.term)) {
      const anchor = left ?? rights.find((r) => r.term)?.term;
      if (anchor) {
        out.gap({
          rule: rule.id,
          location: anchor.ref,
          table: anchor.table,
          need: lt('关联表中找不到对应的行或栏', 'the matching row or column was not found in the related table'),
        });
      }
      continue;
    }
    const parts = rights.map((r) => r.term!);
    const sign = spec.op === 'ge' ? '≥' : spec.op === 'le' ? '≤' : '=';
    const where = (t: Term, lang: 'zh-CN' | 'en-US') => {
      const table = ctx.tables.find((x) => x.id === t.table);
      const name = table ? kindName(table.kind, lang) : t.table;
      return lang === 'zh-CN' ? `${name}“${t.name}”` : `${name} "${t.name}"`;
    };
    out.addBuilt(
      rel(
        rule,
        left,
        parts,
        spec.op,
        lt(
          `${where(left, 'zh-CN')} ${sign} ${parts.map((p) => where(p, 'zh-CN')).join(' + ')}`,
          `${where(left, 'en-US')} ${sign} ${parts.map((p) => where(p, 'en-US')).join(' + ')}`,
        ),
      ),
    );
  }
}

/**
 * Ties compare figures across tables that may print different units (Shanghai budgets: 元 tables, a 万元 三公 table):
 * express a 元 figure in 万元 exactly, its printed precision shifted by four places (domain §5.4).
 */
function unitOf(ctx: RuleContext, term: Term): string | null {
  return ctx.tables.find((t) => t.id === term.table)?.unit ?? null;
}

function normalise(ctx: RuleContext, term: Term | undefined, convert: boolean): Term | undefined {
  if (!term) return term;
  const table = ctx.tables.find((t) => t.id === term.table);
  // an empty table (本表无数据) stands for zeros, whatever its 合计 line says in words
  if (table?.empty) return { ...term, amount: { kind: 'blank', value: null, decimals: 0, raw: term.amount.raw } };
  if (!convert || table?.unit !== '元') return term;
  const a = term.amount;
  if ((a.kind !== 'number' && a.kind !== 'percent') || !a.value) return { ...term, scaleDecimals: 4 };
  return { ...term, amount: { ...a, value: a.value.div(10000), decimals: a.decimals + 4 }, scaleDecimals: 4, name: `${term.name}（元→万元）` };
}

/** Run one rule over the context. */
/** A rule whose `requires` tables are not all present does not apply to this workbook (another region's layout). */
export function applies(ctx: RuleContext, rule: RuleDef): boolean {
  return (rule.given.requires ?? []).every((k) => ctx.tablesOf(k).length > 0);
}

export function generate(ctx: RuleContext, rule: RuleDef): Generated {
  const e = new CollectEmitter(ctx);
  generateInto(ctx, rule, e);
  return e.out;
}

/**
 * Run one rule into an emitter, table by table in the order of `ctx.tables` (ties at once); `only` limits it to one
 * table (the lean engine rebuilds the relations of one table that way; a table's relations come out the same each time).
 */
export function generateInto<T>(ctx: RuleContext, rule: RuleDef, out: Emitter<T>, only?: RecognisedTable): void {
  if (!applies(ctx, rule)) return;
  const spec = rule.then;
  if (spec.fn === 'tie') {
    out.begin?.(undefined);
    tie(ctx, rule, spec, out);
    return;
  }
  for (const table of ctx.tablesOf(rule.given.kinds)) {
    if (table.empty || (only && table !== only)) continue;
    out.begin?.(table);
    switch (spec.fn) {
      case 'declaredFormulas':
        declared(rule, table, out);
        break;
      case 'codeFooting':
        footing(rule, table, out);
        break;
      case 'columnSum':
        columnSum(rule, spec, table, out);
        break;
      case 'rowSum':
        rowSum(rule, spec, table, out);
        break;
    }
  }
}
