/** Every string the command line prints, zh-CN first, en-US complete. */
import { defineMessages } from '../i18n';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export interface TableLineParams {
  /** 1-based position in the list */
  n: number;
  kind: string;
  title: string;
  /** Sheet!A1:H20 */
  where: string;
  formLabel?: string;
  unit: string | null;
  rows: number;
  cols: number;
  twoSided: boolean;
}

/** The summary counts of `check` (text header). */
export interface CheckCountsParams {
  errors: number;
  warnings: number;
  /** differences within the rounding allowance */
  rounding: number;
  cannot: number;
  passed: number;
}

/** The header line of `draft` (text). */
export interface DraftHeaderParams {
  file: string;
  /** the regime's name, when tables were recognised */
  regime?: string;
  year?: number;
  department?: string;
  /** the wording template's name */
  template: string;
}

export const cliMessages = defineMessages(
  {
    // ── help ──
    'help.program': '勾稽助手：检查部门预算、部门决算公开表格的勾稽关系',
    'help.lang': '界面语言：zh-CN 或 en-US（默认取环境变量 CROSSFOOT_LANG，其次是系统语言）',
    'help.version': '显示版本号',
    'help.help': '显示帮助',
    'help.help-command': '显示某个命令的帮助',
    'help.title.Usage:': '用法：',
    'help.title.Options:': '选项：',
    'help.title.Global Options:': '全局选项：',
    'help.title.Commands:': '命令：',
    'help.title.Arguments:': '参数：',
    'help.exit-codes': '退出码：0 正常（check 未发现错误）；1 check 发现错误；2 输入文件或命令行参数有误；3 内部错误。',
    'help.inspect': '列出工作簿中识别出的公开表格（只识别，不检查）',
    'help.inspect.book': '要查看的工作簿（.xlsx）',
    'help.inspect.format': '输出格式：text（默认，供人阅读）或 json（供程序读取）',
    'help.check': '检查工作簿中各表的勾稽关系（发现错误时退出码为 1）',
    'help.check.book': '要检查的工作簿（.xlsx）；可以给出多个工作簿、文件夹（检查其中所有 .xlsx，含子文件夹）或通配符（如 2024/*.xlsx），批量检查并输出汇总表',
    'help.check.format': '输出格式：text（默认，供人阅读）、json（供程序读取）、sarif（SARIF 2.1.0，供代码扫描工具读取）、junit（JUnit XML，供持续集成读取）或 html（可打印的审核报告）',
    'help.check.verbose': '同时逐条列出尾数差异和无法核对的项目（默认只显示数量）',
    'help.check.narrative': '情况说明所在的 .txt 或 .docx 文件（默认读取工作簿中的情况说明工作表）',
    'help.check.tables-only': '只核对表格，不核对情况说明',
    'help.check.fail-on': '退出码为 1 的条件：error（默认，发现错误时）或 warning（发现错误或警告时）',
    'help.check.annotate': '另存一份标注过的工作簿副本（.xlsx）：出错和疑似错误的单元格填色并加批注，另加“审核结果”工作表；原文件不会被改动',
    'help.report': '生成可打印的审核报告（HTML，单个文件，不依赖网络）',
    'help.report.book': '要审核的工作簿（.xlsx）',
    'help.report.output': '报告文件（默认：工作簿同名的 .html 文件，与工作簿放在同一目录）',
    'help.check.prior': '上年度的工作簿：按上年报表核对情况说明中的增减变动',
    'help.draft': '根据表格数据起草情况说明的标准段落（数字均取自表格；表格中没有的内容标为【待补充】）',
    'help.draft.book': '要起草说明的工作簿（.xlsx）',
    'help.draft.prior': '上一年度同类工作簿（.xlsx），用于计算与上年相比的增减变动',
    'help.draft.section': '只起草指定段落，例如 juesuan.overview 或 juesuan.general-budget（可重复，或用逗号分隔）',
    'help.draft.all': '起草全部标准段落（默认）',
    'help.draft.format': '输出格式：text（默认，供人阅读）或 json（供程序读取）',
    'help.draft.template': '措辞模板：national（全国通用，默认）或 shanghai（上海）；默认按部门所在地自动选择',

    // ── usage errors (exit 2) ──
    'usage.no-command': '请指定命令，例如：crossfoot inspect 报表.xlsx（运行 crossfoot --help 查看用法）',
    'usage.unknown-command': (p: { name: string; suggestion?: string }) =>
      `未知命令：${p.name}${p.suggestion ? `（是不是想输入 ${p.suggestion}？）` : ''}。运行 crossfoot --help 查看可用的命令。`,
    'usage.unknown-option': (p: { flag: string; suggestion?: string; command: string }) =>
      `未知选项：${p.flag}${p.suggestion ? `（是不是想输入 ${p.suggestion}？）` : ''}。运行 ${p.command} --help 查看可用的选项。`,
    'usage.missing-book': '缺少要查看的工作簿文件，例如：crossfoot inspect 报表.xlsx',
    'usage.missing-argument': (p: { name: string; command: string }) =>
      `缺少参数 <${p.name}>。运行 ${p.command} --help 查看用法。`,
    'usage.option-missing-value': (p: { flag: string }) => `选项 ${p.flag} 后面需要一个值。`,
    'usage.excess-arguments': (p: { command: string; expected: number; got: number }) =>
      `参数过多：${p.command} 只接受 ${p.expected} 个参数，却收到 ${p.got} 个。`,
    'usage.bad-format': (p: { value: string; choices: string }) =>
      `不支持的输出格式：${p.value}（可选：${p.choices}）。`,
    'usage.bad-lang': (p: { value: string }) => `不支持的语言：${p.value}（可选：zh-CN、en-US）。`,
    'usage.other': (p: { detail: string }) => `命令行参数有误：${p.detail}`,

    // ── failures ──
    'internal-error': (p: { detail: string }) =>
      `内部错误：${p.detail}。这是 crossfoot 自身的缺陷，请把所运行的命令和这条信息报告给开发者（设置 CROSSFOOT_DEBUG=1 可显示详细信息）。`,
    'not-built':
      'crossfoot 尚未构建：请在项目目录中运行 npm install（会自动完成构建）。',

    // ── inspect report (text) ──
    'inspect.header': (p: { file: string; sheets: number; tables: number }) =>
      `${p.file}：${p.sheets} 个工作表，识别出 ${p.tables} 张表`,
    'inspect.no-tables': '未识别出任何公开表格。',
    'inspect.table': (p: TableLineParams) =>
      `${p.n}. ${p.kind}  “${p.title}”${p.formLabel ? `（${p.formLabel}）` : ''}  ${p.where}  ` +
      `单位：${p.unit ?? '未注明'}  ${p.rows} 行 × ${p.cols} 列${p.twoSided ? '（收支两栏）' : ''}`,
    'inspect.empty': (p: { statement?: string }) =>
      p.statement ? `空表：${p.statement}` : '空表（未注明原因）',
    'inspect.narrative': (p: { sheets: string[] }) => `说明性工作表（情况说明等）：${p.sheets.join('、')}`,
    'inspect.unplaced-header': (p: { count: number }) => `未归入任何表格的内容（${p.count} 处）：`,
    'inspect.unplaced': (p: { where: string; reason: string; text: string }) =>
      `${p.where}  ${p.reason}${p.text ? `：“${p.text}”` : ''}`,
    'reason.unknown-title': '标题未能识别',
    'reason.no-body': '有标题但没有表体',
    'reason.not-a-table': '不是表格',

    // ── check report (text) ──
    'check.header': (p: { file: string; tables: number }) => `${p.file}：识别出 ${p.tables} 张表`,
    'check.counts': (p: CheckCountsParams) =>
      `错误 ${p.errors}，警告 ${p.warnings}，尾数差异 ${p.rounding}，无法核对 ${p.cannot}（${p.passed} 项核对通过）`,
    'check.no-tables': '未识别出任何公开表格，没有可核对的内容。',
    'check.group': (p: { kind: string; title: string; where: string }) => `“${p.title}”  ${p.where}`,
    'check.group-other': '其他',
    'check.severity.error': '错误',
    'check.severity.warning': '警告',
    'check.severity.info': '提示',
    'check.suspect': (p: { where: string; proposed?: string; reason: string }) =>
      `→ 疑似错误单元格 ${p.where}${p.proposed !== undefined ? `，建议值 ${p.proposed}` : ''}：${p.reason}`,
    'check.infos': (p: { rounding: number; cannot: number }) =>
      `另有 ${[p.rounding > 0 ? `${p.rounding} 处尾数差异` : '', p.cannot > 0 ? `${p.cannot} 处无法核对` : '']
        .filter((x) => x !== '')
        .join('、')}（加 --verbose 逐条列出）`,
    'check.verdict.errors': (p: { errors: number; warnings: number }) =>
      `发现 ${p.errors} 个错误${p.warnings > 0 ? `、${p.warnings} 个警告` : ''}。`,
    'check.verdict.warnings': (p: { warnings: number }) => `未发现错误，有 ${p.warnings} 个警告需要核实。`,
    'check.verdict.clean': '未发现错误。',
    'check.verdict.no-tables': '未识别出任何公开表格，未做任何核对。',

    // ── exit policy, JUnit, annotated copy, audit report ──
    'usage.bad-fail-on': (p: { value: string }) => `--fail-on 不支持 ${p.value}（可选：error、warning）。`,
    'usage.annotate-is-input': (p: { file: string }) => `--annotate 的输出文件不能是被检查的工作簿本身（${p.file}）。`,
    'usage.output-is-input': (p: { file: string }) => `报告文件不能是被审核的工作簿本身（${p.file}）。`,
    'junit.amounts': (p: { expected: string; actual: string; difference: string }) =>
      `应为 ${p.expected}，实为 ${p.actual}，差额 ${p.difference}`,
    'annotate.written': (p: { file: string }) => `已另存标注副本：${p.file}`,
    'report.written': (p: { file: string }) => `已生成审核报告：${p.file}`,

    // ── draft report (text) and draft errors ──
    'draft.header': (p: DraftHeaderParams) =>
      `情况说明草稿：${p.file}` +
      `（${[p.regime, p.year !== undefined ? `${p.year}年度` : '', p.department ?? '', p.template].filter((x) => x).join('，')}）`,
    'draft.regime.juesuan': '部门决算',
    'draft.regime.yusuan': '部门预算',
    'draft.template.national': '全国通用措辞',
    'draft.template.shanghai': '上海措辞',
    'draft.prior': (p: { file: string }) => `上年数据取自：${p.file}`,
    'draft.no-prior': '未提供上年工作簿（--prior）：与上年相比的增减变动留待补充。',
    'draft.legend':
      '【待补充：…】处是表格中没有的内容（上年数、年初预算数、变动原因、资金用途等），请核实补充；其余数字均取自表格或由表格数字计算得出。',
    'draft.missing': (p: { kinds: string }) => `（缺少${p.kinds}，本段未能起草）`,
    'draft.missing-partly': (p: { kinds: string }) => `（缺少${p.kinds}，本段只起草了部分内容）`,
    'draft.summary': (p: { sections: number; placeholders: number }) =>
      `共起草 ${p.sections} 段，${p.placeholders} 处待补充。`,
    'draft.no-tables': '未识别出任何公开表格，无法起草情况说明。',
    'draft.unknown-section': (p: { value: string; choices: string }) => `未知的段落：${p.value}（可选：${p.choices}）。`,
    'draft.section-of-other-regime': (p: { value: string; regime: string; choices: string }) =>
      `该工作簿是${p.regime}，没有段落 ${p.value}（可选：${p.choices}）。`,
    'draft.prior-regime': (p: { file: string; priorRegime: string; regime: string }) =>
      `上年工作簿 ${p.file} 是${p.priorRegime}，与本工作簿（${p.regime}）不是同类报表，无法比较。`,
    'draft.prior-no-tables': (p: { file: string }) => `上年工作簿 ${p.file} 中未识别出任何公开表格，无法比较。`,
    'draft.bad-template': (p: { value: string; choices: string }) => `不支持的措辞模板：${p.value}（可选：${p.choices}）。`,

    // ── batch check (several workbooks, a folder or a glob) ──
    'help.check.jobs': '批量检查时同时检查的工作簿数（默认：CPU 核数的一半，至少 1）',
    'help.check.summary-csv': '批量检查时另存一份汇总表（CSV，UTF-8 带 BOM，可直接用 Excel 打开）',
    'usage.bad-jobs': (p: { value: string }) => `--jobs 需要一个正整数，收到的是 ${p.value}。`,
    'usage.batch-format': (p: { value: string }) => `批量检查只支持 text 和 json 输出格式，不支持 ${p.value}。`,
    'usage.batch-option': (p: { flag: string }) => `${p.flag} 只能用于检查单个工作簿，不能用于批量检查。`,
    'usage.summary-csv-single': '--summary-csv 只能用于批量检查（多个工作簿、文件夹或通配符）。',
    'batch.no-files': (p: { inputs: string }) => `没有找到要检查的 .xlsx 工作簿：${p.inputs}`,
    'batch.progress': (p: { done: number; total: number; file: string }) => `[${p.done}/${p.total}] ${p.file}`,
    'batch.col.file': '文件',
    'batch.col.department': '部门',
    'batch.col.year': '年度',
    'batch.col.tables': '表格数',
    'batch.col.errors': '错误',
    'batch.col.warnings': '警告',
    'batch.col.cannot': '无法核对',
    'batch.col.status': '状态',
    'batch.col.note': '说明',
    'batch.status.clean': '通过',
    'batch.status.warnings': '有警告',
    'batch.status.errors': '有错误',
    'batch.status.no-tables': '未识别出表格',
    'batch.status.unreadable': '无法读取',
    'batch.failures': '无法读取的文件：',
    'batch.totals': (p: { files: number; checked: number; unreadable: number; failing: number; errors: number; warnings: number }) =>
      `共 ${p.files} 个工作簿：检查了 ${p.checked} 个，无法读取 ${p.unreadable} 个；` +
      `${p.failing} 个未通过；合计错误 ${p.errors} 个，警告 ${p.warnings} 个。`,
    'batch.csv-written': (p: { file: string }) => `已另存汇总表：${p.file}`,
  },
  {
    'help.program': 'crossfoot (勾稽助手): checks the tie-outs of Chinese department budget and final-accounts disclosure workbooks',
    'help.lang': 'language: zh-CN or en-US (default: the CROSSFOOT_LANG environment variable, then the system language)',
    'help.version': 'show the version number',
    'help.help': 'show help',
    'help.help-command': 'show help for a command',
    'help.title.Usage:': 'Usage:',
    'help.title.Options:': 'Options:',
    'help.title.Global Options:': 'Global Options:',
    'help.title.Commands:': 'Commands:',
    'help.title.Arguments:': 'Arguments:',
    'help.exit-codes': 'Exit codes: 0 ok (check found no errors); 1 check found errors; 2 bad input file or bad command line; 3 internal error.',
    'help.inspect': 'list the disclosure tables recognised in a workbook (recognition only, no checks)',
    'help.inspect.book': 'the workbook to inspect (.xlsx)',
    'help.inspect.format': 'output format: text (default, for people) or json (for programs)',
    'help.check': 'check the tie-outs of the tables in a workbook (exit code 1 when errors are found)',
    'help.check.book': 'the workbook to check (.xlsx); give several workbooks, folders (every .xlsx in them, subfolders included) or wildcard patterns (e.g. 2024/*.xlsx) to check them as a batch with a summary table',
    'help.check.format': 'output format: text (default, for people), json (for programs), sarif (SARIF 2.1.0, for code-scanning tools), junit (JUnit XML, for CI) or html (a printable audit report)',
    'help.check.verbose': 'also list the differences within rounding and the checks that could not be made (by default only counted)',
    'help.check.narrative': 'the narrative (情况说明) as a .txt or .docx file (default: the workbook\'s narrative sheet)',
    'help.check.tables-only': 'check the tables only, not the narrative',
    'help.check.fail-on': 'when the exit code is 1: error (default: errors found) or warning (errors or warnings found)',
    'help.check.annotate': 'also save an annotated copy of the workbook (.xlsx): failing and suspect cells filled and noted, plus a 审核结果 sheet listing every finding; the input is never changed',
    'help.report': 'write a printable audit report (one self-contained HTML file, no network needed)',
    'help.report.book': 'the workbook to report on (.xlsx)',
    'help.report.output': 'the report file (default: the workbook\'s name with .html, next to it)',
    'help.check.prior': 'last year\'s workbook: check the narrative\'s year-on-year changes against its tables',
    'help.draft': 'draft the standard narrative (情况说明) sections from the tables (every figure from a table; what the tables do not hold is marked 【待补充】)',
    'help.draft.book': 'the workbook to draft the narrative of (.xlsx)',
    'help.draft.prior': "last year's workbook of the same kind (.xlsx), to compute the changes against last year",
    'help.draft.section': 'draft only this section, e.g. juesuan.overview or juesuan.general-budget (repeatable, or comma-separated)',
    'help.draft.all': 'draft every standard section (the default)',
    'help.draft.format': 'output format: text (default, for people) or json (for programs)',
    'help.draft.template': "wording: national (the national template, default) or shanghai; chosen from the department's region when not given",

    'usage.no-command': 'No command given; for example: crossfoot inspect book.xlsx (run crossfoot --help for usage)',
    'usage.unknown-command': (p: { name: string; suggestion?: string }) =>
      `Unknown command: ${p.name}${p.suggestion ? ` (did you mean ${p.suggestion}?)` : ''}. Run crossfoot --help to see the commands.`,
    'usage.unknown-option': (p: { flag: string; suggestion?: string; command: string }) =>
      `Unknown option: ${p.flag}${p.suggestion ? ` (did you mean ${p.suggestion}?)` : ''}. Run ${p.command} --help to see the options.`,
    'usage.missing-book': 'No workbook given; for example: crossfoot inspect book.xlsx',
    'usage.missing-argument': (p: { name: string; command: string }) =>
      `Missing argument <${p.name}>. Run ${p.command} --help for usage.`,
    'usage.option-missing-value': (p: { flag: string }) => `Option ${p.flag} needs a value.`,
    'usage.excess-arguments': (p: { command: string; expected: number; got: number }) =>
      `Too many arguments: ${p.command} takes ${plural(p.expected, 'argument', 'arguments')} but got ${p.got}.`,
    'usage.bad-format': (p: { value: string; choices: string }) =>
      `Unsupported output format: ${p.value} (choose ${p.choices}).`,
    'usage.bad-lang': (p: { value: string }) => `Unsupported language: ${p.value} (choose zh-CN or en-US).`,
    'usage.other': (p: { detail: string }) => `Bad command line: ${p.detail}`,

    'internal-error': (p: { detail: string }) =>
      `Internal error: ${p.detail}. This is a bug in crossfoot; please report it with the command you ran (set CROSSFOOT_DEBUG=1 to show details).`,
    'not-built': 'crossfoot is not built yet: run npm install in the project folder (it runs the build).',

    'inspect.header': (p: { file: string; sheets: number; tables: number }) =>
      `${p.file}: ${plural(p.sheets, 'sheet', 'sheets')}, ${plural(p.tables, 'table', 'tables')} recognised`,
    'inspect.no-tables': 'No disclosure tables recognised.',
    'inspect.table': (p: TableLineParams) =>
      `${p.n}. ${p.kind}  "${p.title}"${p.formLabel ? ` (${p.formLabel})` : ''}  ${p.where}  ` +
      `unit: ${p.unit === null ? 'not stated' : englishUnit(p.unit)}  ` +
      `${plural(p.rows, 'row', 'rows')} × ${plural(p.cols, 'value column', 'value columns')}` +
      `${p.twoSided ? ' (two-sided: income | expenditure)' : ''}`,
    'inspect.empty': (p: { statement?: string }) =>
      p.statement ? `empty: ${p.statement}` : 'empty (no statement printed)',
    'inspect.narrative': (p: { sheets: string[] }) => `Narrative sheets: ${p.sheets.join(', ')}`,
    'inspect.unplaced-header': (p: { count: number }) => `Not placed in any table (${p.count}):`,
    'inspect.unplaced': (p: { where: string; reason: string; text: string }) =>
      `${p.where}  ${p.reason}${p.text ? `: "${p.text}"` : ''}`,
    'reason.unknown-title': 'title not recognised',
    'reason.no-body': 'title without a table body',
    'reason.not-a-table': 'not a table',

    'check.header': (p: { file: string; tables: number }) => `${p.file}: ${plural(p.tables, 'table', 'tables')} recognised`,
    'check.counts': (p: CheckCountsParams) =>
      `errors ${p.errors}, warnings ${p.warnings}, within rounding ${p.rounding}, cannot check ${p.cannot} ` +
      `(${plural(p.passed, 'check', 'checks')} passed)`,
    'check.no-tables': 'No disclosure tables recognised: nothing to check.',
    'check.group': (p: { kind: string; title: string; where: string }) => `${p.kind}  "${p.title}"  ${p.where}`,
    'check.group-other': 'Other',
    'check.severity.error': 'error',
    'check.severity.warning': 'warning',
    'check.severity.info': 'info',
    'check.suspect': (p: { where: string; proposed?: string; reason: string }) =>
      `→ suspect ${p.where}${p.proposed !== undefined ? `, proposed ${p.proposed}` : ''}: ${p.reason}`,
    'check.infos': (p: { rounding: number; cannot: number }) =>
      `plus ${[
        p.rounding > 0 ? `${p.rounding} within rounding` : '',
        p.cannot > 0 ? `${plural(p.cannot, 'check', 'checks')} that could not be made` : '',
      ]
        .filter((x) => x !== '')
        .join(', ')} (use --verbose to list them)`,
    'check.verdict.errors': (p: { errors: number; warnings: number }) =>
      `Found ${plural(p.errors, 'error', 'errors')}${p.warnings > 0 ? ` and ${plural(p.warnings, 'warning', 'warnings')}` : ''}.`,
    'check.verdict.warnings': (p: { warnings: number }) =>
      `No errors found; ${plural(p.warnings, 'warning', 'warnings')} to review.`,
    'check.verdict.clean': 'No errors found.',
    'check.verdict.no-tables': 'No disclosure tables recognised; nothing was checked.',

    'usage.bad-fail-on': (p: { value: string }) => `--fail-on does not accept ${p.value} (choose error or warning).`,
    'usage.annotate-is-input': (p: { file: string }) => `the --annotate copy cannot be the workbook being checked (${p.file}).`,
    'usage.output-is-input': (p: { file: string }) => `the report file cannot be the workbook itself (${p.file}).`,
    'junit.amounts': (p: { expected: string; actual: string; difference: string }) =>
      `expected ${p.expected}, actual ${p.actual}, difference ${p.difference}`,
    'annotate.written': (p: { file: string }) => `Annotated copy saved: ${p.file}`,
    'report.written': (p: { file: string }) => `Audit report written: ${p.file}`,

    'draft.header': (p: DraftHeaderParams) =>
      `Narrative draft: ${p.file}` +
      ` (${[p.regime, p.year !== undefined ? `year ${p.year}` : '', p.department ?? '', p.template].filter((x) => x).join(', ')})`,
    'draft.regime.juesuan': 'final accounts 部门决算',
    'draft.regime.yusuan': 'budget 部门预算',
    'draft.template.national': 'national wording',
    'draft.template.shanghai': 'Shanghai wording',
    'draft.prior': (p: { file: string }) => `Last year's figures from: ${p.file}`,
    'draft.no-prior': "No last year's workbook (--prior): the changes against last year are left to fill in.",
    'draft.legend':
      '【待补充：…】 marks what the tables do not hold (last year\'s figures, the initial budget, reasons for changes, what money was used for): check and fill in. Every other figure is a table figure or computed from table figures.',
    'draft.missing': (p: { kinds: string }) => `(missing: ${p.kinds}; this section could not be drafted)`,
    'draft.missing-partly': (p: { kinds: string }) => `(missing: ${p.kinds}; this section is drafted only in part)`,
    'draft.summary': (p: { sections: number; placeholders: number }) =>
      `${plural(p.sections, 'section', 'sections')} drafted, ${plural(p.placeholders, 'placeholder', 'placeholders')} to fill in.`,
    'draft.no-tables': 'No disclosure tables recognised: no narrative can be drafted.',
    'draft.unknown-section': (p: { value: string; choices: string }) => `Unknown section: ${p.value} (choose ${p.choices}).`,
    'draft.section-of-other-regime': (p: { value: string; regime: string; choices: string }) =>
      `This workbook is ${p.regime}; it has no section ${p.value} (choose ${p.choices}).`,
    'draft.prior-regime': (p: { file: string; priorRegime: string; regime: string }) =>
      `Last year's workbook ${p.file} is ${p.priorRegime}, not ${p.regime} like this workbook: they cannot be compared.`,
    'draft.prior-no-tables': (p: { file: string }) =>
      `No disclosure tables recognised in last year's workbook ${p.file}: nothing to compare with.`,
    'draft.bad-template': (p: { value: string; choices: string }) => `Unsupported wording template: ${p.value} (choose ${p.choices}).`,

    'help.check.jobs': 'how many workbooks a batch checks at the same time (default: half the number of CPUs, at least 1)',
    'help.check.summary-csv': 'also save the batch summary table as CSV (UTF-8 with a BOM, opens directly in Excel)',
    'usage.bad-jobs': (p: { value: string }) => `--jobs needs a positive whole number, got ${p.value}.`,
    'usage.batch-format': (p: { value: string }) => `a batch check prints text or json only, not ${p.value}.`,
    'usage.batch-option': (p: { flag: string }) => `${p.flag} works with a single workbook only, not with a batch.`,
    'usage.summary-csv-single': '--summary-csv works with a batch only (several workbooks, a folder or a wildcard pattern).',
    'batch.no-files': (p: { inputs: string }) => `No .xlsx workbooks found to check: ${p.inputs}`,
    'batch.progress': (p: { done: number; total: number; file: string }) => `[${p.done}/${p.total}] ${p.file}`,
    'batch.col.file': 'file',
    'batch.col.department': 'department',
    'batch.col.year': 'year',
    'batch.col.tables': 'tables',
    'batch.col.errors': 'errors',
    'batch.col.warnings': 'warnings',
    'batch.col.cannot': 'cannot check',
    'batch.col.status': 'status',
    'batch.col.note': 'note',
    'batch.status.clean': 'passed',
    'batch.status.warnings': 'warnings',
    'batch.status.errors': 'errors',
    'batch.status.no-tables': 'no tables recognised',
    'batch.status.unreadable': 'unreadable',
    'batch.failures': 'Files that could not be read:',
    'batch.totals': (p: { files: number; checked: number; unreadable: number; failing: number; errors: number; warnings: number }) =>
      `${plural(p.files, 'workbook', 'workbooks')}: ${p.checked} checked, ${p.unreadable} unreadable; ` +
      `${p.failing} failing; ${plural(p.errors, 'error', 'errors')} and ${plural(p.warnings, 'warning', 'warnings')} in all.`,
    'batch.csv-written': (p: { file: string }) => `Summary table saved: ${p.file}`,
  },
);

/** Printed Chinese units with an English gloss; count units (台、辆、套) are kept as printed. */
function englishUnit(unit: string): string {
  switch (unit) {
    case '元':
      return '元 (yuan)';
    case '万元':
      return '万元 (10,000 yuan)';
    case '亿元':
      return '亿元 (100 million yuan)';
    case '千元':
      return '千元 (1,000 yuan)';
    default:
      return unit;
  }
}
