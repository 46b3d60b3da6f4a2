/**
 * `crossfoot chat <book.xlsx> [--ask "question"] [--format text|json] [--narrative file] [--prior file]
 * [--llm-base-url URL] [--llm-model M] [--llm-timeout S] [--llm-retries N]`: questions about a checked workbook, answered by a language model through the
 * chat tools (src/llm/chat). One question with --ask (scripts, tests); otherwise one question per line of standard
 * input — interactive on a terminal (readline: Ctrl-C cancels the answer being written, a second Ctrl-C or /exit
 * quits), one after the other when the input is piped.
 *
 * The data notice (what leaves the machine, to which endpoint) goes to stderr before the first request; nothing is
 * sent before an endpoint is configured. Answers stream to stdout in text format; the cells cited, the numbers that
 * could not be verified and any proposed insertion follow. A proposal is only printed: the command line never writes
 * a workbook.
 */
import * as readline from 'node:readline';
import { readXlsxFile } from '../../adapters/exceljs';
import { readWaiversFromXlsx } from '../../adapters/waivers-xlsx';
import { CrossfootError, isCrossfootError } from '../../errors';
import { buildFacts, type FactBase } from '../../facts';
import { t, type Lang } from '../../i18n';
import { createChatModel } from '../../llm/client';
import { buildChatContext, createChatSession, type ChatContext, type ChatSession, type ChatTurn } from '../../llm/chat';
import { formatRef } from '../../llm/chat/refs';
import { llmConfigFromEnv } from '../../llm/config';
import { dataNotice, formatDataNotice } from '../../llm/notice';
import { loadPromptSet } from '../../llm/prompt-files';
import { paragraphsFromFile } from '../../narrative/sources';
import type { CliContext } from '../context';
import { ExitCode } from '../exit-codes';
import { UsageError } from '../usage-error';
import type { CliCommand } from './command';
import { chatCliMessages } from './chat-messages';

export const CHAT_FORMATS = ['text', 'json'] as const;
export type ChatFormat = (typeof CHAT_FORMATS)[number];

export interface ChatCliOptions {
  ask?: string;
  format?: string;
  narrative?: string;
  prior?: string;
  llmBaseUrl?: string;
  llmModel?: string;
  llmTimeout?: string;
  llmRetries?: string;
}

export function parseChatFormat(value: string | undefined): ChatFormat {
  if (value === undefined) return 'text';
  const v = value.trim().toLowerCase();
  const found = CHAT_FORMATS.find((f) => f === v);
  if (!found) throw new UsageError({ key: 'usage.bad-format', params: { value, choices: CHAT_FORMATS.join(', ') } });
  return found;
}

/** Reads `book` (and the narrative file, last year's workbook, the waivers in it) into a chat context. */
export async function chatContextFromFile(book: string, opts: ChatCliOptions, ctx: CliContext): Promise<ChatContext> {
  const read = ctx.deps.readWorkbook;
  const workbook = await read(book);
  const recognition = ctx.deps.recognise(workbook);
  const narrative = opts.narrative !== undefined ? await paragraphsFromFile(opts.narrative) : true;
  let prior: FactBase | undefined;
  if (opts.prior !== undefined) {
    const last = await read(opts.prior);
    prior = buildFacts(last, ctx.deps.recognise(last));
  }
  // waivers (出错说明) recorded in Excel: only a real .xlsx file holds them (as in `check`)
  const waivers = read === readXlsxFile ? await readWaiversFromXlsx(book) : [];
  return buildChatContext(workbook, { lang: ctx.lang, recognition, narrative, prior, waivers, name: book });
}

// ── rendering ───────────────────────────────────────────────────────────────────────────────────────────────────

/** What follows a streamed answer: cited cells, unverified numbers, proposals, suspicious workbook text. */
export function turnFooter(turn: ChatTurn, lang: Lang): string[] {
  const m = chatCliMessages;
  const lines: string[] = [];
  if (turn.citations.length > 0) {
    const cells = turn.citations.map((c) => {
      const ref = formatRef(c.sheet, c.cell);
      return c.exists ? ref : t(m, lang, 'turn.citation-missing', { ref });
    });
    lines.push(t(m, lang, 'turn.citations', { cells: cells.join(lang === 'zh-CN' ? '、' : ', ') }));
  }
  if (turn.problems.length > 0) {
    lines.push(t(m, lang, 'turn.problems', { count: turn.problems.length }));
    for (const p of turn.problems) lines.push(t(m, lang, 'turn.problem', { text: p.text, reason: p.reason }));
  }
  for (const p of turn.proposals) {
    const mode = t(m, lang, p.mode === 'replace' ? 'turn.proposal.mode.replace' : 'turn.proposal.mode.append');
    lines.push(t(m, lang, 'turn.proposal', { id: p.id }));
    lines.push(
      p.target.kind === 'cell'
        ? t(m, lang, 'turn.proposal.target-cell', { ref: formatRef(p.target.sheet, p.target.cell), mode })
        : t(m, lang, 'turn.proposal.target-section', { id: p.target.section, title: p.target.title, mode }),
    );
    lines.push(t(m, lang, 'turn.proposal.text', { text: p.text }));
    if (p.reason) lines.push(t(m, lang, 'turn.proposal.reason', { reason: p.reason }));
    if (p.initiatedBy === 'model') lines.push(t(m, lang, 'turn.proposal.model'));
    if (p.fromWorkbookText) lines.push(t(m, lang, 'turn.proposal.workbook-text'));
    if (p.problems.length > 0) lines.push(t(m, lang, 'turn.proposal.problems', { count: p.problems.length }));
  }
  if (turn.suspicious.length > 0) {
    const cells = [...new Set(turn.suspicious.map((s) => s.where ?? '?'))];
    lines.push(t(m, lang, 'turn.suspicious', { cells: cells.join(lang === 'zh-CN' ? '、' : ', ') }));
  }
  return lines;
}

/** A turn as data (`--format json`): language-neutral keys, every key present. */
export function turnJson(turn: ChatTurn, meta: { file: string; endpoint: string; model: string }): Record<string, unknown> {
  return {
    file: meta.file,
    endpoint: meta.endpoint,
    model: meta.model,
    question: turn.question,
    answer: turn.text,
    citations: turn.citations.map((c) => ({ cell: formatRef(c.sheet, c.cell), sheet: c.sheet, address: c.cell, source: c.source, exists: c.exists })),
    problems: turn.problems.map((p) => ({
      text: p.text,
      span: [p.span.start, p.span.end],
      kind: p.kind,
      reason: p.reason,
      blocking: p.blocking,
      expected: p.expected ?? null,
    })),
    proposals: turn.proposals.map((p) => ({
      id: p.id,
      text: p.text,
      target: p.target.kind === 'cell' ? { kind: 'cell', cell: formatRef(p.target.sheet, p.target.cell) } : p.target,
      mode: p.mode,
      reason: p.reason ?? null,
      initiatedBy: p.initiatedBy,
      fromWorkbookText: p.fromWorkbookText,
      requiresConfirmation: p.requiresConfirmation,
      applied: false,
      problems: p.problems.map((x) => ({ text: x.text, kind: x.kind, reason: x.reason })),
    })),
    toolCalls: turn.toolCalls,
    suspicious: turn.suspicious,
    rounds: turn.rounds,
    stoppedAtBound: turn.stoppedAtBound,
  };
}

// ── running ─────────────────────────────────────────────────────────────────────────────────────────────────────

interface Runner {
  session: ChatSession;
  format: ChatFormat;
  meta: { file: string; endpoint: string; model: string };
  ctx: CliContext;
}

/** Asks one question and prints the answer; throws what `send` throws (cancellation, an unreachable endpoint). */
async function ask(r: Runner, question: string, signal?: AbortSignal, pretty = true): Promise<ChatTurn> {
  const { ctx, format } = r;
  const { lang, io } = ctx;
  let streamed = '';
  const turn = await r.session.send(question, {
    signal,
    // stream in text format only: JSON prints the finished turn
    onDelta:
      format === 'text'
        ? (d) => {
            streamed += d;
            io.stdout(d);
          }
        : undefined,
    onToolCall:
      format === 'text'
        ? (call) => {
            const line = call.ok
              ? t(chatCliMessages, lang, 'turn.tool', { name: call.name, args: oneLine(call.arguments) })
              : t(chatCliMessages, lang, 'turn.tool-error', { name: call.name, message: call.error?.message ?? '' });
            io.stderr(`${streamed !== '' && !streamed.endsWith('\n') ? '\n' : ''}${line}\n`);
          }
        : undefined,
  });
  if (format === 'json') {
    io.stdout(`${JSON.stringify(turnJson(turn, r.meta), null, pretty ? 2 : undefined)}\n`);
    return turn;
  }
  if (turn.text === '') io.stdout(`${t(chatCliMessages, lang, 'turn.empty')}\n`);
  else if (!turn.text.endsWith('\n')) io.stdout('\n');
  const footer = turnFooter(turn, lang);
  if (footer.length > 0) io.stdout(`\n${footer.join('\n')}\n`);
  return turn;
}

function oneLine(s: string): string {
  const x = s.replace(/\s*\n\s*/g, ' ').trim();
  return x === '{}' ? '' : x.length > 160 ? `${x.slice(0, 159)}…` : x;
}

const EXIT_WORDS = new Set(['/exit', '/quit', '/q']);

/**
 * Questions from standard input, one per line. On a terminal: a prompt, line editing, Ctrl-C cancels the answer
 * being written (and, pressed again or when idle twice, quits); an error is printed and the chat goes on. Piped: no
 * prompt, and the first error ends the run (it is thrown, so the exit code says so).
 */
async function repl(r: Runner): Promise<void> {
  const { ctx } = r;
  const { lang, io } = ctx;
  const input = io.stdin ?? process.stdin;
  const interactive = input.isTTY === true;
  const rl = readline.createInterface({
    input,
    output: interactive ? (io.terminal ?? process.stdout) : undefined,
    terminal: interactive,
    prompt: t(chatCliMessages, lang, 'repl.prompt'),
  });
  const lines = rl[Symbol.asyncIterator]();
  let current: AbortController | undefined;
  let armed = false;
  /** the user quit (a second Ctrl-C): stop at once. The end of the input only ends the loop once its lines are done */
  let quit = false;
  rl.on('SIGINT', () => {
    if (current && !current.signal.aborted) {
      current.abort();
      armed = true;
      return;
    }
    if (armed) {
      quit = true;
      current?.abort();
      rl.close();
      return;
    }
    armed = true;
    io.stderr(`\n${t(chatCliMessages, lang, 'repl.exit-hint')}\n`);
    rl.prompt();
  });
  if (interactive) {
    io.stderr(`${t(chatCliMessages, lang, 'repl.welcome', { file: r.meta.file })}\n`);
    rl.prompt();
  }
  try {
    for (;;) {
      const next = await lines.next();
      if (next.done) break;
      const question = next.value.trim();
      if (EXIT_WORDS.has(question.toLowerCase())) break;
      if (question === '') {
        if (interactive) rl.prompt();
        continue;
      }
      armed = false;
      current = new AbortController();
      try {
        await ask(r, question, current.signal, false);
      } catch (e) {
        if (!interactive && !current.signal.aborted) throw e;
        if (current.signal.aborted) io.stderr(`\n${t(chatCliMessages, lang, 'repl.cancelled')}\n`);
        else io.stderr(`${isCrossfootError(e) ? e.localized(lang) : e instanceof Error ? e.message : String(e)}\n`);
      } finally {
        current = undefined;
      }
      if (quit) break;
      if (interactive) rl.prompt();
    }
  } finally {
    rl.close();
  }
  if (interactive) io.stderr(`${t(chatCliMessages, lang, 'repl.bye')}\n`);
}

export const chatCommand: CliCommand = {
  name: 'chat',
  register(program, ctx) {
    const m = (key: keyof (typeof chatCliMessages)['zh-CN']) => t(chatCliMessages, ctx.lang, key as 'help.chat');
    return program
      .command('chat')
      .description(m('help.chat'))
      .argument('<book>', m('help.chat.book'))
      .option('--ask <question>', m('help.chat.ask'))
      .option('-f, --format <format>', m('help.chat.format'))
      .option('--narrative <file>', m('help.chat.narrative'))
      .option('--prior <file>', m('help.chat.prior'))
      .option('--llm-base-url <url>', m('help.chat.llm-base-url'))
      .option('--llm-model <model>', m('help.chat.llm-model'))
      .option('--llm-timeout <seconds>', m('help.chat.llm-timeout'))
      .option('--llm-retries <n>', m('help.chat.llm-retries'))
      .action(async (book: string, opts: ChatCliOptions) => {
        const format = parseChatFormat(opts.format);
        if (opts.ask !== undefined && opts.ask.trim() === '') {
          throw new CrossfootError('bad-argument', { detail: t(chatCliMessages, ctx.lang, 'usage.empty-ask') });
        }
        // the endpoint first: without one nothing is read and nothing is sent
        const config = llmConfigFromEnv(ctx.deps.env, {
          llmBaseUrl: opts.llmBaseUrl,
          llmModel: opts.llmModel,
          llmTimeout: opts.llmTimeout,
          llmRetries: opts.llmRetries,
        });
        const context = await chatContextFromFile(book, opts, ctx);
        const model = createChatModel(config);
        const session = createChatSession(context, model, { prompts: loadPromptSet() });
        ctx.io.stderr(`${formatDataNotice(dataNotice(config, ctx.lang, { tasks: ['chat'], host: 'cli' }))}\n`);
        const runner: Runner = { session, format, ctx, meta: { file: book, endpoint: dataNotice(config, ctx.lang).endpoint, model: config.model } };
        if (opts.ask !== undefined) {
          await ask(runner, opts.ask);
        } else {
          await repl(runner);
        }
        ctx.exitCode = ExitCode.Ok;
      });
  },
};
