/**
 * `crossfoot draft <book.xlsx> --llm [--task reasons|performance|polish] [--material notes.txt]… [--prior last.xlsx]
 * [--section id]… [--llm-base-url URL] [--llm-model M] [--llm-timeout S] [--llm-retries N] [--llm-structured MODE]
 * [--format text|json]`: grounded drafting with a language model (src/llm/draft). The endpoint comes from the
 * environment (CROSSFOOT_LLM_*) or the flags and is checked before anything is read; the data notice goes to stderr
 * just before the first request (a task that needs material first sends nothing). Exit code 0 when the draft was
 * verified, 1 when it was rejected or material is needed, 2 for bad input or an endpoint that fails.
 */
import { CrossfootError } from '../../errors';
import { t } from '../../i18n';
import { createChatModel } from '../../llm/client';
import { llmConfigFromEnv } from '../../llm/config';
import { draftWithModel, LLM_DRAFT_TASKS, type DraftMaterial, type LlmDraftTask } from '../../llm/draft';
import { dataNotice, formatDataNotice, type LlmTask } from '../../llm/notice';
import { loadPromptSet } from '../../llm/prompt-files';
import { paragraphsFromFile } from '../../narrative/sources';
import type { CliContext } from '../context';
import { ExitCode } from '../exit-codes';
import { draftLlmJson, formatDraftLlmText } from '../format/draft-llm';
import { readDraftInputs, type DraftFormat } from './draft';
import { draftLlmMessages } from './draft-llm-messages';

export interface DraftLlmCliOptions {
  task?: string;
  material?: string[];
  prior?: string;
  sections: string[];
  template?: 'national' | 'shanghai';
  format: DraftFormat;
  llmBaseUrl?: string;
  llmModel?: string;
  llmTimeout?: string;
  llmRetries?: string;
  llmStructured?: string;
}

/** The options that mean nothing without --llm (commander's camelCase names → the flags as typed). */
export const LLM_ONLY_OPTIONS: ReadonlyArray<[keyof DraftLlmCliOptions, string]> = [
  ['task', '--task'],
  ['material', '--material'],
  ['llmBaseUrl', '--llm-base-url'],
  ['llmModel', '--llm-model'],
  ['llmTimeout', '--llm-timeout'],
  ['llmRetries', '--llm-retries'],
  ['llmStructured', '--llm-structured'],
];

const NOTICE_TASK: Record<LlmDraftTask, LlmTask> = { reasons: 'draft-reasons', performance: 'draft-performance', polish: 'polish' };

export function parseLlmTask(value: string | undefined, ctx: CliContext): LlmDraftTask {
  if (value === undefined) return 'reasons';
  const v = value.trim().toLowerCase();
  const found = LLM_DRAFT_TASKS.find((x) => x === v);
  if (!found) {
    throw new CrossfootError('bad-argument', { detail: t(draftLlmMessages, ctx.lang, 'usage.bad-task', { value, choices: LLM_DRAFT_TASKS.join(', ') }) });
  }
  return found;
}

export async function runDraftLlm(book: string, opts: DraftLlmCliOptions, ctx: CliContext): Promise<void> {
  const task = parseLlmTask(opts.task, ctx);
  // the endpoint first: without one nothing is read and nothing is sent
  const config = llmConfigFromEnv(ctx.deps.env, {
    llmBaseUrl: opts.llmBaseUrl,
    llmModel: opts.llmModel,
    llmTimeout: opts.llmTimeout,
    llmRetries: opts.llmRetries,
    llmStructured: opts.llmStructured,
  });
  const inputs = await readDraftInputs(book, {
    lang: ctx.lang,
    prior: opts.prior,
    sections: opts.sections,
    template: opts.template,
    readWorkbook: ctx.deps.readWorkbook,
    recognise: ctx.deps.recognise,
  });
  if (!inputs.regime || !inputs.facts) throw new CrossfootError('bad-argument', { detail: t(draftLlmMessages, ctx.lang, 'usage.no-tables', { file: book }) });
  const material: DraftMaterial[] = [];
  for (const file of opts.material ?? []) {
    const paragraphs = await paragraphsFromFile(file);
    material.push({ name: file.split(/[\\/]/).pop() ?? file, text: paragraphs.map((p) => p.text).join('\n') });
  }
  const notice = dataNotice(config, ctx.lang, { tasks: [NOTICE_TASK[task]], host: 'cli' });
  const model = createChatModel(config);
  const result = await draftWithModel(
    task,
    {
      facts: inputs.facts,
      recognition: inputs.recognition,
      workbook: inputs.workbook,
      prior: inputs.prior,
      year: inputs.meta.year,
      department: inputs.meta.department,
      sections: inputs.selectors,
      style: { template: inputs.template },
      material,
    },
    {
      model,
      prompts: loadPromptSet(),
      lang: ctx.lang,
      structuredOutput: config.structuredOutput,
      beforeRequest: () => ctx.io.stderr(`${formatDataNotice(notice)}\n`),
    },
  );
  const meta = { file: book, endpoint: notice.endpoint, model: config.model };
  ctx.io.stdout(opts.format === 'json' ? `${JSON.stringify(draftLlmJson(result, meta), null, 2)}\n` : formatDraftLlmText(result, meta, { lang: ctx.lang, colors: ctx.colors }));
  ctx.exitCode = result.status === 'verified' ? ExitCode.Ok : ExitCode.Findings;
}
