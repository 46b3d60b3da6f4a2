/** Rule engine API: check a workbook (read through any adapter) against the rule packs. */
import type { Lang } from '../i18n';
import type { Recognition } from '../model/table';
import type { Workbook } from '../model/workbook';
import { recognise } from '../recognise';
import { runEngine, type CheckSummary, type EngineResult } from './engine';
import { genericPack } from './packs/generic';
import { juesuanPack } from './packs/juesuan';
import { yusuanPack } from './packs/yusuan';
import type { Finding, RulePack } from './types';

export const DEFAULT_PACKS: RulePack[] = [genericPack, juesuanPack, yusuanPack];

export interface CheckResult {
  recognition: Recognition;
  findings: Finding[];
  summary: CheckSummary;
  engine: EngineResult;
}

export interface CheckWorkbookOptions {
  lang?: Lang;
  packs?: RulePack[];
  /** a recognition already computed for this workbook */
  recognition?: Recognition;
}

export function checkWorkbook(workbook: Workbook, options: CheckWorkbookOptions = {}): CheckResult {
  const recognition = options.recognition ?? recognise(workbook);
  const engine = runEngine(workbook, recognition.tables, { lang: options.lang ?? 'zh-CN', packs: options.packs ?? DEFAULT_PACKS });
  return { recognition, findings: engine.findings, summary: engine.summary, engine };
}

export type { Finding, RulePack, RuleDef, Severity, Suspect } from './types';
export type { CheckSummary } from './engine';
