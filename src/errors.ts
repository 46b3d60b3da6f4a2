/**
 * The project's own typed errors. Every failure a user can cause (bad file, bad argument) is a CrossfootError with a
 * code; the CLI renders it as one sentence in the user's language and exits with code 2. Anything else is a bug.
 */
import { defineMessages, t, type Lang } from './i18n';
import { llmErrorMessagesEn, llmErrorMessagesZh } from './llm/error-messages';

/**
 * Why a file is damaged (the optional `reason` param of 'corrupt'): a localized phrase is shown instead of the
 * technical `detail`, which stays in the params for debugging.
 */
const corruptReasonsZh: Record<string, string> = {
  'empty-file': '文件是空的，大小为 0 字节',
  'truncated': '文件不完整，可能在下载或复制时被截断',
  'zip': '压缩包结构已损坏',
  'zip-method': '压缩包使用了不支持的压缩方式',
  'zip-encrypted': '压缩包内容被加密',
  'no-workbook': '缺少工作簿主体 xl/workbook.xml',
  'size-mismatch': '压缩包中某个部件的实际大小与记录不符',
  'xml': '工作簿内部数据无法解析',
};
const corruptReasonsEn: Record<string, string> = {
  'empty-file': 'the file is empty, 0 bytes long',
  'truncated': 'the file is incomplete, probably cut off while downloading or copying',
  'zip': 'its zip structure is broken',
  'zip-method': 'its zip archive uses an unsupported compression method',
  'zip-encrypted': 'the contents of its zip archive are encrypted',
  'no-workbook': 'the workbook part xl/workbook.xml is missing',
  'size-mismatch': 'a part of its zip archive does not have the size the archive records',
  'xml': 'its contents cannot be parsed',
};

/** Why a .docx narrative file is damaged (the optional `reason` param of 'corrupt-docx'). */
const docxReasonsZh: Record<string, string> = {
  'empty-file': '文件是空的，大小为 0 字节',
  'zip': '压缩包结构已损坏',
  'no-document': '缺少文档主体 word/document.xml',
  'xml': '文档内容无法解析',
};
const docxReasonsEn: Record<string, string> = {
  'empty-file': 'the file is empty, 0 bytes long',
  'zip': 'its zip structure is broken',
  'no-document': 'the document part word/document.xml is missing',
  'xml': 'its contents cannot be parsed',
};

/** Params of 'too-large': `kind` (rows | cells | unzipped | file) selects a precise sentence; `sheet` for rows. */
type TooLargeParams = { file: string; limit: string; kind?: string; sheet?: string };

export const errorMessages = defineMessages(
  {
    'file-not-found': (p: { file: string }) => `找不到文件：${p.file}`,
    'not-a-file': (p: { file: string }) => `不是文件：${p.file}`,
    'not-xlsx': (p: { file: string }) => `${p.file} 不是 Excel 工作簿（.xlsx），无法读取。`,
    'legacy-xls': (p: { file: string }) =>
      `${p.file} 是旧版 Excel 97-2003 格式（.xls），请在 Excel 或 WPS 中另存为 .xlsx 后再检查。`,
    'encrypted': (p: { file: string }) => `${p.file} 受密码保护，请先在 Excel 中取消密码后再检查。`,
    'corrupt': (p: { file: string; detail: string; reason?: string }) =>
      `${p.file} 已损坏，无法读取（${(p.reason && corruptReasonsZh[p.reason]) || p.detail}）。`,
    'empty-workbook': (p: { file: string }) => `${p.file} 中没有任何内容。`,
    'too-large': (p: TooLargeParams) => {
      switch (p.kind) {
        case 'rows':
          return `${p.file} 的工作表“${p.sheet ?? ''}”超过 ${p.limit} 行，超出可检查的范围。`;
        case 'cells':
          return `${p.file} 中的单元格超过 ${p.limit} 个，超出可检查的范围。`;
        case 'unzipped':
          return `${p.file} 解压后超过 ${p.limit}，超出可检查的范围（可能是恶意的“压缩炸弹”）。`;
        case 'file':
          return `${p.file} 的文件大小超过 ${p.limit}，超出可检查的范围。`;
        default:
          return `${p.file} 太大，超出可检查的范围（${p.limit}）。`;
      }
    },
    'unreadable': (p: { file: string; detail: string }) => `无法读取 ${p.file}：${p.detail}`,
    'bad-argument': (p: { detail: string }) => `参数有误：${p.detail}`,
    'permission-denied': (p: { file: string }) => `没有读取 ${p.file} 的权限。`,
    'file-locked': (p: { file: string }) =>
      `${p.file} 正被其他程序占用，请在 Excel 或 WPS 中关闭后再检查。`,
    'unsupported-narrative-file': (p: { file: string; ext: string }) =>
      `无法读取说明文件 ${p.file}（${p.ext || '没有扩展名'}）：请提供 .txt 或 .docx 文件。`,
    'legacy-doc': (p: { file: string }) =>
      `${p.file} 是旧版 Word 97-2003 格式（.doc），请在 Word 或 WPS 中另存为 .docx 后再读取。`,
    'encrypted-document': (p: { file: string }) => `${p.file} 受密码保护，请先在 Word 或 WPS 中取消密码后再读取。`,
    'corrupt-docx': (p: { file: string; detail: string; reason?: string }) =>
      `${p.file} 不是有效的 Word 文档（.docx），无法读取（${(p.reason && docxReasonsZh[p.reason]) || p.detail}）。`,
    'not-text': (p: { file: string }) => `${p.file} 不是文本文件，无法作为说明文字读取。`,
    // the language-model layer (src/llm): llm-not-configured, llm-unreachable, llm-timeout, …
    ...llmErrorMessagesZh,
  },
  {
    'file-not-found': (p: { file: string }) => `File not found: ${p.file}`,
    'not-a-file': (p: { file: string }) => `Not a file: ${p.file}`,
    'not-xlsx': (p: { file: string }) => `${p.file} is not an Excel workbook (.xlsx) and cannot be read.`,
    'legacy-xls': (p: { file: string }) =>
      `${p.file} is in the old Excel 97-2003 format (.xls); save it as .xlsx in Excel or WPS and check it again.`,
    'encrypted': (p: { file: string }) =>
      `${p.file} is password-protected; remove the password in Excel and check it again.`,
    'corrupt': (p: { file: string; detail: string; reason?: string }) =>
      `${p.file} is damaged and cannot be read (${(p.reason && corruptReasonsEn[p.reason]) || p.detail}).`,
    'empty-workbook': (p: { file: string }) => `${p.file} contains nothing.`,
    'too-large': (p: TooLargeParams) => {
      switch (p.kind) {
        case 'rows':
          return `Sheet "${p.sheet ?? ''}" in ${p.file} has more than ${p.limit} rows, too many to check.`;
        case 'cells':
          return `${p.file} has more than ${p.limit} cells, too many to check.`;
        case 'unzipped':
          return (
            `${p.file} expands to more than ${p.limit} when unzipped, ` +
            'too large to check (it may be a malicious zip bomb).'
          );
        case 'file':
          return `${p.file} is larger than ${p.limit}, too large to check.`;
        default:
          return `${p.file} is too large to check (${p.limit}).`;
      }
    },
    'unreadable': (p: { file: string; detail: string }) => `Cannot read ${p.file}: ${p.detail}`,
    'bad-argument': (p: { detail: string }) => `Bad argument: ${p.detail}`,
    'permission-denied': (p: { file: string }) => `No permission to read ${p.file}.`,
    'file-locked': (p: { file: string }) =>
      `${p.file} is in use by another program; close it in Excel or WPS and check it again.`,
    'unsupported-narrative-file': (p: { file: string; ext: string }) =>
      `Cannot read the narrative file ${p.file} (${p.ext || 'no extension'}): provide a .txt or .docx file.`,
    'legacy-doc': (p: { file: string }) =>
      `${p.file} is in the old Word 97-2003 format (.doc); save it as .docx in Word or WPS and read it again.`,
    'encrypted-document': (p: { file: string }) =>
      `${p.file} is password-protected; remove the password in Word or WPS and read it again.`,
    'corrupt-docx': (p: { file: string; detail: string; reason?: string }) =>
      `${p.file} is not a valid Word document (.docx) and cannot be read (${(p.reason && docxReasonsEn[p.reason]) || p.detail}).`,
    'not-text': (p: { file: string }) => `${p.file} is not a text file and cannot be read as a narrative.`,
    ...llmErrorMessagesEn,
  },
);

export type ErrorCode = keyof (typeof errorMessages)['zh-CN'];

export class CrossfootError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string>;
  constructor(code: ErrorCode, params: Record<string, string>, cause?: unknown) {
    super(renderError(code, params, 'en-US'));
    this.name = 'CrossfootError';
    this.code = code;
    this.params = params;
    if (cause !== undefined) (this as { cause?: unknown }).cause = cause;
  }
  localized(lang: Lang): string {
    return renderError(this.code, this.params, lang);
  }
}

function renderError(code: ErrorCode, params: Record<string, string>, lang: Lang): string {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (t as any)(errorMessages, lang, code, params);
}

export function isCrossfootError(e: unknown): e is CrossfootError {
  return e instanceof CrossfootError;
}
