/** Rule engine API: check a workbook (read through any adapter) against the rule packs. */
import type { Lang } from '../i18n';
import type { Recognition } from '../model/table';
import type { Workbook } from '../model/workbook';
import { buildFacts, type FactBase } from '../facts';
import { checkNarrative } from '../narrative/check';
import type { Paragraph } from '../narrative/sources/types';
import { paragraphsFromWorkbook } from '../narrative/sources/workbook';
import { recognise } from '../recognise';
import { crossYearFindings } from './cross-year';
import { runEngine, type CheckSummary, type EngineResult } from './engine';
import { genericPack } from './packs/generic';
import { juesuanPack } from './packs/juesuan';
import { yusuanPack } from './packs/yusuan';
import { performancePack } from './packs/performance';
import { performanceChecks, type DirectCheck } from './functions/performance';
import { RuleContext } from './context';
import type { Finding, RulePack } from './types';

export const DEFAULT_PACKS: RulePack[] = [genericPack, juesuanPack, yusuanPack, performancePack];

export interface CheckResult {
  recognition: Recognition;
  findings: Finding[];
  summary: CheckSummary;
  engine: EngineResult;
  /** narrative claims checked (when the narrative was checked) */
  narrative?: { paragraphs: number; claims: number; passed: number };
  /** checks made outside the relation engine (the performance forms' rules), with their verdicts */
  checks: DirectCheck[];
}

export interface CheckWorkbookOptions {
  lang?: Lang;
  packs?: RulePack[];
  /** a recognition already computed for this workbook */
  recognition?: Recognition;
  /**
   * check the narrative too: `true` reads the workbook's prose sheets (情况说明), an array gives the paragraphs (from
   * a .txt/.docx file); off by default for library callers that want the tables only
   */
  narrative?: boolean | Paragraph[];
  /**
   * last year's facts (from its workbook): this year's opening balances are checked against its closing balances, and
   * the narrative's year-on-year figures against its tables
   */
  prior?: FactBase;
}

/** The summary with more findings and passed checks counted in. */
function counted(summary: CheckSummary, findings: readonly Finding[], passed: number): CheckSummary {
  const n = (p: (f: Finding) => boolean) => findings.filter(p).length;
  return {
    errors: summary.errors + n((f) => f.severity === 'error'),
    warnings: summary.warnings + n((f) => f.severity === 'warning'),
    infos: summary.infos + n((f) => f.severity === 'info'),
    passed: summary.passed + passed,
    cannotEvaluate: summary.cannotEvaluate + n((f) => f.status === 'cannot-evaluate'),
  };
}

export function checkWorkbook(workbook: Workbook, options: CheckWorkbookOptions = {}): CheckResult {
  const recognition = options.recognition ?? recognise(workbook);
  const lang = options.lang ?? 'zh-CN';
  const packs = options.packs ?? DEFAULT_PACKS;
  const engine = runEngine(workbook, recognition.tables, { lang, packs });
  // the performance self-evaluation forms are read by meaning and checked outside the relation engine
  const perf = performanceChecks(new RuleContext(workbook, recognition.tables), packs.flatMap((p) => p.rules), lang);
  if (perf.checks.length > 0) {
    engine.findings.push(...perf.findings);
    const held = perf.checks.filter((c) => c.verdict === 'holds' || c.verdict === 'rounding' || c.verdict === 'vacuous').length;
    engine.summary = counted(engine.summary, perf.findings, held);
  }
  if (options.prior) {
    // this year's opening balances against last year's closing balances (XJ-20)
    const cross = crossYearFindings(buildFacts(workbook, recognition), options.prior, lang);
    engine.findings.push(...cross.findings);
    engine.summary = counted(engine.summary, cross.findings, cross.passed);
  }
  if (!options.narrative) return { recognition, findings: engine.findings, summary: engine.summary, engine, checks: perf.checks };
  const paragraphs = Array.isArray(options.narrative) ? options.narrative : paragraphsFromWorkbook(workbook, recognition);
  const reportYear = recognition.tables.find((t) => t.year)?.year;
  const narrative = checkNarrative(paragraphs, buildFacts(workbook, recognition), { lang, reportYear, prior: options.prior });
  const findings: Finding[] = [...engine.findings, ...narrative.findings];
  const summary = counted(engine.summary, narrative.findings, narrative.passed);
  return { recognition, findings, summary, engine, checks: perf.checks, narrative: { paragraphs: paragraphs.length, claims: narrative.claims, passed: narrative.passed } };
}

export type { Finding, RulePack, RuleDef, Severity, Suspect } from './types';
export type { CheckSummary } from './engine';
