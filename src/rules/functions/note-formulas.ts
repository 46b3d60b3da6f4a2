/**
 * Formulas printed in table notes that cannot be checked (rule generic.declared-formula-readable). The declared-formula
 * rule (relations.ts) evaluates every formula it can apply and skips the others; this check reports each one it skipped,
 * so that a reviewer does not believe a printed check was made:
 *   - a fragment that looks like a formula but cannot be read (the parser's `problems`: "27行=（1+…+）行", "5栏=2栏+");
 *   - a formula naming a 行次/栏次 the table does not print (the total's line, a column), or a table printing none;
 *   - a row formula adding lines of the other half of a two-sided table (the formula was misread or misprinted).
 * These are warnings that cannot be evaluated. A formula whose added lines are not printed anywhere in the table is
 * still checked with them as blank (a spacer line left out of the print, as relations.ts does): an information note.
 * The finding sits on the note's cell and carries the formula as printed in `text`.
 */
import { t, type Lang } from '../../i18n';
import { a1 } from '../../model/address';
import type { RecognisedTable, TableNote } from '../../model/table';
import type { RuleContext } from '../context';
import { parseNoteFormulas, type NoteFormula } from '../formula/parse';
import { ruleMessages } from '../messages';
import type { Finding, RuleDef, Severity } from '../types';

type Issue =
  | { key: 'formula-no-hangci' | 'formula-no-lanci'; severity: Severity }
  | { key: 'formula-row-missing' | 'formula-rows-split' | 'formula-rows-blank' | 'formula-col-missing'; severity: Severity; numbers: number[] };

/** "5、6、9～12" / "5, 6, 9–12": consecutive numbers folded into ranges (a misread range may name hundreds). */
export function numberList(ns: number[], lang: Lang): string {
  const sorted = [...new Set(ns)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    const dash = lang === 'zh-CN' ? '～' : '–';
    runs.push(j - i >= 2 ? `${sorted[i]}${dash}${sorted[j]}` : sorted.slice(i, j + 1).join(lang === 'zh-CN' ? '、' : ', '));
    i = j + 1;
  }
  return runs.join(lang === 'zh-CN' ? '、' : ', ');
}

/** Why a `N行=(…)行` formula cannot be checked as relations.ts would check it, or undefined when it can. */
function rowIssue(table: RecognisedTable, f: NoteFormula): Issue | undefined {
  const printed = new Set<number>();
  for (const p of table.parts) for (const r of p.rows) if (r.hangci !== undefined) printed.add(r.hangci);
  if (printed.size === 0) return { key: 'formula-no-hangci', severity: 'warning' };
  const withTarget = table.parts.filter((p) => p.rows.some((r) => r.hangci === f.target));
  if (withTarget.length === 0) return { key: 'formula-row-missing', severity: 'warning', numbers: [f.target] };
  const split: number[] = [];
  const blank: number[] = [];
  for (const part of withTarget) {
    const here = new Set(part.rows.map((r) => r.hangci));
    for (const term of f.terms) {
      if (here.has(term.index)) continue;
      if (printed.has(term.index)) split.push(term.index);
      else blank.push(term.index);
    }
  }
  if (split.length > 0) return { key: 'formula-rows-split', severity: 'warning', numbers: split };
  if (blank.length > 0) return { key: 'formula-rows-blank', severity: 'info', numbers: blank };
  return undefined;
}

/** Why a `N栏(各行)=(…)栏(各行)` formula cannot be checked, or undefined when it can. */
function colIssue(table: RecognisedTable, f: NoteFormula): Issue | undefined {
  const printed = new Set<number>();
  for (const p of table.parts) for (const c of p.columns) if (c.lanci !== undefined) printed.add(c.lanci);
  if (printed.size === 0) return { key: 'formula-no-lanci', severity: 'warning' };
  const withTarget = table.parts.filter((p) => p.columns.some((c) => c.lanci === f.target));
  if (withTarget.length === 0) return { key: 'formula-col-missing', severity: 'warning', numbers: [f.target] };
  const missing: number[] = [];
  for (const part of withTarget) {
    const here = new Set(part.columns.map((c) => c.lanci));
    for (const term of f.terms) if (!here.has(term.index)) missing.push(term.index);
  }
  return missing.length > 0 ? { key: 'formula-col-missing', severity: 'warning', numbers: missing } : undefined;
}

function render(lang: Lang, formula: string, issue: Issue): string {
  switch (issue.key) {
    case 'formula-no-hangci':
    case 'formula-no-lanci':
      return t(ruleMessages, lang, issue.key, { formula });
    case 'formula-col-missing':
      return t(ruleMessages, lang, issue.key, { formula, cols: numberList(issue.numbers, lang), count: new Set(issue.numbers).size });
    default:
      return t(ruleMessages, lang, issue.key, { formula, rows: numberList(issue.numbers, lang), count: new Set(issue.numbers).size });
  }
}

export function declaredFormulaFindings(ctx: RuleContext, rule: RuleDef, lang: Lang): Finding[] {
  const out: Finding[] = [];
  const finding = (table: RecognisedTable, note: TableNote, severity: Severity, message: string, text: string): Finding => {
    const at = { sheet: table.sheet, cell: a1(note.row, note.col) };
    return { id: '', rule: rule.id, severity, status: 'cannot-evaluate', verdict: 'cannot', message, location: at, cells: [at], table: table.id, text };
  };
  for (const table of ctx.tablesOf(rule.given.kinds)) {
    // an empty table (本表无数据) has nothing to check: the declared-formula rule skips it too
    if (table.empty) continue;
    for (const note of table.notes) {
      const { formulas, problems } = parseNoteFormulas(note.text);
      for (const p of problems) {
        out.push(finding(table, note, 'warning', t(ruleMessages, lang, 'formula-unreadable', { text: p.text }), p.text));
      }
      for (const f of formulas) {
        const issue = f.axis === 'row' ? rowIssue(table, f) : colIssue(table, f);
        if (issue) out.push(finding(table, note, issue.severity, render(lang, f.source, issue), f.source));
      }
    }
  }
  return out;
}
