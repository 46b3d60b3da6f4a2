/**
 * `check --format html`: the printable audit report (审核报告) on stdout, the same page `crossfoot report` writes to a
 * file. The page itself is built in src/report/html.ts (it needs the workbook's facts and narrative, not only the
 * check report).
 */
export { buildHtmlReport, renderHtmlReport, type BuildHtmlReportOptions, type HtmlReportData } from '../../report/html';
import { renderHtmlReport, type HtmlReportData } from '../../report/html';

/** The HTML document, ending in a newline. */
export function formatCheckHtml(data: HtmlReportData): string {
  return renderHtmlReport(data);
}
