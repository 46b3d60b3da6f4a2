/**
 * Prompts as files: `prompts/<task>.<lang>.md` (Chinese for Chinese documents), each with
 * - a version line first: `version: 3` (any token; it is recorded with every draft, so a change of wording is traceable);
 * - a `## system` part and a `## user` part (Markdown headings of their own line);
 * - variables `{{变量}}` filled by the task (a variable the task does not supply is an error: the prompt files are data,
 *   checked by the tests); `\{{…}}` is a literal `{{…}}` (the placeholders the model is asked to write).
 *
 * This module parses and renders; it reads no file (the add-in bundles the prompt files as strings with webpack
 * `asset/source` and passes them in as a `PromptSet`). Node loads the package's prompts/ folder with
 * `loadPromptSet()` in ./prompt-files.
 */
import type { Lang } from '../i18n';

/** The prompt files' texts by name: `reasons.zh-CN` → the file's text. */
export type PromptSet = Readonly<Record<string, string>>;

/** The tasks with prompt files, and the variables each task supplies. */
export const PROMPT_VARIABLES = {
  reasons: ['文档类型', '部门', '年度', '数字清单', '待说明的变动', '材料', '输出格式'],
  performance: ['文档类型', '部门', '年度', '数字清单', '绩效表格', '材料', '输出格式'],
  polish: ['文档类型', '部门', '年度', '数字清单', '草稿', '输出格式'],
  chat: ['文档类型', '工作簿概况'],
} as const satisfies Record<string, readonly string[]>;

export type PromptTask = keyof typeof PROMPT_VARIABLES;

export interface ParsedPrompt {
  /** the file's name without .md (`reasons.zh-CN`) */
  name: string;
  version: string;
  system: string;
  user: string;
  /** variables used, in order of first use */
  variables: string[];
}

export interface RenderedPrompt {
  name: string;
  version: string;
  system: string;
  user: string;
}

/** A prompt file that cannot be used: a programming error in the package's data (caught by the tests). */
export class PromptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PromptError';
  }
}

const VAR_RE = /(\\?)\{\{\s*([^{}\s]+?)\s*\}\}/g;

/** Parse one prompt file. */
export function parsePrompt(name: string, text: string): ParsedPrompt {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  const vm = first >= 0 ? /^version:\s*(\S+)\s*$/i.exec(lines[first].trim()) : null;
  if (!vm) throw new PromptError(`prompt ${name}: the first line must be "version: <version>"`);
  const parts: Record<string, string[]> = {};
  let current: string | undefined;
  for (const line of lines.slice(first + 1)) {
    const h = /^##\s+(system|user)\s*$/i.exec(line);
    if (h) {
      current = h[1].toLowerCase();
      if (parts[current]) throw new PromptError(`prompt ${name}: two "## ${current}" parts`);
      parts[current] = [];
    } else if (current) parts[current].push(line);
    else if (line.trim() !== '') throw new PromptError(`prompt ${name}: text before "## system": ${line.slice(0, 40)}`);
  }
  if (!parts.system || !parts.user) throw new PromptError(`prompt ${name}: needs a "## system" and a "## user" part`);
  const system = parts.system.join('\n').trim();
  const user = parts.user.join('\n').trim();
  const variables: string[] = [];
  for (const m of `${system}\n${user}`.matchAll(VAR_RE)) if (!m[1] && !variables.includes(m[2])) variables.push(m[2]);
  return { name, version: vm[1], system, user, variables };
}

function fill(name: string, text: string, vars: Readonly<Record<string, string>>): string {
  return text.replace(VAR_RE, (_all, escape: string, key: string) => {
    if (escape) return `{{${key}}}`;
    const v = vars[key];
    if (v === undefined) throw new PromptError(`prompt ${name}: no value for {{${key}}}`);
    return v;
  });
}

/** The prompt file of `task` in `lang`, falling back to zh-CN (the documents are Chinese). */
export function promptFor(prompts: PromptSet, task: string, lang: Lang = 'zh-CN'): ParsedPrompt {
  const name = prompts[`${task}.${lang}`] !== undefined ? `${task}.${lang}` : `${task}.zh-CN`;
  const text = prompts[name];
  if (text === undefined) throw new PromptError(`no prompt file for the task "${task}" (prompts/${task}.zh-CN.md)`);
  return parsePrompt(name, text);
}

/** Render the prompt of `task` with its variables. Every variable the file uses must be given. */
export function renderPrompt(prompts: PromptSet, task: string, lang: Lang, vars: Readonly<Record<string, string>>): RenderedPrompt {
  const p = promptFor(prompts, task, lang);
  return { name: p.name, version: p.version, system: fill(p.name, p.system, vars), user: fill(p.name, p.user, vars) };
}
