/**
 * `check` as a library function: read a workbook, recognise its tables, run the rule packs, return the data. Printing
 * is the formatters' job (src/cli/format/check-*.ts); the exit code follows from the report (`checkExitCode`).
 */
import { readXlsxFile, type ReadOptions } from '../adapters/exceljs';
import type { Lang } from '../i18n';
import type { Recognition } from '../model/table';
import type { Workbook } from '../model/workbook';
import { recognise as recogniseWorkbook } from '../recognise';
import { buildFacts, type FactBase } from '../facts';
import { readWaiversFromXlsx } from '../adapters/waivers-xlsx';
import { paragraphsFromFile } from '../narrative/sources';
import { applyWaivers } from '../waivers';
import { checkWorkbook, DEFAULT_PACKS, type CheckSummary, type Finding, type RulePack } from '../rules';
import { ExitCode, type ExitCodeValue } from './exit-codes';

export interface CheckReport {
  /** the file as the user named it */
  file: string;
  /** sheet names in workbook order */
  sheets: string[];
  /** the language the finding messages were rendered in */
  lang: Lang;
  recognition: Recognition;
  /** in the engine's order */
  findings: Finding[];
  summary: CheckSummary;
  /** the rule packs the workbook was checked against (rule metadata for SARIF) */
  packs: RulePack[];
}

export interface CheckFileOptions {
  /** language of the finding messages (default zh-CN) */
  lang?: Lang;
  /** passed to the reader */
  read?: ReadOptions;
  /** reader to use instead of readXlsxFile (tests, other hosts) */
  readWorkbook?: (path: string, options?: ReadOptions) => Promise<Workbook>;
  /** recogniser to use instead of recognise() */
  recognise?: (workbook: Workbook) => Recognition;
  /** rule packs (default: DEFAULT_PACKS) */
  packs?: RulePack[];
  /** check the narrative: true (default) reads the workbook's prose sheets; a path reads a .txt/.docx file; false skips */
  narrative?: boolean | string;
  /** last year's workbook: the narrative's year-on-year figures are checked against its tables */
  prior?: string;
}

/** Reads, recognises and checks `path`. Throws CrossfootError for any bad input (from the reader). */
export async function checkFile(path: string, options: CheckFileOptions = {}): Promise<CheckReport> {
  const read = options.readWorkbook ?? readXlsxFile;
  const rec = options.recognise ?? recogniseWorkbook;
  const lang = options.lang ?? 'zh-CN';
  const packs = options.packs ?? DEFAULT_PACKS;
  const workbook = await read(path, options.read);
  const recognition = rec(workbook);
  const narrative = typeof options.narrative === 'string' ? await paragraphsFromFile(options.narrative) : options.narrative ?? true;
  let prior: FactBase | undefined;
  if (options.prior) {
    const last = await read(options.prior, options.read);
    prior = buildFacts(last, rec(last));
  }
  const result = checkWorkbook(workbook, { lang, packs, recognition, narrative, prior });
  // waivers (出错说明) the add-in stored in the workbook: an accepted finding is flagged and no longer counted
  const waivers = options.readWorkbook ? [] : await readWaiversFromXlsx(path);
  let findings = result.findings;
  let summary = result.summary;
  if (waivers.length > 0) {
    findings = applyWaivers(findings, waivers, result.recognition.tables).findings;
    const waived = findings.filter((f) => f.waived);
    summary = {
      ...summary,
      errors: summary.errors - waived.filter((f) => f.severity === 'error').length,
      warnings: summary.warnings - waived.filter((f) => f.severity === 'warning').length,
    };
  }
  return {
    file: path,
    sheets: workbook.sheets.map((s) => s.name),
    lang,
    recognition: result.recognition,
    findings,
    summary,
    packs,
  };
}

/**
 * 1 when a finding at or above the failing severity exists (error: errors only; warning: errors or warnings), else 0.
 * Infos never fail, nor does a finding a reviewer accepted with a reason (出错说明) while its figures are unchanged.
 */
export function exitCodeFor(findings: readonly Pick<Finding, 'severity' | 'waived'>[], failOn: 'error' | 'warning' = 'error'): ExitCodeValue {
  const fails = (f: Pick<Finding, 'severity' | 'waived'>) =>
    !f.waived && (f.severity === 'error' || (failOn === 'warning' && f.severity === 'warning'));
  return findings.some(fails) ? ExitCode.Findings : ExitCode.Ok;
}

/** The default policy: 1 when any finding not waived has error severity, else 0. */
export function checkExitCode(report: Pick<CheckReport, 'findings'>): ExitCodeValue {
  return exitCodeFor(report.findings);
}
