/**
 * The project's own typed errors. Every failure a user can cause (bad file, bad argument) is a CrossfootError with a
 * code; the CLI renders it as one sentence in the user's language and exits with code 2. Anything else is a bug.
 */
import { defineMessages, t, type Lang } from './i18n';

export const errorMessages = defineMessages(
  {
    'file-not-found': (p: { file: string }) => `找不到文件：${p.file}`,
    'not-a-file': (p: { file: string }) => `不是文件：${p.file}`,
    'not-xlsx': (p: { file: string }) => `${p.file} 不是 Excel 工作簿（.xlsx），无法读取。`,
    'legacy-xls': (p: { file: string }) =>
      `${p.file} 是旧版 Excel 97-2003 格式（.xls），请在 Excel 或 WPS 中另存为 .xlsx 后再检查。`,
    'encrypted': (p: { file: string }) => `${p.file} 受密码保护，请先在 Excel 中取消密码后再检查。`,
    'corrupt': (p: { file: string; detail: string }) => `${p.file} 已损坏，无法读取（${p.detail}）。`,
    'empty-workbook': (p: { file: string }) => `${p.file} 中没有任何内容。`,
    'too-large': (p: { file: string; limit: string }) => `${p.file} 太大，超出可检查的范围（${p.limit}）。`,
    'unreadable': (p: { file: string; detail: string }) => `无法读取 ${p.file}：${p.detail}`,
    'bad-argument': (p: { detail: string }) => `参数有误：${p.detail}`,
  },
  {
    'file-not-found': (p: { file: string }) => `File not found: ${p.file}`,
    'not-a-file': (p: { file: string }) => `Not a file: ${p.file}`,
    'not-xlsx': (p: { file: string }) => `${p.file} is not an Excel workbook (.xlsx) and cannot be read.`,
    'legacy-xls': (p: { file: string }) =>
      `${p.file} is in the old Excel 97-2003 format (.xls); save it as .xlsx in Excel or WPS and check it again.`,
    'encrypted': (p: { file: string }) =>
      `${p.file} is password-protected; remove the password in Excel and check it again.`,
    'corrupt': (p: { file: string; detail: string }) => `${p.file} is damaged and cannot be read (${p.detail}).`,
    'empty-workbook': (p: { file: string }) => `${p.file} contains nothing.`,
    'too-large': (p: { file: string; limit: string }) => `${p.file} is too large to check (${p.limit}).`,
    'unreadable': (p: { file: string; detail: string }) => `Cannot read ${p.file}: ${p.detail}`,
    'bad-argument': (p: { detail: string }) => `Bad argument: ${p.detail}`,
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
