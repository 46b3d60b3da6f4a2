/** `check --format json` for a batch: `{"files": [...], "summary": {...}}`, one row per file in input order. */
import type { Lang } from '../../i18n';
import type { BatchResult } from '../batch';

export interface BatchJson {
  lang: Lang;
  jobs: number;
  files: {
    file: string;
    department: string | null;
    year: number | null;
    tables: number;
    errors: number;
    warnings: number;
    infos: number;
    passed: number;
    cannotCheck: number;
    status: string;
    failing: boolean;
    error: { code: string; message: string } | null;
  }[];
  summary: BatchResult['summary'];
}

export function batchJson(result: BatchResult, lang: Lang): BatchJson {
  return {
    lang,
    jobs: result.jobs,
    files: result.files.map((r) => ({
      file: r.file,
      department: r.department ?? null,
      year: r.year ?? null,
      tables: r.tables,
      errors: r.errors,
      warnings: r.warnings,
      infos: r.infos,
      passed: r.passed,
      cannotCheck: r.cannotCheck,
      status: r.status,
      failing: r.failing,
      error: r.error ?? null,
    })),
    summary: result.summary,
  };
}

export function formatBatchJson(result: BatchResult, lang: Lang): string {
  return `${JSON.stringify(batchJson(result, lang), null, 2)}\n`;
}
