/**
 * The audit report (审核报告): one self-contained, printable HTML page in zh-CN (en-US with --lang).
 *
 * Sections: header (department, year, kind, file, its SHA-256, time, tool and rule-pack versions), conclusion (counts
 * and verdict), charts from facts (src/report/charts.ts), findings by table (errors and warnings with their figures
 * and suspect cells), the narrative paragraphs with every checked claim highlighted (a finding's `span`), and an
 * appendix listing the infos (within rounding, cannot check). Every finding of the report appears exactly once, with
 * `data-finding` = its id. No scripts, no external resources (system CJK fonts); all text escaped.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { readXlsxFile, type ReadOptions } from '../adapters/exceljs';
import { buildFacts, type FactBase } from '../facts';
import { t, type Lang } from '../i18n';
import { kindName } from '../i18n/kinds';
import type { RecognisedTable, Recognition } from '../model/table';
import type { Workbook } from '../model/workbook';
import { paragraphsFromFile, paragraphsFromWorkbook, type Paragraph } from '../narrative/sources';
import { recognise as recogniseWorkbook } from '../recognise';
import type { Finding, Severity } from '../rules/types';
import { checkFile, type CheckReport } from '../cli/check';
import { checkCounts, sheetCell, sortFindings, tableOf } from '../cli/format/check-common';
import { sheetRange } from '../cli/format/table-summary';
import { barChart, donutChart, expenditureItems, firstWan, incomeItems, pairChart, type Pair } from './charts';
import { escapeHtml as esc } from './escape';
import { reportMessages } from './messages';

export interface HtmlReportData {
  report: CheckReport;
  /** facts of the checked workbook (charts); no charts without */
  facts?: FactBase;
  /** last year's facts and file (charts compare with them) */
  prior?: { file: string; facts: FactBase };
  /** the narrative paragraphs the findings' spans point into */
  paragraphs: Paragraph[];
  /** SHA-256 of the input file, hex */
  sha256: string;
  /** crossfoot's version */
  version: string;
  /** the time printed in the header (default: now) */
  generatedAt?: Date;
}

const m = (lang: Lang) => <K extends keyof (typeof reportMessages)['zh-CN'] & string>(key: K, ...p: unknown[]) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  (t as any)(reportMessages, lang, key, ...p) as string;

function severityName(sev: Severity, lang: Lang): string {
  const msg = m(lang);
  return sev === 'error' ? msg('severity.error') : sev === 'warning' ? msg('severity.warning') : msg('severity.info');
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Where a paragraph-finding points: the paragraph location as the narrative checker writes it. */
function paragraphKey(p: Paragraph): string {
  return 'sheet' in p.location ? `${p.location.sheet}!${p.location.cell}` : `${p.location.file}!¶${p.location.paragraph}`;
}

/** The paragraph text with the given spans wrapped in <mark> (overlapping spans: the earlier one wins). */
export function highlightSpans(text: string, spans: Array<{ start: number; end: number; severity: Severity; title: string; id: string }>): string {
  const sorted = [...spans].filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start).sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) continue;
    out += esc(text.slice(at, s.start));
    out += `<mark class="sev-${s.severity}" data-span="${s.id}" title="${esc(s.title)}">${esc(text.slice(s.start, s.end))}</mark>`;
    at = s.end;
  }
  return out + esc(text.slice(at));
}

function meta(report: CheckReport): { department?: string; year?: number; regime?: RecognisedTable['regime'] } {
  const tables = report.recognition.tables;
  return {
    department: tables.find((x) => x.department)?.department,
    year: tables.find((x) => x.year !== undefined)?.year,
    regime: tables[0]?.regime,
  };
}

function chartsSection(data: HtmlReportData, lang: Lang): string {
  const msg = m(lang);
  if (!data.facts) return '';
  const facts = data.facts;
  const prior = data.prior?.facts;
  const income = incomeItems(facts, lang);
  const expenditure = expenditureItems(facts, lang);
  const pair = (label: string, keys: string[]): Pair => ({ label, current: firstWan(facts, keys), prior: firstWan(prior, keys) });
  const totals = [
    pair(msg('html.chart.income-total'), ['income.grand-total', 'income.total']),
    pair(msg('html.chart.expenditure-total'), ['expenditure.grand-total', 'expenditure.total']),
  ].filter((p) => p.current !== undefined || p.prior !== undefined);
  const fiscal = [
    pair(msg('html.chart.income-total'), ['fiscal.income.total', 'fiscal.income.grand-total']),
    pair(msg('html.chart.expenditure-total'), ['fiscal.expenditure.total', 'fiscal.expenditure.grand-total']),
  ].filter((p) => p.current !== undefined || p.prior !== undefined);
  const card = (title: string, body: string, note?: string) =>
    `<figure class="card chart-card"><figcaption>${esc(title)}<span class="unit">${esc(msg('html.chart.unit'))}</span></figcaption>${
      body || `<p class="muted">${esc(msg('html.chart.no-data'))}</p>`
    }${note ? `<p class="note">${esc(note)}</p>` : ''}</figure>`;
  const pairOpts = (title: string) => ({ title, current: msg('html.chart.current'), prior: msg('html.chart.prior') });
  const noPrior = data.prior ? undefined : msg('html.chart.no-prior');
  return [
    `<section class="charts"><h2>${esc(msg('html.charts'))}</h2><div class="grid">`,
    card(msg('html.chart.income'), income.length ? donutChart(income, { title: msg('html.chart.income'), totalLabel: msg('html.chart.total-label') }) : ''),
    card(msg('html.chart.expenditure'), expenditure.length ? barChart(expenditure, { title: msg('html.chart.expenditure') }) : ''),
    card(msg('html.chart.totals'), totals.length ? pairChart(totals, pairOpts(msg('html.chart.totals'))) : '', noPrior),
    card(msg('html.chart.fiscal'), fiscal.length ? pairChart(fiscal, pairOpts(msg('html.chart.fiscal'))) : '', noPrior),
    '</div></section>',
  ].join('');
}

function findingRow(f: Finding, lang: Lang): string {
  const msg = m(lang);
  const suspect = f.suspect
    ? `<div class="suspect">${esc(
        msg('html.suspect', {
          where: sheetCell({ sheet: f.suspect.sheet, cell: f.suspect.cell }),
          proposed: f.suspect.proposed,
          reason: oneLine(f.suspect.reason),
        }),
      )}</div>`
    : '';
  const claim = f.text !== undefined ? `<div class="claim">“${esc(oneLine(f.text))}”</div>` : '';
  const waived = f.waived ? `<div class="waived">${esc(msg('waived', { reason: f.waived.reason }))}</div>` : '';
  return (
    `<tr data-finding="${esc(f.id)}" class="sev-${f.severity}">` +
    `<td><span class="badge sev-${f.severity}">${esc(severityName(f.severity, lang))}</span></td>` +
    `<td class="cell">${esc(sheetCell(f.location))}</td>` +
    `<td class="msg">${esc(oneLine(f.message))}${claim}${suspect}${waived}</td>` +
    `<td class="num">${esc(f.expected ?? '')}</td><td class="num">${esc(f.actual ?? '')}</td><td class="num diff">${esc(f.difference ?? '')}</td>` +
    '</tr>'
  );
}

function findingsTable(findings: Finding[], lang: Lang): string {
  const msg = m(lang);
  return (
    `<table class="findings"><thead><tr><th class="c-sev">${esc(msg('html.col.severity'))}</th><th class="c-cell">${esc(msg('html.col.cell'))}</th>` +
    `<th>${esc(msg('html.col.message'))}</th><th class="c-num">${esc(msg('html.col.expected'))}</th><th class="c-num">${esc(msg('html.col.actual'))}</th>` +
    `<th class="c-num">${esc(msg('html.col.difference'))}</th></tr></thead><tbody>${findings.map((f) => findingRow(f, lang)).join('')}</tbody></table>`
  );
}

const listed = (f: Finding) => f.severity === 'error' || f.severity === 'warning';

function findingsSection(report: CheckReport, lang: Lang): string {
  const msg = m(lang);
  const groups = new Map<string, { table?: RecognisedTable; findings: Finding[] }>();
  for (const tb of report.recognition.tables) groups.set(tb.id, { table: tb, findings: [] });
  const other: { table?: RecognisedTable; findings: Finding[] } = { findings: [] };
  for (const f of report.findings) {
    if (f.span !== undefined) continue; // narrative findings: in the narrative section
    const tb = tableOf(report, f);
    (tb ? groups.get(tb.id)! : other).findings.push(f);
  }
  const out: string[] = [`<section class="findings-section"><h2>${esc(msg('html.findings'))}</h2>`];
  let any = false;
  for (const g of [...groups.values(), other]) {
    const shown = sortFindings(g.findings.filter(listed));
    const infos = g.findings.filter((f) => !listed(f));
    if (shown.length === 0) continue;
    any = true;
    const heading = g.table
      ? msg('html.findings.table', { kind: kindName(g.table.kind, lang), title: oneLine(g.table.title), where: sheetRange(g.table.sheet, g.table.range) })
      : msg('html.findings.other');
    out.push(`<div class="group"><h3>${esc(heading)}</h3>${findingsTable(shown, lang)}`);
    if (infos.length > 0) {
      const rounding = infos.filter((f) => f.verdict === 'rounding').length;
      out.push(`<p class="muted">${esc(msg('html.infos', { rounding, cannot: infos.length - rounding }))}</p>`);
    }
    out.push('</div>');
  }
  if (!any) out.push(`<p class="muted">${esc(msg('html.findings.none'))}</p>`);
  out.push('</section>');
  return out.join('');
}

function narrativeSection(report: CheckReport, paragraphs: Paragraph[], lang: Lang): string {
  const msg = m(lang);
  const narrative = report.findings.filter((f) => f.span !== undefined);
  if (narrative.length === 0 && paragraphs.length === 0) return '';
  const byPara = new Map<string, Paragraph[]>();
  for (const p of paragraphs) {
    const k = paragraphKey(p);
    byPara.set(k, [...(byPara.get(k) ?? []), p]);
  }
  // the paragraph of each finding: at its location, the one whose text at the span is the claim
  const spansOf = new Map<Paragraph, Finding[]>();
  const orphans: Finding[] = [];
  for (const f of narrative) {
    const candidates = byPara.get(`${f.location.sheet}!${f.location.cell}`) ?? [];
    const para =
      candidates.find((p) => f.text !== undefined && p.text.slice(f.span!.start, f.span!.end) === f.text) ??
      (f.text === undefined ? candidates[0] : undefined);
    if (para) spansOf.set(para, [...(spansOf.get(para) ?? []), f]);
    else orphans.push(f);
  }
  const out: string[] = [`<section class="narrative"><h2>${esc(msg('html.narrative'))}</h2>`];
  const wrongParas = paragraphs.filter((p) => (spansOf.get(p) ?? []).some(listed));
  if (wrongParas.length === 0) out.push(`<p class="muted">${esc(msg('html.narrative.none'))}</p>`);
  else out.push(`<p>${esc(msg('html.narrative.intro'))}</p>`);
  for (const p of wrongParas) {
    const fs = spansOf.get(p)!.filter(listed);
    const spans = fs.map((f) => ({ ...f.span!, severity: f.severity, title: oneLine(f.message), id: f.id }));
    out.push(
      `<div class="para"><div class="where">${esc(paragraphKey(p))}</div><p>${highlightSpans(p.text, spans)}</p>${findingsTable(sortFindings(fs), lang)}</div>`,
    );
  }
  const rest = orphans.filter(listed);
  if (rest.length > 0) out.push(findingsTable(sortFindings(rest), lang));
  out.push('</section>');
  return out.join('');
}

function appendix(report: CheckReport, lang: Lang): string {
  const msg = m(lang);
  const infos = sortFindings(report.findings.filter((f) => !listed(f)));
  if (infos.length === 0) return '';
  return `<section class="appendix"><h2>${esc(msg('html.appendix'))}</h2>${findingsTable(infos, lang)}</section>`;
}

const STYLE = `
:root{--ink:#1d2733;--muted:#5f6b7a;--line:#d9e0e8;--brand:#1F4E79;--err:#C0392B;--err-bg:#FFC7CE;--warn:#9C6500;--warn-bg:#FFEB9C;--info-bg:#DDEBF7}
*{box-sizing:border-box}
html{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",system-ui,sans-serif;color:var(--ink);font-size:14px;line-height:1.6;background:#f3f5f8}
body{margin:0}
.page{max-width:1120px;margin:0 auto;background:#fff;padding:40px 48px 32px;box-shadow:0 1px 4px rgba(0,0,0,.08)}
header.top{border-bottom:3px solid var(--brand);padding-bottom:14px;margin-bottom:20px}
header.top h1{margin:0;font-size:26px;letter-spacing:.04em;color:var(--brand)}
header.top .sub{color:var(--muted);margin-top:2px;word-break:break-all}
dl.meta{display:grid;grid-template-columns:max-content 1fr max-content 1fr;gap:4px 16px;margin:14px 0 0;font-size:13px}
dl.meta dt{color:var(--muted)}dl.meta dd{margin:0;word-break:break-all}
dl.meta dd.hash{font-family:"DejaVu Sans Mono",Consolas,monospace;font-size:12px}
h2{font-size:18px;color:var(--brand);border-left:4px solid var(--brand);padding-left:10px;margin:28px 0 12px}
h3{font-size:15px;margin:18px 0 8px}
.counts{display:grid;grid-template-columns:repeat(6,1fr);gap:10px}
.count{border:1px solid var(--line);border-radius:6px;padding:10px 12px;background:#fafbfc}
.count .n{font-size:24px;font-weight:700;line-height:1.2}.count .l{color:var(--muted);font-size:12px}
.count.errors .n{color:var(--err)}.count.warnings .n{color:var(--warn)}.count.errors{border-top:3px solid var(--err)}.count.warnings{border-top:3px solid #E0A800}
.count.passed .n{color:#1E8449}
.verdict{margin:12px 0 0;padding:10px 14px;border-radius:6px;font-weight:600}
.verdict.errors{background:#FDEDEC;color:var(--err)}.verdict.warnings{background:#FEF9E7;color:var(--warn)}.verdict.clean{background:#E9F7EF;color:#1E8449}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:14px}
.card{border:1px solid var(--line);border-radius:6px;padding:12px 14px;margin:0;break-inside:avoid}
figcaption{font-weight:600;margin-bottom:6px;display:flex;justify-content:space-between}
figcaption .unit{font-weight:400;color:var(--muted);font-size:12px}
svg.chart{width:100%;height:auto;display:block}
svg .c-label{font-size:13px;fill:var(--ink)}svg .c-value{font-size:13px;fill:var(--ink);font-weight:600}svg .c-pct{font-size:12px;fill:var(--muted)}
svg .small{font-size:11px}svg .c-total{font-size:15px;font-weight:700;fill:var(--brand)}svg .c-total-label{font-size:12px;fill:var(--muted)}
svg .up{fill:#1E8449}svg .down{fill:var(--err)}
.note{color:var(--muted);font-size:12px;margin:6px 0 0}
.muted{color:var(--muted)}
table.findings{width:100%;border-collapse:collapse;font-size:13px;margin:4px 0 8px}
table.findings th{background:#EEF2F6;text-align:left;font-weight:600;padding:6px 8px;border-bottom:1px solid var(--line)}
table.findings td{padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
table.findings tr{break-inside:avoid}
.c-sev{width:64px}.c-cell{width:150px}.c-num{width:100px;text-align:right!important}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}td.diff{color:var(--err)}
td.cell{font-family:"DejaVu Sans Mono",Consolas,monospace;font-size:12px;word-break:break-all}
.badge{display:inline-block;padding:0 8px;border-radius:10px;font-size:12px;white-space:nowrap}
.badge.sev-error{background:var(--err-bg);color:#9C0006}.badge.sev-warning{background:var(--warn-bg);color:var(--warn)}.badge.sev-info{background:var(--info-bg);color:#1F4E79}
.suspect{margin-top:3px;color:#9C0006;font-size:12px}.claim{margin-top:3px;color:var(--muted);font-size:12px}.waived{color:var(--muted);font-size:12px}
.para{border:1px solid var(--line);border-radius:6px;padding:10px 14px;margin:10px 0;break-inside:avoid}
.para .where{font-size:12px;color:var(--muted)}.para p{margin:4px 0 8px;text-indent:2em}
mark{padding:0 2px;border-radius:3px}mark.sev-error{background:var(--err-bg);color:#9C0006;border-bottom:2px solid var(--err)}
mark.sev-warning{background:var(--warn-bg);color:#7A4F01;border-bottom:2px solid #E0A800}mark.sev-info{background:var(--info-bg)}
footer{margin-top:28px;padding-top:10px;border-top:1px solid var(--line);color:var(--muted);font-size:12px}
@page{size:A4;margin:14mm 12mm}
@media print{html{background:#fff;font-size:12px}.page{box-shadow:none;padding:0;max-width:none}h2{break-after:avoid}.group h3{break-after:avoid}}
`;

/** The report page. */
export function renderHtmlReport(data: HtmlReportData): string {
  const { report } = data;
  const lang = report.lang;
  const msg = m(lang);
  const counts = checkCounts(report);
  const info = meta(report);
  const title = `${info.department ?? ''}${info.year !== undefined ? (lang === 'zh-CN' ? `${info.year}年度` : ` ${info.year} `) : ''}${
    info.regime ? msg(info.regime === 'juesuan' ? 'html.meta.regime.juesuan' : 'html.meta.regime.yusuan') : ''
  }${lang === 'zh-CN' ? '' : ' — '}${msg('html.title')}`.trim();
  const when = data.generatedAt ?? new Date();
  const stamp = `${when.getFullYear()}-${String(when.getMonth() + 1).padStart(2, '0')}-${String(when.getDate()).padStart(2, '0')} ${String(
    when.getHours(),
  ).padStart(2, '0')}:${String(when.getMinutes()).padStart(2, '0')}`;
  const metaRows: Array<[string, string, string?]> = [];
  if (info.department) metaRows.push([msg('html.meta.department'), info.department]);
  if (info.year !== undefined) metaRows.push([msg('html.meta.year'), String(info.year)]);
  if (info.regime) metaRows.push([msg('html.meta.regime'), msg(info.regime === 'juesuan' ? 'html.meta.regime.juesuan' : 'html.meta.regime.yusuan')]);
  metaRows.push([msg('html.meta.generated'), stamp]);
  metaRows.push([msg('html.meta.tool'), `crossfoot ${data.version}`]);
  metaRows.push([msg('html.meta.packs'), report.packs.map((p) => `${p.id} ${p.version}`).join('，')]);
  if (data.prior) metaRows.push([msg('html.meta.prior'), data.prior.file]);
  metaRows.push([msg('html.meta.file'), report.file]);
  metaRows.push([msg('html.meta.sha256'), data.sha256, 'hash']);
  const verdictClass = counts.errors > 0 ? 'errors' : counts.warnings > 0 ? 'warnings' : 'clean';
  const verdict =
    counts.errors > 0
      ? msg('html.verdict.errors', { errors: counts.errors, warnings: counts.warnings })
      : counts.warnings > 0
        ? msg('html.verdict.warnings', { warnings: counts.warnings })
        : report.recognition.tables.length === 0
          ? msg('html.verdict.no-tables')
          : msg('html.verdict.clean');
  const count = (cls: string, n: number, label: string) => `<div class="count ${cls}"><div class="n">${n}</div><div class="l">${esc(label)}</div></div>`;
  const body = [
    '<div class="page">',
    `<header class="top"><h1>${esc(title)}</h1><div class="sub">${esc(msg('html.subtitle', { file: report.file }))}</div>`,
    `<dl class="meta">${metaRows
      .map(([k, v, cls], i) => `<dt>${esc(k)}</dt><dd${cls ? ` class="${cls}"` : ''}${i === metaRows.length - 1 && metaRows.length % 2 === 1 ? ' style="grid-column:span 3"' : ''}>${esc(v)}</dd>`)
      .join('')}</dl></header>`,
    `<section class="summary"><h2>${esc(msg('html.summary'))}</h2><div class="counts">`,
    count('errors', counts.errors, msg('html.count.errors')),
    count('warnings', counts.warnings, msg('html.count.warnings')),
    count('rounding', counts.rounding, msg('html.count.rounding')),
    count('cannot', counts.cannotEvaluate, msg('html.count.cannot')),
    count('passed', counts.passed, msg('html.count.passed')),
    count('tables', report.recognition.tables.length, msg('html.count.tables')),
    `</div><p class="verdict ${verdictClass}">${esc(verdict)}</p></section>`,
    chartsSection(data, lang),
    findingsSection(report, lang),
    narrativeSection(report, data.paragraphs, lang),
    appendix(report, lang),
    `<footer>${esc(msg('html.footer', { tool: `crossfoot ${data.version}` }))}</footer>`,
    '</div>',
  ].join('\n');
  return `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${esc(
    title,
  )}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

export interface BuildHtmlReportOptions {
  lang?: Lang;
  /** as checkFile: true (the workbook's prose sheets), a .txt/.docx path, or false */
  narrative?: boolean | string;
  prior?: string;
  version: string;
  read?: ReadOptions;
  readWorkbook?: (path: string, options?: ReadOptions) => Promise<Workbook>;
  recognise?: (workbook: Workbook) => Recognition;
  generatedAt?: Date;
}

/** SHA-256 of a file, hex. */
export function fileSha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Reads and checks `file` (each workbook read once), builds its facts and renders the report. */
export async function buildHtmlReport(file: string, options: BuildHtmlReportOptions): Promise<{ html: string; report: CheckReport }> {
  const read = options.readWorkbook ?? readXlsxFile;
  const rec = options.recognise ?? recogniseWorkbook;
  const books = new Map<string, Promise<Workbook>>();
  const cachedRead = (p: string, o?: ReadOptions) => {
    if (!books.has(p)) books.set(p, read(p, o));
    return books.get(p)!;
  };
  const recognitions = new Map<Workbook, Recognition>();
  const cachedRec = (wb: Workbook) => {
    if (!recognitions.has(wb)) recognitions.set(wb, rec(wb));
    return recognitions.get(wb)!;
  };
  const narrative = options.narrative ?? true;
  const report = await checkFile(file, {
    lang: options.lang,
    read: options.read,
    readWorkbook: cachedRead,
    recognise: cachedRec,
    narrative,
    prior: options.prior,
  });
  const workbook = await cachedRead(file, options.read);
  const recognition = cachedRec(workbook);
  const facts = buildFacts(workbook, recognition);
  let prior: HtmlReportData['prior'];
  if (options.prior) {
    const last = await cachedRead(options.prior, options.read);
    prior = { file: options.prior, facts: buildFacts(last, cachedRec(last)) };
  }
  const paragraphs =
    typeof narrative === 'string' ? await paragraphsFromFile(narrative) : narrative ? paragraphsFromWorkbook(workbook, recognition) : [];
  const html = renderHtmlReport({
    report,
    facts,
    prior,
    paragraphs,
    sha256: fileSha256(file),
    version: options.version,
    generatedAt: options.generatedAt,
  });
  return { html, report };
}
