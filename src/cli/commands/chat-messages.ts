/** Every string `crossfoot chat` prints, zh-CN first, en-US complete. */
import { defineMessages } from '../../i18n';

export const chatCliMessages = defineMessages(
  {
    // ── help ──
    'help.chat': '就工作簿的检查结果向语言模型提问（模型通过工具查询数字和发现，回答注明单元格；不会改动工作簿）',
    'help.chat.book': '要提问的工作簿（.xlsx）',
    'help.chat.ask': '只问这一个问题，回答后退出（供脚本使用）；不给出时进入交互模式',
    'help.chat.format': '输出格式：text（默认，逐字显示回答）或 json（每个回答一个 JSON 对象）',
    'help.chat.narrative': '情况说明所在的 .txt 或 .docx 文件（默认读取工作簿中的情况说明工作表）',
    'help.chat.prior': '上年度的工作簿：用于核对与上年相比的增减变动',
    'help.chat.llm-base-url': '语言模型服务的地址（OpenAI 兼容接口），默认取环境变量 CROSSFOOT_LLM_BASE_URL',
    'help.chat.llm-model': '模型名称，默认取环境变量 CROSSFOOT_LLM_MODEL',
    'help.chat.llm-timeout': '每次请求的超时秒数（默认 60），默认取环境变量 CROSSFOOT_LLM_TIMEOUT',
    'help.chat.llm-retries': '遇到 429、5xx 和连接错误时的重试次数（默认 2），默认取环境变量 CROSSFOOT_LLM_RETRIES',

    'usage.empty-ask': '--ask 后面需要一个问题，例如：--ask "有哪些错误？"',

    // ── interactive ──
    'repl.welcome': (p: { file: string }) =>
      `正在就 ${p.file} 对话。输入问题后回车；Ctrl-C 取消正在生成的回答，再按一次 Ctrl-C 或输入 /exit 退出。`,
    'repl.prompt': '问> ',
    'repl.cancelled': '（已取消这次回答）',
    'repl.exit-hint': '再按一次 Ctrl-C 或输入 /exit 退出。',
    'repl.bye': '再见。',

    // ── a turn ──
    'turn.tool': (p: { name: string; args: string }) => `[工具] ${p.name}${p.args ? ` ${p.args}` : ''}`,
    'turn.tool-error': (p: { name: string; message: string }) => `[工具] ${p.name} 出错：${p.message}`,
    'turn.citations': (p: { cells: string }) => `引用：${p.cells}`,
    'turn.citation-missing': (p: { ref: string }) => `${p.ref}（工作簿中没有这个工作表）`,
    'turn.problems': (p: { count: number }) => `⚠ 未能核实的数字（${p.count} 处，请勿直接采用）：`,
    'turn.problem': (p: { text: string; reason: string }) => `  “${p.text}”：${p.reason}`,
    'turn.proposal': (p: { id: string }) => `建议插入 ${p.id}（需要您确认；命令行只显示建议，不会写入工作簿）：`,
    'turn.proposal.target-cell': (p: { ref: string; mode: string }) => `  位置：${p.ref}（${p.mode}）`,
    'turn.proposal.target-section': (p: { id: string; title: string; mode: string }) => `  位置：段落 ${p.id} “${p.title}”（${p.mode}）`,
    'turn.proposal.mode.append': '追加在原文之后',
    'turn.proposal.mode.replace': '替换原文',
    'turn.proposal.text': (p: { text: string }) => `  内容：“${p.text}”`,
    'turn.proposal.reason': (p: { reason: string }) => `  理由：${p.reason}`,
    'turn.proposal.model': '  注意：这是模型主动提出的，您并没有要求插入。',
    'turn.proposal.workbook-text': '  注意：这段文字与工作簿单元格中的文字相同，可能来自单元格中夹带的指令。',
    'turn.proposal.problems': (p: { count: number }) => `  其中有 ${p.count} 处数字未能核实。`,
    'turn.suspicious': (p: { cells: string }) =>
      `注意：工作簿中有像是指令的文字（${p.cells}），已作为数据处理，没有照做。`,
    'turn.empty': '（模型没有给出回答）',
  },
  {
    'help.chat': "Ask a language model about the workbook's check results (the model looks figures and findings up through tools and cites cells; the workbook is never changed)",
    'help.chat.book': 'the workbook to ask about (.xlsx)',
    'help.chat.ask': 'ask this one question, print the answer and exit (for scripts); without it the chat is interactive',
    'help.chat.format': 'output format: text (default, the answer as it arrives) or json (one JSON object per answer)',
    'help.chat.narrative': 'the narrative (情况说明) as a .txt or .docx file (default: the prose sheet of the workbook)',
    'help.chat.prior': "last year's workbook, for year-on-year changes",
    'help.chat.llm-base-url': 'the language model endpoint (OpenAI-compatible), default CROSSFOOT_LLM_BASE_URL',
    'help.chat.llm-model': 'the model, default CROSSFOOT_LLM_MODEL',
    'help.chat.llm-timeout': 'seconds per request (default 60), default CROSSFOOT_LLM_TIMEOUT',
    'help.chat.llm-retries': 'retries on 429, 5xx and connection errors (default 2), default CROSSFOOT_LLM_RETRIES',

    'usage.empty-ask': '--ask needs a question, e.g. --ask "Which errors are there?"',

    'repl.welcome': (p: { file: string }) =>
      `Chatting about ${p.file}. Type a question and press Enter; Ctrl-C cancels the answer being written, a second Ctrl-C or /exit quits.`,
    'repl.prompt': 'ask> ',
    'repl.cancelled': '(answer cancelled)',
    'repl.exit-hint': 'Press Ctrl-C again or type /exit to quit.',
    'repl.bye': 'Bye.',

    'turn.tool': (p: { name: string; args: string }) => `[tool] ${p.name}${p.args ? ` ${p.args}` : ''}`,
    'turn.tool-error': (p: { name: string; message: string }) => `[tool] ${p.name} failed: ${p.message}`,
    'turn.citations': (p: { cells: string }) => `Cited: ${p.cells}`,
    'turn.citation-missing': (p: { ref: string }) => `${p.ref} (no such sheet in the workbook)`,
    'turn.problems': (p: { count: number }) => `⚠ Numbers that could not be verified (${p.count}; do not use them as they are):`,
    'turn.problem': (p: { text: string; reason: string }) => `  "${p.text}": ${p.reason}`,
    'turn.proposal': (p: { id: string }) => `Proposed insertion ${p.id} (needs your confirmation; the command line only shows it and writes nothing):`,
    'turn.proposal.target-cell': (p: { ref: string; mode: string }) => `  Where: ${p.ref} (${p.mode})`,
    'turn.proposal.target-section': (p: { id: string; title: string; mode: string }) => `  Where: section ${p.id} "${p.title}" (${p.mode})`,
    'turn.proposal.mode.append': 'after the existing text',
    'turn.proposal.mode.replace': 'replacing the existing text',
    'turn.proposal.text': (p: { text: string }) => `  Text: "${p.text}"`,
    'turn.proposal.reason': (p: { reason: string }) => `  Why: ${p.reason}`,
    'turn.proposal.model': '  Note: the model proposed this on its own; you did not ask for an insertion.',
    'turn.proposal.workbook-text': '  Note: this text repeats text found in a workbook cell; it may come from instructions hidden in the cell.',
    'turn.proposal.problems': (p: { count: number }) => `  ${p.count} of its numbers could not be verified.`,
    'turn.suspicious': (p: { cells: string }) =>
      `Note: the workbook holds text that looks like instructions (${p.cells}); it was treated as data and not followed.`,
    'turn.empty': '(the model gave no answer)',
  },
);
