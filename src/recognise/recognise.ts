/**
 * Table recognition: find every standard disclosure table in a workbook by its title and confirm it by structure.
 *
 * Per sheet: find title candidates (short lines naming a table kind, most specific keyword first), then for each read
 * the meta lines (form label, year, 部门/单位 line, unit), the header block (multi-row, merged or not, 栏次 row), the
 * body (until a blank gap, a note, or the next table), and the notes. Columns get header paths and 栏次 numbers, rows get
 * labels, subject codes (one column, split 类|款|项, or inside the label), 行次 and canonical keys. Two-sided tables are
 * split into income and expenditure halves; the basic-expenditure table into its side-by-side blocks.
 */
import { areaA1, type Area } from '../model/address';
import type {
  CodeSystem,
  PartSide,
  RecognisedTable,
  Recognition,
  TableCell,
  TableColumn,
  TableNote,
  TablePart,
  TableRow,
  UnplacedBlock,
} from '../model/table';
import type { Sheet, Workbook } from '../model/workbook';
import { classCodeForName, kindForTitle, type KeyPattern, type KindSpec } from './catalog';
import { Grid } from './grid';
import { readPerformanceForm } from './performance';
import { findYear, looksLikeAmountText, looksLikeCode, normLabel, squash } from './text';

const FORM_LABEL_RE = /^(?:公开\s*0?\d{1,2}\s*表|预算\s*0?\d{1,2}\s*表|表\s*[0-9一二三四五六七八九十]{1,3}|附表\s*\d{1,2})$/;
const YEAR_LINE_RE = /^\d{4}\s*年(?:度)?$/;
const DEPT_RE = /(?:部门|编制单位|编制部门|单位名称|预算单位|填报单位|报送单位)\s*[:：]\s*(.*)$/;
const UNIT_RE = /(?:金额单位|计量单位|单位)\s*[:：]\s*(万元|亿元|千元|元|台、辆、套|[^\s:：]{1,8})\s*$/;
const NOTE_RE = /^(?:注|说明|备注|附注|填报说明)\s*\d*\s*[:：.、]/;
const FORMULA_RE = /\d+\s*[行栏]\s*(?:各行)?\s*[=＝]/;
const EMPTY_STATEMENT_RE =
  /本表无数据|故本表为空|本表为空|空表|无(?:相关)?数据|(?:本|该)(?:单位|部门)[^。；]{0,30}(?:无|没有)|(?:没有|无)[^。；]{0,40}(?:收入|支出|经费|安排)|当此表数据为零/;
/** a character every alternative of EMPTY_STATEMENT_RE contains (a quick test before squashing; keep the two together) */
const EMPTY_STATEMENT_CHARS = /[无空没零]/;
const HEADER_WORD_RE =
  /项目|科目|编码|代码|名称|合计|小计|收入|支出|预算|决算|经费|金额|行次|栏次|类|款|项|单位|资金|数量|单价|功能|经济|分类|结转|结余|费|数/;
const LABEL_HEADER_RE = /^(?:项目|收入项目|支出项目|科目名称|项目名称|单位名称|名称|科目|项目\(按功能分类\)|支出功能分类科目名称|预算科目)$/;
const CODE_HEADER_RE = /编码|代码|^类$|^款$|^项$/;
const HANGCI_RE = /^行次$/;
const NOT_DIGITS_OR_SPACES_RE = /[^\d\s]/;
const TOTAL_LABEL_RE = /^(?:合计|总计|小计|本年收入合计|本年支出合计|收入总计|支出总计)$/;

interface TitleHit {
  row: number;
  col: number;
  text: string;
  spec: KindSpec;
}

/** Is this a short, title-like line naming a known table? */
export function matchTitle(text: string): KindSpec | undefined {
  const sq = squash(text);
  if (sq.length < 4 || sq.length > 64) return undefined;
  if (!sq.includes('表')) return undefined;
  if (/[。，;；]/.test(sq) || /说明$/.test(sq)) return undefined;
  if (/^(?:注|说明)/.test(sq)) return undefined;
  return kindForTitle(sq);
}

/** A short line that reads like a table title but names no known kind. */
function looksLikeUnknownTitle(text: string): boolean {
  const sq = squash(text);
  if (sq.length < 4 || sq.length > 48) return false;
  if (/[。，;；:：]/.test(sq) || /说明$/.test(sq)) return false;
  return /表(?:\(.{1,6}\))?$/.test(sq) && !FORM_LABEL_RE.test(sq);
}

type RowClass = 'blank' | 'lanci' | 'note' | 'body' | 'header';

class TableReader {
  constructor(
    private readonly g: Grid,
    private readonly titles: Set<number>,
  ) {}

  isFormLabel(text: string): boolean {
    // every form label has 表 (asked of every body row's first cell: most have none)
    if (!text.includes('表')) return false;
    return FORM_LABEL_RE.test(text.replace(/\s+/g, ' ').trim()) || FORM_LABEL_RE.test(squash(text));
  }

  /** Meta row: every non-empty cell is a form label, a year line, a department or a unit statement. */
  metaRow(r: number): { formLabel?: string; year?: number; department?: string; unit?: string } | undefined {
    const cells = this.g.rowCells(r);
    if (cells.length === 0) return undefined;
    const out: { formLabel?: string; year?: number; department?: string; unit?: string } = {};
    for (const { text } of cells) {
      const sq = squash(text);
      if (this.isFormLabel(text)) out.formLabel = text.trim();
      else if (YEAR_LINE_RE.test(sq)) out.year = Number(sq.slice(0, 4));
      else {
        let matched = false;
        const u = UNIT_RE.exec(sq);
        if (u) {
          out.unit = u[1];
          matched = true;
        }
        const d = DEPT_RE.exec(text.trim());
        if (d) {
          let dept = d[1].replace(/\s*(?:金额单位|计量单位|单位)\s*[:：].*$/, '').trim();
          dept = dept.replace(/\s{2,}.*$/, '');
          if (dept) out.department = dept;
          matched = true;
        }
        if (!matched) return undefined;
      }
    }
    return out;
  }

  isNoteRow(r: number, lo: number, hi: number): boolean {
    const cells = this.g.rowCells(r, lo, hi);
    if (cells.length === 0 || cells.length > 2) return false;
    const t = cells[0].text;
    const sq = squash(t);
    if (NOTE_RE.test(sq) || FORMULA_RE.test(sq)) return true;
    if (cells.length === 1 && /^\d{1,2}[.、]/.test(sq) && sq.length > 12 && !this.g.isAmount(r, cells[0].col)) return true;
    return false;
  }

  isStatementRow(r: number, lo: number, hi: number): boolean {
    const cells = this.g.rowCells(r, lo, hi);
    if (cells.length !== 1) return false;
    return EMPTY_STATEMENT_RE.test(squash(cells[0].text));
  }

  isLanciRow(r: number, lo: number, hi: number): boolean {
    const cells = this.g.rowCells(r, lo, hi);
    if (cells.length === 0) return false;
    // small numbers 1, 2, 3… in order (two at least, or one beside a cell reading 栏次), every other cell one of the
    // words a 栏次 row prints; in one pass (most rows fail at their first cell)
    let nums = 0;
    let lanciWord = false;
    for (const c of cells) {
      const t = c.text.trim();
      if (/^\d{1,2}$/.test(t)) {
        if (Number(t) !== nums + 1) return false;
        nums++;
      } else {
        const sq = squash(c.text);
        if (!/^(?:栏次|行次|项目|—|-|[甲乙丙丁])$/.test(sq)) return false;
        if (sq === '栏次') lanciWord = true;
      }
    }
    return nums >= 2 || (nums === 1 && lanciWord);
  }

  /** Does the row carry body content: an amount, a subject code, or a total label? */
  isBodyRow(r: number, lo: number, hi: number): boolean {
    const cells = this.g.rowCells(r, lo, hi);
    if (cells.length === 0) return false;
    for (const c of cells) {
      if (this.g.isDecimalAmount(r, c.col)) return true;
      const sq = squash(c.text);
      if (/^\d{3}(?:\d{2}){1,2}$/.test(sq)) return true;
      if (/^\d{3}(?:\s?\d{2}){0,2}\s+[\u4e00-\u9fa5]/.test(c.text.trim())) return true;
    }
    // a total line: the first cell is 合计/总计/小计 and the rest are amounts, blanks or an empty-table statement
    if (TOTAL_LABEL_RE.test(normLabel(cells[0].text))) {
      const rest = cells.slice(1);
      if (rest.every((c) => this.g.isAmount(r, c.col) || /^[-—–/]$/.test(c.text) || EMPTY_STATEMENT_RE.test(squash(c.text)))) return true;
    }
    // split codes: "201 | 06 | 01" in separate cells
    if (cells.length >= 2 && /^\d{3}$/.test(cells[0].text) && cells.some((c) => /[\u4e00-\u9fa5]/.test(c.text))) return true;
    // a label line with an ordinal ("一、一般公共服务支出"), as the two-sided tables print them
    if (cells.some((c) => /^[一二三四五六七八九十廿]+、/.test(c.text.trim()))) return true;
    return false;
  }

  classify(r: number, lo: number, hi: number): RowClass {
    if (this.g.isBlank(r, lo, hi)) return 'blank';
    if (this.isLanciRow(r, lo, hi)) return 'lanci';
    if (this.isNoteRow(r, lo, hi)) return 'note';
    if (this.isBodyRow(r, lo, hi)) return 'body';
    return 'header';
  }

  read(hit: TitleHit, stopRow: number): RecognisedTable | { fail: 'no-body' } {
    const g = this.g;
    let top = hit.row;
    let formLabel: string | undefined;
    let year = findYear(hit.text);
    let department: string | undefined;
    let unit: string | null = null;

    // form label or page heading on its own row directly above the title
    for (let r = hit.row - 1; r >= Math.max(1, hit.row - 2); r--) {
      const cells = g.rowCells(r);
      if (cells.length === 0) continue;
      if (cells.every((c) => this.isFormLabel(c.text))) {
        formLabel = cells[0].text.trim();
        top = r;
      }
      break;
    }

    // meta rows below the title
    let r = hit.row + 1;
    while (r <= stopRow && r <= hit.row + 6) {
      if (g.isBlank(r)) {
        r++;
        continue;
      }
      const m = this.metaRow(r);
      if (!m) break;
      formLabel ??= m.formLabel;
      year ??= m.year;
      department ??= m.department;
      if (m.unit) unit = m.unit;
      r++;
    }

    // header block
    const headerStart = r;
    let lo = g.cols;
    let hi = 1;
    let headerEnd = headerStart - 1;
    let lanciRow: number | undefined;
    let bodyStart: number | undefined;
    let wide = false;
    while (r <= stopRow && r < headerStart + 8) {
      const cls = this.classify(r, 1, g.cols);
      if (cls === 'blank' || cls === 'note') break;
      if (cls === 'body' && r > headerStart) {
        bodyStart = r;
        break;
      }
      if (cls === 'body' && r === headerStart) {
        // a header row can still hold words like 合计 (e.g. 三公 "合计"); accept it only if it has no amount
        const cells = g.rowCells(r);
        if (cells.some((c) => g.isDecimalAmount(r, c.col))) break;
      }
      if (cls === 'lanci') lanciRow = r;
      else {
        const cells = g.rowCells(r);
        if ((headerEnd < headerStart || cells.length === 1) && !cells.some((c) => HEADER_WORD_RE.test(c.text))) break;
        if (cells.some((c) => c.text.length > 40 || /[。；]/.test(c.text) || g.isAmount(r, c.col))) break;
        if (cells.length >= 2) wide = true;
      }
      for (const c of g.rowCells(r)) {
        const m = g.merge(r, c.col);
        lo = Math.min(lo, c.col);
        hi = Math.max(hi, m ? m.right : c.col);
      }
      headerEnd = r;
      r++;
    }
    if (headerEnd < headerStart || !wide) return { fail: 'no-body' };
    if (bodyStart === undefined && r <= stopRow && !this.titles.has(r) && !this.isFormLabelRow(r)) {
      // a body that opens with a line such as "无" or a statement
      const cls = this.classify(r, 1, g.cols);
      if (cls === 'header' || cls === 'body') bodyStart = r;
    }

    // body
    let bodyEnd: number | undefined;
    if (bodyStart !== undefined) {
      r = bodyStart;
      while (r <= stopRow) {
        const cls = this.classify(r, lo, hi);
        if (cls === 'note' || this.titles.has(r)) break;
        if (cls === 'blank') {
          // a blank spacer inside a table: continue only if body rows follow before anything else
          let k = r + 1;
          while (k <= stopRow && k <= r + 12 && g.isBlank(k, lo, hi)) k++;
          if (k > stopRow || k > r + 12 || this.titles.has(k) || this.classify(k, lo, hi) !== 'body') break;
          if (this.isFormLabelRow(k)) break;
          r = k;
          continue;
        }
        if (this.isStatementRow(r, lo, hi) && !this.isBodyRow(r, lo, hi)) break;
        if (this.isFormLabelRow(r)) break;
        if (cls === 'header' && !this.bodyLabelOnly(r, lo, hi) && this.g.rowCells(r, lo, hi).length < 2) break;
        bodyEnd = r;
        for (const c of g.rowCells(r, lo, g.cols)) {
          if (c.col > hi && c.col <= hi + 1 && g.isAmount(r, c.col)) hi = c.col;
        }
        r++;
      }
    }
    if (bodyStart !== undefined && bodyEnd === undefined) bodyStart = undefined;

    // notes and statements
    const notes: TableNote[] = [];
    let bottom = bodyEnd ?? headerEnd;
    r = bottom + 1;
    let blanks = 0;
    while (r <= stopRow && blanks <= 1) {
      if (this.titles.has(r) || this.isFormLabelRow(r)) break;
      if (g.isBlank(r)) {
        blanks++;
        r++;
        continue;
      }
      const isNote = this.isNoteRow(r, 1, g.cols) || this.isStatementRow(r, 1, g.cols) || this.isContinuationNote(r, notes);
      if (!isNote) break;
      const cells = g.rowCells(r);
      notes.push({ row: r, col: cells[0].col, text: cells.map((c) => c.text).join(' ') });
      bottom = r;
      blanks = 0;
      r++;
    }

    const area: Area = { top, left: lo, bottom, right: hi };
    const parts = this.buildParts(hit.spec, lo, hi, headerStart, headerEnd, lanciRow, bodyStart, bodyEnd);
    let hasAmount = false;
    amounts: for (const p of parts) {
      for (const row of p.rows) {
        for (const c of row.cells) {
          if (c && g.isAmount(c.row, c.col) && !/^[-—–]$/.test(c.text)) {
            hasAmount = true;
            break amounts;
          }
        }
      }
    }

    // the first statement that the table is empty, in the notes, then in the body
    const isStatement = (s: string): boolean => EMPTY_STATEMENT_CHARS.test(s) && EMPTY_STATEMENT_RE.test(squash(s));
    let statement = notes.find((n) => isStatement(n.text))?.text;
    if (statement === undefined && bodyStart !== undefined && bodyEnd !== undefined) {
      body: for (let rr = bodyStart; rr <= bodyEnd; rr++) {
        for (const c of g.rowCells(rr, lo, hi)) {
          if (isStatement(c.text)) {
            statement = c.text;
            break body;
          }
        }
      }
    }
    const emptyStatement = statement?.replace(/^(?:合计\s*)/, '').trim();

    const table: RecognisedTable = {
      id: hit.spec.kind,
      kind: hit.spec.kind,
      regime: hit.spec.regime,
      title: hit.text.trim(),
      sheet: g.sheet.name,
      area,
      range: areaA1(area),
      titleCell: { row: hit.row, col: hit.col },
      unit,
      headerRows: [headerStart, headerEnd],
      parts,
      notes,
      empty: !hasAmount,
    };
    if (formLabel) table.formLabel = formLabel;
    if (year) table.year = year;
    if (department) table.department = department;
    if (bodyStart !== undefined && bodyEnd !== undefined) table.bodyRows = [bodyStart, bodyEnd];
    if (emptyStatement) table.emptyStatement = emptyStatement;
    return table;
  }

  private isFormLabelRow(r: number): boolean {
    const cells = this.g.rowCells(r);
    return cells.length > 0 && cells.every((c) => this.isFormLabel(c.text));
  }

  /** A row with only a label and nothing else (a heading line inside the body, e.g. a project group). */
  private bodyLabelOnly(r: number, lo: number, hi: number): boolean {
    const cells = this.g.rowCells(r, lo, hi);
    return cells.length >= 1 && cells.length <= 3 && !cells.some((c) => NOTE_RE.test(squash(c.text))) &&
      !cells.some((c) => matchTitle(c.text));
  }

  private isContinuationNote(r: number, notes: TableNote[]): boolean {
    if (notes.length === 0) return false;
    const cells = this.g.rowCells(r);
    if (cells.length !== 1) return false;
    const t = squash(cells[0].text);
    return t.length > 6 && !matchTitle(t) && !this.isFormLabel(t) && !/^\d{4}年/.test(t) && (/[。；;]$/.test(t) || /^\d+[.、]/.test(t));
  }

  /** Header path of column c: texts of the header rows (merge-aware, group headers spread over unmerged spans). */
  private headerPath(c: number, headerStart: number, headerEnd: number, lanciRow: number | undefined, lo: number): string[] {
    const g = this.g;
    const path: string[] = [];
    for (let r = headerStart; r <= headerEnd; r++) {
      if (r === lanciRow) continue;
      let t = g.visible(r, c);
      if (!t && r < headerEnd) {
        // unmerged group header: inherit from the nearest header to the left when the row below is split
        let below = false;
        for (let rr = r + 1; rr <= headerEnd; rr++) if (rr !== lanciRow && g.visible(rr, c)) below = true;
        if (below) {
          for (let k = c - 1; k >= lo; k--) {
            const left = g.text(r, k);
            if (left) {
              if (g.visible(r + 1, k) && g.visible(r + 1, k) !== left) t = left;
              break;
            }
          }
        }
      }
      t = squash(t);
      if (t && path[path.length - 1] !== t) path.push(t);
    }
    return path;
  }

  private buildParts(
    spec: KindSpec,
    lo: number,
    hi: number,
    headerStart: number,
    headerEnd: number,
    lanciRow: number | undefined,
    bodyStart: number | undefined,
    bodyEnd: number | undefined,
  ): TablePart[] {
    const g = this.g;
    const bodyRows = bodyStart !== undefined && bodyEnd !== undefined ? rangeRows(bodyStart, bodyEnd) : [];
    const paths = new Map<number, string[]>();
    for (let c = lo; c <= hi; c++) paths.set(c, this.headerPath(c, headerStart, headerEnd, lanciRow, lo));

    // column character from the body
    const stats = new Map<number, { text: number; amount: number; code: number; smallInt: number; n: number }>();
    for (let c = lo; c <= hi; c++) {
      const s = { text: 0, amount: 0, code: 0, smallInt: 0, n: 0 };
      for (const r of bodyRows) {
        const cell = g.cell(r, c);
        const t = cell ? cell.text.trim() : '';
        if (!t || g.covered(r, c)) continue;
        s.n++;
        // small numbers and codes hold nothing but digits and spaces (most figures and labels fail at once)
        if (!NOT_DIGITS_OR_SPACES_RE.test(t)) {
          if (/^\d{1,2}$/.test(t)) s.smallInt++;
          if (looksLikeCode(t)) s.code++;
        }
        // (g.isAmount on a cell known to be there and not covered)
        if (typeof cell!.value === 'number' || looksLikeAmountText(cell!.text)) s.amount++;
        else if (!/^[-—–/]$/.test(t)) s.text++;
      }
      stats.set(c, s);
    }
    const last = (c: number) => {
      const p = paths.get(c) ?? [];
      return p[p.length - 1] ?? '';
    };
    const isHangci = (c: number) => {
      const p = paths.get(c) ?? [];
      if (p.some((h) => HANGCI_RE.test(h))) return true;
      const s = stats.get(c)!;
      return p.some((h) => /^栏次$/.test(h)) && s.n >= 2 && s.smallInt === s.n;
    };
    const isCodeCol = (c: number) => {
      const s = stats.get(c)!;
      if ((paths.get(c) ?? []).some((h) => CODE_HEADER_RE.test(h)) && !/名称/.test(last(c))) return true;
      return s.n > 0 && s.code / s.n > 0.6 && s.text === 0 && s.smallInt < s.n && !isHangci(c) && !this.isAmountHeader(last(c));
    };
    const isLabelCol = (c: number) => {
      const s = stats.get(c)!;
      if (LABEL_HEADER_RE.test(last(c))) return true;
      return s.n > 0 && s.text / s.n >= 0.5 && !isCodeCol(c);
    };

    // where do the parts start?
    let starts: Array<{ col: number; side: PartSide }> = [{ col: lo, side: 'main' }];
    if (spec.layout === 'two-sided') {
      const labelCols: number[] = [];
      for (let c = lo; c <= hi; c++) if (isLabelCol(c) && !isCodeCol(c) && !isHangci(c)) labelCols.push(c);
      // the expenditure half starts at a label column that follows a value column
      const split = labelCols.find((c, i) => i > 0 && c > labelCols[0] + 1);
      if (split !== undefined) starts = [{ col: lo, side: 'income' }, { col: split, side: 'expenditure' }];
    } else if (spec.layout === 'blocks') {
      const codeCols: number[] = [];
      for (let c = lo; c <= hi; c++) if (isCodeCol(c) && !(codeCols.length && codeCols[codeCols.length - 1] === c - 1)) codeCols.push(c);
      if (codeCols.length > 1) starts = codeCols.map((col) => ({ col, side: 'block' as PartSide }));
    }

    const parts: TablePart[] = [];
    starts.forEach((st, i) => {
      const from = i === 0 ? lo : st.col;
      const to = i + 1 < starts.length ? starts[i + 1].col - 1 : hi;
      const codeCols: number[] = [];
      let labelCol: number | undefined;
      let hangciCol: number | undefined;
      const columns: TableColumn[] = [];
      for (let c = from; c <= to; c++) {
        if (isHangci(c) && hangciCol === undefined) hangciCol = c;
        else if (labelCol === undefined && isCodeCol(c)) codeCols.push(c);
        else if (labelCol === undefined && (isLabelCol(c) || (stats.get(c)!.amount === 0 && !this.isAmountHeader(last(c)) && c < to))) labelCol = c;
        else {
          const s = stats.get(c)!;
          if (s.n > 0 && s.amount === 0 && s.text > 0 && !this.isAmountHeader(last(c))) continue; // text column
          if (/(数量|计量单位|单位代码)$/.test(last(c))) continue; // counts and codes are not amounts
          const path = paths.get(c) ?? [];
          const col: TableColumn = { col: c, header: path, label: path.join('/') };
          if (lanciRow !== undefined) {
            const v = g.text(lanciRow, c);
            if (/^\d{1,2}$/.test(v)) col.lanci = Number(v);
          }
          columns.push(col);
        }
      }
      labelCol ??= codeCols.length ? codeCols[codeCols.length - 1] + 1 : from;
      const side = st.side;
      if (spec.columnKey) {
        for (const c of columns) {
          const k = spec.columnKey(c.header);
          if (k) c.key = k;
        }
      } else assignColumnKeys(columns, spec.columns, side);
      const rows: TableRow[] = [];
      const usedKeys = new Set<string>();
      let parentKey: string | undefined;
      for (const r of bodyRows) {
        const row = this.readRow(spec, r, side, labelCol, codeCols, hangciCol, columns, from, hi);
        if (!row) continue;
        if (row.key) {
          // a repeated key is an "of which" line under the last balance or total (J4 年初结转和结余 by fund)
          if (usedKeys.has(row.key) && parentKey) row.key = `${parentKey}.${row.key.replace(/^(income|expenditure)\./, '')}`;
          else if (/balance|total$|carry-over$/.test(row.key)) parentKey = row.key;
          usedKeys.add(row.key);
        }
        rows.push(row);
      }
      const part: TablePart = { side, labelCol, codeCols, columns, rows };
      if (hangciCol !== undefined) part.hangciCol = hangciCol;
      parts.push(part);
    });
    return parts;
  }

  private isAmountHeader(h: string): boolean {
    return /合计|小计|金额|数$|支出$|收入$|经费$|费$|结余$|资金$|拨款$|预算$/.test(h);
  }

  private readRow(
    spec: KindSpec,
    r: number,
    side: PartSide,
    labelCol: number,
    codeCols: number[],
    hangciCol: number | undefined,
    columns: TableColumn[],
    partFrom: number,
    tableRight: number,
  ): TableRow | undefined {
    const g = this.g;
    const labelMerge = g.merge(r, labelCol);
    // a label merged in from the previous block belongs to that block
    if (labelMerge && labelMerge.left < partFrom) return undefined;
    let label = columns.some((c) => c.col === labelCol) ? '' : g.visible(r, labelCol);
    let code = codeCols.map((c) => g.text(r, c).replace(/\s+/g, '')).join('');
    if (!/^\d+$/.test(code)) {
      // "合计" printed in the code column (often merged across code and name)
      if (!label) label = codeCols.map((c) => g.visible(r, c)).find((x) => x && !/^\d+$/.test(x.replace(/\s+/g, ''))) ?? '';
      code = '';
    }
    if (!code) {
      const m = /^\s*(\d{3}(?:\s?\d{2}){0,2}|\d{6})\s+(\S.*)$/.exec(label);
      if (m) {
        code = m[1].replace(/\s+/g, '');
        label = m[2].trim();
      }
    }
    const cells: Array<TableCell | null> = columns.map((c) => {
      const t = g.text(r, c.col);
      return t && !g.covered(r, c.col) ? { row: r, col: c.col, text: t } : null;
    });
    if (side === 'block' && !label && !code) return undefined;
    const norm = normLabel(label);
    const footer = /合计$/.test(norm) && !code;
    if (columns.length > 0 && !cells.some((c) => c !== null) && (footer || (labelMerge && labelMerge.right >= columns[0].col))) {
      // a footer label merged or spilled over the value column ("公用经费合计" across two blocks): its figure is the
      // first amount to the right
      const start = Math.max(labelMerge ? labelMerge.right + 1 : 0, columns[0].col + 1);
      for (let c = start; c <= tableRight; c++) {
        if (g.isAmount(r, c)) {
          cells[0] = { row: r, col: c, text: g.text(r, c) };
          break;
        }
      }
    }
    const hangciText = hangciCol !== undefined ? g.text(r, hangciCol) : '';
    if (!label && !code && !hangciText && cells.every((c) => c === null)) return undefined;
    const row: TableRow = { row: r, label, cells };
    if (/^\d{1,3}$/.test(hangciText)) row.hangci = Number(hangciText);
    if (!code && side === 'expenditure') code = classCodeForName(norm) ?? '';
    if (!code && spec.codeSystem === 'function' && !TOTAL_LABEL_RE.test(norm)) code = classCodeForName(norm) ?? '';
    if (code) {
      row.code = code;
      const system: CodeSystem =
        spec.codeSystem === 'unit' ? 'unit' : spec.codeSystem === 'economic' || /^3/.test(code) ? 'economic' : 'function';
      row.codeSystem = system;
      const level = system === 'unit' ? (code.length <= 3 ? 1 : 2) : code.length <= 3 ? 1 : code.length <= 5 ? 2 : 3;
      row.level = level as 1 | 2 | 3;
    }
    const key = matchKey(spec.rows, norm, side);
    if (key) row.key = key;
    return row;
  }
}

function rangeRows(a: number, b: number): number[] {
  const out: number[] = [];
  for (let r = a; r <= b; r++) out.push(r);
  return out;
}

function matchKey(patterns: KeyPattern[], text: string, side: PartSide): string | undefined {
  for (const p of patterns) {
    if (p.side && p.side !== side) continue;
    if (p.pattern.test(text)) return p.key;
  }
  return undefined;
}

function assignColumnKeys(columns: TableColumn[], patterns: KeyPattern[], side: PartSide): void {
  const used = new Set<string>();
  for (const col of columns) {
    const text = col.header.join('/');
    for (const p of patterns) {
      if (p.side && p.side !== side) continue;
      if (used.has(p.key)) continue;
      if (p.pattern.test(text)) {
        col.key = p.key;
        used.add(p.key);
        break;
      }
    }
  }
}

function findTitles(g: Grid): { hits: TitleHit[]; unknown: Array<{ row: number; col: number; text: string }> } {
  const hits: TitleHit[] = [];
  const unknown: Array<{ row: number; col: number; text: string }> = [];
  for (let r = 1; r <= g.rows; r++) {
    const cells = g.rowCells(r);
    if (cells.length === 0 || cells.length > 3) continue;
    for (const c of cells) {
      const spec = matchTitle(c.text);
      if (spec) {
        hits.push({ row: r, col: c.col, text: c.text, spec });
        break;
      }
      if (looksLikeUnknownTitle(c.text)) {
        unknown.push({ row: r, col: c.col, text: c.text });
        break;
      }
    }
  }
  return { hits, unknown };
}

function isProseSheet(g: Grid): boolean {
  let prose = 0;
  for (let r = 1; r <= g.rows; r++) {
    for (const c of g.rowCells(r)) {
      if (c.text.length >= 20 && /[。，；]/.test(c.text)) prose++;
    }
    if (prose >= 3) return true;
  }
  return false;
}

export function recogniseSheet(sheet: Sheet): { tables: RecognisedTable[]; unplaced: UnplacedBlock[]; prose: boolean } {
  const g = new Grid(sheet);
  const { hits, unknown } = findTitles(g);
  const titleRows = new Set([...hits.map((h) => h.row), ...unknown.map((u) => u.row)]);
  const reader = new TableReader(g, titleRows);
  const tables: RecognisedTable[] = [];
  const unplaced: UnplacedBlock[] = [];
  const allTitles = [...hits.map((h) => ({ ...h, known: true as const })), ...unknown.map((u) => ({ ...u, known: false as const }))].sort(
    (a, b) => a.row - b.row,
  );
  let claimedTo = 0;
  allTitles.forEach((t, i) => {
    if (t.row <= claimedTo) return;
    const next = allTitles.slice(i + 1).find((x) => x.row > t.row);
    const stopRow = next ? next.row - 1 : g.rows;
    if (t.known) {
      // performance self-evaluation forms are read by meaning, not as a header over a body (./performance)
      const res = t.spec.layout === 'form' ? readPerformanceForm(g, t, stopRow) : reader.read(t as TitleHit, stopRow);
      if ('fail' in res) {
        let k = t.row + 1;
        while (k <= stopRow && k <= t.row + 3 && g.isBlank(k)) k++;
        const following = k <= stopRow ? g.rowCells(k) : [];
        const ordinal = /^\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、])/.test(t.text);
        if (!ordinal && following.length >= 2) {
          unplaced.push({ sheet: sheet.name, range: areaA1({ top: t.row, left: t.col, bottom: t.row, right: t.col }), reason: 'no-body', text: t.text });
        }
        return;
      }
      tables.push(res);
      claimedTo = res.area.bottom;
    } else {
      // an unknown title followed by a header-like block: report it so the user knows it was seen
      let r = t.row + 1;
      while (r <= stopRow && r <= t.row + 4 && (g.isBlank(r) || reader.metaRow(r))) r++;
      const cells = r <= stopRow ? g.rowCells(r) : [];
      if (cells.length >= 2 && cells.some((c) => HEADER_WORD_RE.test(c.text))) {
        let end = r;
        while (end + 1 <= stopRow && !g.isBlank(end + 1)) end++;
        let right = t.col;
        for (let k = t.row; k <= end; k++) for (const c of g.rowCells(k)) right = Math.max(right, c.col);
        unplaced.push({ sheet: sheet.name, range: areaA1({ top: t.row, left: t.col, bottom: end, right }), reason: 'unknown-title', text: t.text.trim() });
        claimedTo = end;
      }
    }
  });
  return { tables, unplaced, prose: tables.length === 0 && isProseSheet(g) };
}

export function recogniseWorkbook(workbook: Workbook): Recognition {
  const tables: RecognisedTable[] = [];
  const unplaced: UnplacedBlock[] = [];
  const narrativeSheets: string[] = [];
  for (const sheet of workbook.sheets) {
    const res = recogniseSheet(sheet);
    for (const t of res.tables) tables.push(t);
    for (const u of res.unplaced) unplaced.push(u);
    if (res.prose) narrativeSheets.push(sheet.name);
  }
  const seen = new Map<string, number>();
  for (const t of tables) {
    const n = (seen.get(t.kind) ?? 0) + 1;
    seen.set(t.kind, n);
    t.id = n === 1 ? t.kind : `${t.kind}#${n}`;
  }
  return { tables, unplaced, narrativeSheets };
}
