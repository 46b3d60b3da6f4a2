/** Every string of the task pane, zh-CN first, en-US complete (finding messages come from the engine). */
import { defineMessages, t, type Lang } from '../../src/i18n';

export const paneMessages = defineMessages(
  {
    'app.title': '勾稽助手',
    'app.subtitle': '部门预决算公开表核对',
    'lang.label': '语言',
    'lang.zh-CN': '中文',
    'lang.en-US': 'English',

    'tabs.label': '功能',
    'tab.check': '表格核对',
    'tab.narrative': '情况说明',

    'action.check': '核对',
    'action.recheck': '重新核对',
    'progress.read': '正在读取工作簿…',
    'progress.recognise': '正在识别公开表…',
    'progress.rules': '正在核对勾稽关系…',
    'progress.label': '核对进度',

    'start.title': '核对当前工作簿',
    'start.body': '点击“核对”，勾稽助手会识别工作簿中的部门预算、决算公开表，逐项核对表内和表间的勾稽关系，并指出最可能出错的单元格。',
    'start.readonly': '核对只读取工作簿，不会修改任何数字。',

    'summary.label': '核对结果',
    'summary.errors': '错误',
    'summary.warnings': '警告',
    'summary.rounding': '尾数差异',
    'summary.cannot': '无法核对',
    'summary.tables': (p: { n: number }) => `识别出 ${p.n} 张表`,
    'summary.passed': (p: { n: number }) => `${p.n} 项核对通过`,
    'summary.waived': (p: { n: number }) => `${p.n} 项已说明`,
    'summary.checked-at': (p: { time: string }) => `核对于 ${p.time}`,
    'verdict.errors': (p: { errors: number; warnings: number }) =>
      p.warnings > 0 ? `发现 ${p.errors} 个错误、${p.warnings} 个警告` : `发现 ${p.errors} 个错误`,
    'verdict.warnings': (p: { warnings: number }) => `未发现错误，有 ${p.warnings} 个警告需要核实`,
    'verdict.clean': '未发现错误',
    'verdict.no-tables': '没有识别出公开表',
    'no-tables.body': '工作簿中没有找到部门预算或决算公开表。请确认表格标题完整（如“2023年度收入支出决算总表”）。',

    'live.label': '实时核对',
    'live.hint': '修改单元格后自动重新核对',
    'live.unsupported': '当前环境不支持实时核对',
    'live.rechecking': '单元格已修改，正在重新核对…',

    'marks.apply': '标记',
    'marks.clear': '清除标记',
    'marks.applied': (p: { n: number }) => `已标记 ${p.n} 个单元格`,
    'marks.cleared': '已清除标记，单元格恢复原格式',
    'marks.none': '没有需要标记的问题',
    'marks.label': '在工作簿中标记',

    'filter.label': '筛选',
    'filter.severity': '显示',
    'filter.table': '表格',
    'filter.all-tables': '全部表格',
    'severity.error': '错误',
    'severity.warning': '警告',
    'severity.info': '提示',
    'badge.error': '错误',
    'badge.warning': '警告',
    'badge.info': '提示',
    'badge.waived': '已说明',
    'verdict.rounding': '尾数差异',
    'verdict.cannot': '无法核对',

    'list.label': '核对发现的问题',
    'list.empty': '当前筛选条件下没有问题。',
    'list.clean': '没有需要处理的错误或警告。',
    'list.hint': '用上下方向键在问题之间移动，按 Enter 定位到单元格。',
    'group.other': '其他',
    'group.count': (p: { n: number }) => `${p.n} 项`,

    'finding.cell': '单元格',
    'finding.expected': '应为',
    'finding.actual': '实际',
    'finding.difference': '差额',
    'finding.allowance': (p: { allowance: string }) => `尾数容差 ±${p.allowance}`,
    'finding.other-cells': (p: { cells: string }) => `相关单元格：${p.cells}`,
    'finding.suspect': '疑似出错',
    'finding.proposed': '建议值',
    'finding.reason': '原因',
    'finding.goto': '定位',
    'finding.goto-label': (p: { cell: string }) => `在工作簿中选中 ${p.cell}`,
    'finding.goto-suspect': (p: { cell: string }) => `选中疑似出错的单元格 ${p.cell}`,
    'finding.accept': '出错说明',
    'finding.accept-label': (p: { cell: string }) => `为 ${p.cell} 的问题填写出错说明`,

    'waiver.title': '出错说明',
    'waiver.intro': '说明这个问题为什么可以接受。只要相关数字不变，它就不再作为错误或警告显示；数字一旦改变，问题会重新出现。',
    'waiver.reason': '说明理由',
    'waiver.placeholder': '例如：本年支出含上年结转资金，经财政局批复，与总表口径不同。',
    'waiver.required': '请填写说明理由。',
    'waiver.save': '保存说明',
    'waiver.cancel': '取消',
    'waiver.saved': '出错说明已保存',
    'waiver.save-failed': (p: { detail: string }) => `出错说明保存失败：${p.detail}`,

    'waived.heading': '已说明的问题',
    'waived.reason': '理由',
    'waived.at': (p: { date: string }) => `说明于 ${p.date}`,
    'waived.by': (p: { author: string; date: string }) => `${p.author} 说明于 ${p.date}`,
    'waived.revoke': '撤销说明',
    'waived.revoked': '已撤销出错说明',

    'narrative.title': '情况说明核对',
    'narrative.body': '核对情况说明正文中的金额、比例、增减方向与公开表是否一致，并根据表中数字起草说明文字。',
    'narrative.no-check': '请先在“表格核对”页点击“核对”，再查看情况说明的核对结果。',
    'narrative.no-sheet': '工作簿中没有识别出情况说明工作表。可以在下方粘贴说明文字进行核对。',
    'narrative.summary': (p: { paragraphs: number; claims: number; passed: number }) =>
      `${p.paragraphs} 段文字，${p.claims} 处数字表述，${p.passed} 处与表格一致`,
    'narrative.counts': (p: { errors: number; warnings: number; infos: number }) =>
      `错误 ${p.errors} 个，警告 ${p.warnings} 个，提示 ${p.infos} 个`,
    'narrative.list': '情况说明中的问题',
    'narrative.clean': '情况说明中没有发现错误或警告。',
    'narrative.infos.show': (p: { n: number }) => `显示 ${p.n} 条提示`,
    'narrative.infos.hide': '隐藏提示',
    'narrative.goto-label': (p: { cell: string }) => `在工作簿中选中 ${p.cell} 段落`,
    'narrative.claim': '表述',

    'paste.heading': '粘贴文字核对',
    'paste.label': '粘贴情况说明文字（每行一段），与本工作簿的公开表核对',
    'paste.placeholder': '例如：2023年度收、支总计442.86万元……',
    'paste.check': '核对粘贴的文字',
    'paste.source': '粘贴文本',
    'paste.empty': '请先粘贴要核对的文字。',
    'paste.list': '粘贴文字中的问题',

    'draft.heading': '起草说明',
    'draft.intro': '根据公开表中的数字起草情况说明的标准段落。【待补充：…】处为表中没有的信息，请人工补充。',
    'draft.section': '章节',
    'draft.none': '没有可起草的章节（未识别出公开表）。',
    'draft.empty': '此章节缺少所需的表格，无法起草。',
    'draft.missing': (p: { tables: string }) => `缺少：${p.tables}`,
    'draft.placeholders': (p: { n: number }) => `${p.n} 处待补充`,
    'draft.placeholder-title': (p: { label: string }) => `待补充：${p.label}`,
    'draft.copy': '复制',
    'draft.copied': '已复制到剪贴板',
    'draft.copy-failed': '无法访问剪贴板，请手动选择文字复制。',
    'draft.target': '插入位置（工作表!单元格）',
    'draft.target-hint': '每段写入一个单元格，自上而下连续写入。',
    'draft.target.format': '请按“工作表!A1”的格式填写单元格，例如 情况说明!A78。',
    'draft.target.sheet': '工作簿中没有这个工作表。',
    'draft.insert': '插入到单元格',
    'draft.confirm.title': '确认插入',
    'draft.confirm.body': (p: { n: number; range: string }) => `将把 ${p.n} 段文字写入 ${p.range}。`,
    'draft.confirm.overwrite': (p: { cells: string }) => `以下单元格已有内容，将被覆盖：${p.cells}`,
    'draft.confirm.ok': '确认插入',
    'draft.confirm.cancel': '取消',
    'draft.inserted': (p: { n: number; range: string }) => `已插入 ${p.n} 段文字到 ${p.range}`,
    'draft.insert-failed': (p: { detail: string }) => `插入失败：${p.detail}`,

    'error.check': (p: { detail: string }) => `核对未能完成：${p.detail}`,
    'error.host': (p: { detail: string }) => `无法在工作簿中完成此操作：${p.detail}`,
    'error.dismiss': '关闭',
  },
  {
    'app.title': 'Crossfoot',
    'app.subtitle': 'Disclosure table checks',
    'lang.label': 'Language',
    'lang.zh-CN': '中文',
    'lang.en-US': 'English',

    'tabs.label': 'Sections',
    'tab.check': 'Tables',
    'tab.narrative': 'Narrative',

    'action.check': 'Check',
    'action.recheck': 'Check again',
    'progress.read': 'Reading the workbook…',
    'progress.recognise': 'Recognising the disclosure tables…',
    'progress.rules': 'Checking the relations…',
    'progress.label': 'Check progress',

    'start.title': 'Check this workbook',
    'start.body':
      'Click Check: crossfoot recognises the budget and final-accounts disclosure tables in the workbook, checks every ' +
      'relation within and between them, and points at the cell most likely wrong.',
    'start.readonly': 'Checking only reads the workbook; no figure is changed.',

    'summary.label': 'Check result',
    'summary.errors': 'Errors',
    'summary.warnings': 'Warnings',
    'summary.rounding': 'Within rounding',
    'summary.cannot': 'Cannot check',
    'summary.tables': (p: { n: number }) => (p.n === 1 ? '1 table recognised' : `${p.n} tables recognised`),
    'summary.passed': (p: { n: number }) => (p.n === 1 ? '1 check passed' : `${p.n} checks passed`),
    'summary.waived': (p: { n: number }) => `${p.n} accepted`,
    'summary.checked-at': (p: { time: string }) => `Checked at ${p.time}`,
    'verdict.errors': (p: { errors: number; warnings: number }) =>
      `${p.errors} ${p.errors === 1 ? 'error' : 'errors'}` +
      (p.warnings > 0 ? `, ${p.warnings} ${p.warnings === 1 ? 'warning' : 'warnings'}` : ''),
    'verdict.warnings': (p: { warnings: number }) =>
      `No errors; ${p.warnings} ${p.warnings === 1 ? 'warning' : 'warnings'} to review`,
    'verdict.clean': 'No errors found',
    'verdict.no-tables': 'No disclosure tables recognised',
    'no-tables.body':
      'No budget or final-accounts disclosure table was found in this workbook. Check that the table titles are ' +
      'complete (e.g. “2023年度收入支出决算总表”).',

    'live.label': 'Live check',
    'live.hint': 'Check again automatically after cells change',
    'live.unsupported': 'Live checking is not available here',
    'live.rechecking': 'Cells changed; checking again…',

    'marks.apply': 'Mark cells',
    'marks.clear': 'Clear marks',
    'marks.applied': (p: { n: number }) => (p.n === 1 ? '1 cell marked' : `${p.n} cells marked`),
    'marks.cleared': 'Marks cleared; the cells have their own formats again',
    'marks.none': 'Nothing to mark',
    'marks.label': 'Mark in the workbook',

    'filter.label': 'Filters',
    'filter.severity': 'Show',
    'filter.table': 'Table',
    'filter.all-tables': 'All tables',
    'severity.error': 'Errors',
    'severity.warning': 'Warnings',
    'severity.info': 'Notes',
    'badge.error': 'Error',
    'badge.warning': 'Warning',
    'badge.info': 'Note',
    'badge.waived': 'Accepted',
    'verdict.rounding': 'Within rounding',
    'verdict.cannot': 'Cannot check',

    'list.label': 'Findings',
    'list.empty': 'Nothing matches these filters.',
    'list.clean': 'No errors or warnings to review.',
    'list.hint': 'Use the up and down arrow keys to move between findings; press Enter to go to the cells.',
    'group.other': 'Other',
    'group.count': (p: { n: number }) => (p.n === 1 ? '1 finding' : `${p.n} findings`),

    'finding.cell': 'Cell',
    'finding.expected': 'Expected',
    'finding.actual': 'Actual',
    'finding.difference': 'Difference',
    'finding.allowance': (p: { allowance: string }) => `rounding allowance ±${p.allowance}`,
    'finding.other-cells': (p: { cells: string }) => `Related cells: ${p.cells}`,
    'finding.suspect': 'Suspected cell',
    'finding.proposed': 'Proposed value',
    'finding.reason': 'Reason',
    'finding.goto': 'Go to',
    'finding.goto-label': (p: { cell: string }) => `Select ${p.cell} in the workbook`,
    'finding.goto-suspect': (p: { cell: string }) => `Select the suspected cell ${p.cell}`,
    'finding.accept': 'Accept with reason',
    'finding.accept-label': (p: { cell: string }) => `Accept the finding at ${p.cell} with a reason`,

    'waiver.title': 'Accept with reason',
    'waiver.intro':
      'Explain why this finding is acceptable. While its figures stay the same it is no longer shown as an error or ' +
      'warning; if they change, it comes back.',
    'waiver.reason': 'Reason',
    'waiver.placeholder': 'E.g. this year’s expenditure includes funds carried over, approved by the finance bureau.',
    'waiver.required': 'Please give a reason.',
    'waiver.save': 'Accept',
    'waiver.cancel': 'Cancel',
    'waiver.saved': 'Finding accepted',
    'waiver.save-failed': (p: { detail: string }) => `The reason could not be saved: ${p.detail}`,

    'waived.heading': 'Accepted findings',
    'waived.reason': 'Reason',
    'waived.at': (p: { date: string }) => `Accepted on ${p.date}`,
    'waived.by': (p: { author: string; date: string }) => `Accepted by ${p.author} on ${p.date}`,
    'waived.revoke': 'Revoke',
    'waived.revoked': 'Acceptance revoked',

    'narrative.title': 'Narrative checks',
    'narrative.body':
      'Checks the amounts, ratios and directions of change in the narrative (情况说明) against the tables, and drafts ' +
      'its standard paragraphs from the tables’ figures.',
    'narrative.no-check': 'Run Check on the Tables tab first to see the narrative’s findings.',
    'narrative.no-sheet': 'No narrative sheet was recognised in this workbook. You can paste the narrative below to check it.',
    'narrative.summary': (p: { paragraphs: number; claims: number; passed: number }) =>
      `${p.paragraphs} ${p.paragraphs === 1 ? 'paragraph' : 'paragraphs'}, ${p.claims} ${p.claims === 1 ? 'figure' : 'figures'} stated, ` +
      `${p.passed} consistent with the tables`,
    'narrative.counts': (p: { errors: number; warnings: number; infos: number }) =>
      `${p.errors} ${p.errors === 1 ? 'error' : 'errors'}, ${p.warnings} ${p.warnings === 1 ? 'warning' : 'warnings'}, ` +
      `${p.infos} ${p.infos === 1 ? 'note' : 'notes'}`,
    'narrative.list': 'Findings in the narrative',
    'narrative.clean': 'No errors or warnings in the narrative.',
    'narrative.infos.show': (p: { n: number }) => (p.n === 1 ? 'Show 1 note' : `Show ${p.n} notes`),
    'narrative.infos.hide': 'Hide notes',
    'narrative.goto-label': (p: { cell: string }) => `Select the paragraph at ${p.cell} in the workbook`,
    'narrative.claim': 'Claim',

    'paste.heading': 'Check pasted text',
    'paste.label': 'Paste narrative text (one paragraph a line) to check it against this workbook’s tables',
    'paste.placeholder': 'E.g. 2023年度收、支总计442.86万元……',
    'paste.check': 'Check pasted text',
    'paste.source': 'Pasted text',
    'paste.empty': 'Paste the text to check first.',
    'paste.list': 'Findings in the pasted text',

    'draft.heading': 'Drafts',
    'draft.intro':
      'Standard narrative paragraphs drafted from the tables’ figures (in Chinese). 【待补充：…】 marks what the tables ' +
      'do not hold: fill it in by hand.',
    'draft.section': 'Section',
    'draft.none': 'Nothing to draft (no disclosure table recognised).',
    'draft.empty': 'The tables this section needs are missing; nothing could be drafted.',
    'draft.missing': (p: { tables: string }) => `Missing: ${p.tables}`,
    'draft.placeholders': (p: { n: number }) => (p.n === 1 ? '1 placeholder to fill in' : `${p.n} placeholders to fill in`),
    'draft.placeholder-title': (p: { label: string }) => `To fill in: ${p.label}`,
    'draft.copy': 'Copy',
    'draft.copied': 'Copied to the clipboard',
    'draft.copy-failed': 'The clipboard is not available; select the text and copy it by hand.',
    'draft.target': 'Insert at (sheet!cell)',
    'draft.target-hint': 'One paragraph a cell, downwards from this cell.',
    'draft.target.format': 'Write the cell as sheet!A1, e.g. 情况说明!A78.',
    'draft.target.sheet': 'The workbook has no sheet of that name.',
    'draft.insert': 'Insert into cell',
    'draft.confirm.title': 'Confirm insert',
    'draft.confirm.body': (p: { n: number; range: string }) =>
      `${p.n} ${p.n === 1 ? 'paragraph' : 'paragraphs'} will be written into ${p.range}.`,
    'draft.confirm.overwrite': (p: { cells: string }) => `These cells are not empty and will be overwritten: ${p.cells}`,
    'draft.confirm.ok': 'Insert',
    'draft.confirm.cancel': 'Cancel',
    'draft.inserted': (p: { n: number; range: string }) =>
      `${p.n} ${p.n === 1 ? 'paragraph' : 'paragraphs'} inserted into ${p.range}`,
    'draft.insert-failed': (p: { detail: string }) => `The text could not be inserted: ${p.detail}`,

    'error.check': (p: { detail: string }) => `The check could not be completed: ${p.detail}`,
    'error.host': (p: { detail: string }) => `This could not be done in the workbook: ${p.detail}`,
    'error.dismiss': 'Dismiss',
  },
);

export type PaneMessages = (typeof paneMessages)['zh-CN'];
export type PaneKey = keyof PaneMessages & string;

/** A translator bound to one language: `m('summary.errors')`, `m('summary.tables', { n: 9 })`. */
export function translator(lang: Lang) {
  return <K extends PaneKey>(key: K, ...params: PaneMessages[K] extends (p: infer P) => string ? [P] : []): string =>
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (t as any)(paneMessages, lang, key, ...params);
}

export type Translate = ReturnType<typeof translator>;
