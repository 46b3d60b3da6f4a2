/**
 * `draft --format json`: the drafts as data. Language-neutral, no colours, every key always present (null where a
 * value is missing, [] for no missing tables), keys in a fixed order.
 */
import type { DraftParagraph, DraftTemplate } from '../../narrative/draft';
import type { DraftReport } from '../commands/draft';

export interface DraftJsonSection {
  id: string;
  title: string;
  paragraphs: DraftParagraph[];
  missing: string[];
}

export interface DraftJson {
  file: string;
  prior: string | null;
  regime: 'juesuan' | 'yusuan' | null;
  year: number | null;
  department: string | null;
  template: DraftTemplate;
  sections: DraftJsonSection[];
  summary: { sections: number; paragraphs: number; figures: number; placeholders: number };
}

export function draftJson(report: DraftReport): DraftJson {
  const sections = report.sections.map((s) => ({
    id: s.id,
    title: s.title,
    paragraphs: s.paragraphs.map((p) => ({
      text: p.text,
      figures: p.figures.map((f) => ({
        factKey: f.factKey,
        cell: { sheet: f.cell.sheet, cell: f.cell.cell },
        span: f.span,
        printed: f.printed,
        kind: f.kind,
        unit: f.unit,
        ...(f.inputs ? { inputs: f.inputs } : {}),
      })),
      placeholders: p.placeholders.map((x) => ({ kind: x.kind, span: x.span, label: x.label })),
    })),
    missing: [...(s.missing ?? [])],
  }));
  const paragraphs = sections.flatMap((s) => s.paragraphs);
  return {
    file: report.file,
    prior: report.prior ?? null,
    regime: report.regime ?? null,
    year: report.year ?? null,
    department: report.department ?? null,
    template: report.template,
    sections,
    summary: {
      sections: sections.length,
      paragraphs: paragraphs.length,
      figures: paragraphs.reduce((n, p) => n + p.figures.length, 0),
      placeholders: paragraphs.reduce((n, p) => n + p.placeholders.length, 0),
    },
  };
}

export function formatDraftJson(report: DraftReport): string {
  return `${JSON.stringify(draftJson(report), null, 2)}\n`;
}
