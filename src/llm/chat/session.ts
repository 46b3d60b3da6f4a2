/**
 * A chat session over one checked workbook: the user asks, the model answers through the tools (./tools), and every
 * answer comes back with the cells it cites, the numbers the verifier could not confirm (marked, never hidden), and
 * any insertion the model proposed (never applied: the UI shows it with an Insert button, the command line prints it).
 *
 * The tool loop is bounded (`maxRounds`); a cancelled turn leaves the history as it was before the question. The
 * model has no writing tool; a proposal the user did not ask for is marked as initiated by the model, and one that
 * repeats text found in the workbook's cells is marked as such (the usual shape of a prompt injection).
 */
import { CrossfootError } from '../../errors';
import { t, type Lang } from '../../i18n';
import { displayEndpoint } from '../redact';
import type { ChatMessage, ChatModel, ChatRequest, ToolCall, ToolSpec } from '../types';
import { citationsOf, type Citation } from './citations';
import type { ChatContext } from './context';
import { chatMessages } from './messages';
import { chatSystemPrompt, type ChatPromptSource } from './prompt';
import { chatToolSpecs, refusedCall, runToolCall, type CitableCell, type ProposalRequest, type ToolOutcome } from './tools';
import { verifyAnswer, type AnswerProblem } from './verify';

/** A tool call of a turn, as the UI lists it. */
export interface ChatToolCallRecord {
  id: string;
  name: string;
  /** the arguments as the model wrote them */
  arguments: string;
  /** 1-based round of the tool loop */
  round: number;
  ok: boolean;
  /** the tool error the model got back */
  error?: { code: string; message: string };
}

/** An insertion the model proposed. Nothing is written: the user confirms (UI: Insert button) or not. */
export interface ChatProposal extends ProposalRequest {
  /** 'user' when the question asked for an insertion, else 'model' (the UI warns: the user did not ask for it) */
  initiatedBy: 'user' | 'model';
  /** the text repeats text of the workbook's cells (a cell that tells the model what to insert) */
  fromWorkbookText: boolean;
  /** always true: the library never applies a proposal */
  requiresConfirmation: true;
  /** numbers in the proposed text the verifier could not confirm */
  problems: AnswerProblem[];
  toolCallId: string;
}

export interface ChatTurn {
  question: string;
  /** the answer as streamed (texts of all rounds, then the loop-bound note when the bound was hit) */
  text: string;
  citations: Citation[];
  /** numbers in the answer that could not be verified against the facts; spans index `text` */
  problems: AnswerProblem[];
  proposals: ChatProposal[];
  toolCalls: ChatToolCallRecord[];
  /** model requests made */
  rounds: number;
  /** the tool loop hit `maxRounds` */
  stoppedAtBound: boolean;
  /** workbook text seen in this turn's tool results that looks like instructions (shown as a warning) */
  suspicious: Array<{ where?: string; text: string }>;
  finishReason: string;
}

export interface SendOptions {
  signal?: AbortSignal;
  /** streaming: each piece of answer text as it arrives */
  onDelta?: (text: string) => void;
  /** each tool call, once it has run */
  onToolCall?: (call: ChatToolCallRecord) => void;
}

export interface ChatSessionOptions {
  /** default: the context's language */
  lang?: Lang;
  /** the prompt files (Node: loaded from prompts/ by src/llm/prompts.ts; the add-in bundles them) */
  prompts?: ChatPromptSource;
  /** a ready system prompt instead of the prompt file (one of the two is needed) */
  systemPrompt?: string;
  /** model requests per turn (default 8) */
  maxRounds?: number;
  /** tool calls run per round (default 12); further calls get a tool error */
  maxToolCallsPerRound?: number;
  /** past turns sent with a question (default 12); the first, system message is always sent */
  maxHistoryTurns?: number;
  /** default 0.2: answers restate figures, they do not invent */
  temperature?: number;
  maxTokens?: number;
}

export interface ChatSession {
  readonly context: ChatContext;
  readonly model: ChatModel;
  /** system message then the turns so far (user, assistant with tool calls, tool results, assistant) */
  readonly history: readonly ChatMessage[];
  readonly turns: readonly ChatTurn[];
  readonly tools: readonly ToolSpec[];
  /** true while a question is being answered */
  readonly busy: boolean;
  send(userText: string, options?: SendOptions): Promise<ChatTurn>;
  /** forget the turns (the system message stays) */
  reset(): void;
}

/** Words of a question that asks for an insertion (then a proposal is the user's, not the model's, idea). */
const ASKS_TO_INSERT = /插入|写入|填入|放入|加到|加入|添加|补充到|替换|改写|粘贴|insert|write .*into|put .*in(to)?|add .*to|replace|paste/i;

/** Text without spaces and quotes, to tell whether a proposal repeats text of the workbook. */
const plain = (s: string) => s.replace(/[\s'"‘’“”「」『』`]/g, '');

function cancelled(model: ChatModel): CrossfootError {
  return new CrossfootError('llm-cancelled', { endpoint: displayEndpoint(model.endpoint) });
}

/** The session over `context`, asking `model`. */
export function createChatSession(context: ChatContext, model: ChatModel, options: ChatSessionOptions = {}): ChatSession {
  const lang = options.lang ?? context.lang;
  const maxRounds = Math.max(1, options.maxRounds ?? 8);
  const maxCalls = Math.max(1, options.maxToolCallsPerRound ?? 12);
  const maxHistoryTurns = Math.max(0, options.maxHistoryTurns ?? 12);
  const tools = chatToolSpecs(lang);
  const systemText = options.systemPrompt ?? (options.prompts ? chatSystemPrompt(context, lang, options.prompts) : undefined);
  if (systemText === undefined) throw new TypeError('createChatSession: give options.prompts (the prompt files) or options.systemPrompt');
  const system: ChatMessage = { role: 'system', content: systemText };
  /** the messages of each past turn */
  let turnMessages: ChatMessage[][] = [];
  const turns: ChatTurn[] = [];
  let busy = false;
  let proposals = 0;

  const history = (): ChatMessage[] => [system, ...turnMessages.flat()];

  async function send(userText: string, opts: SendOptions = {}): Promise<ChatTurn> {
    if (busy) throw new CrossfootError('bad-argument', { detail: t(chatMessages, lang, 'turn.busy') });
    const question = userText.trim();
    if (!question) throw new CrossfootError('bad-argument', { detail: t(chatMessages, lang, 'turn.empty') });
    const { signal } = opts;
    if (signal?.aborted) throw cancelled(model);
    busy = true;
    const messages: ChatMessage[] = [{ role: 'user', content: question }];
    const outcomes: Array<ToolOutcome & { round: number }> = [];
    const records: ChatToolCallRecord[] = [];
    const proposalIdsBefore = proposals;
    let rounds = 0;
    let stoppedAtBound = false;
    let finishReason = '';
    /** streamed text so far: the answer's text must equal what the user saw */
    let streamed = '';
    const emit = (s: string) => {
      streamed += s;
      opts.onDelta?.(s);
    };
    const env = { ctx: context, newProposalId: () => `p${++proposals}` };
    try {
      for (;;) {
        if (signal?.aborted) throw cancelled(model);
        if (rounds >= maxRounds) {
          stoppedAtBound = true;
          break;
        }
        rounds++;
        const past = turnMessages.slice(Math.max(0, turnMessages.length - maxHistoryTurns)).flat();
        const request: ChatRequest = { messages: [system, ...past, ...messages], tools, temperature: options.temperature ?? 0.2 };
        if (options.maxTokens !== undefined) request.maxTokens = options.maxTokens;
        // texts of successive rounds are separated by a blank line, in the stream as in the turn's text
        let first = true;
        const onDelta = (d: string) => {
          if (d === '') return;
          if (first && streamed !== '') emit('\n\n');
          first = false;
          emit(d);
        };
        // stream only for a listener: without one the model answers in one piece (no SSE)
        const response = await model.complete(request, { signal, onDelta: opts.onDelta ? onDelta : undefined });
        const content = response.content ?? '';
        // a non-streaming model (or one that streamed nothing): the text still reaches the listener once
        if (first && content !== '') onDelta(content);
        finishReason = response.finishReason;
        const calls: ToolCall[] = response.toolCalls ?? [];
        if (calls.length === 0) {
          messages.push({ role: 'assistant', content });
          break;
        }
        messages.push({ role: 'assistant', content: content === '' ? null : content, toolCalls: calls });
        for (const [i, call] of calls.entries()) {
          if (signal?.aborted) throw cancelled(model);
          const outcome = i < maxCalls ? await runToolCall(call, env) : refusedCall(call, lang, maxCalls);
          // every call is answered, even a refused one: providers reject a history with an unanswered call
          messages.push({ role: 'tool', toolCallId: call.id, content: outcome.content });
          outcomes.push({ ...outcome, round: rounds });
          const record: ChatToolCallRecord = { id: call.id, name: call.name, arguments: call.arguments, round: rounds, ok: outcome.ok };
          if (outcome.error) record.error = outcome.error;
          records.push(record);
          opts.onToolCall?.(record);
        }
      }
      if (stoppedAtBound) {
        const note = t(chatMessages, lang, 'turn.loop-bound', { rounds: maxRounds });
        if (streamed !== '') emit('\n\n');
        emit(note);
        // the history ends with an assistant message, as after any answer
        messages.push({ role: 'assistant', content: note });
      }
      const text = streamed;
      const cells: CitableCell[] = outcomes.flatMap((o) => o.cells);
      const sheets = context.workbook.sheets.map((s) => s.name);
      const turn: ChatTurn = {
        question,
        text,
        citations: citationsOf(text, sheets, cells),
        problems: verifyAnswer(text, context, outcomes),
        proposals: outcomes
          .filter((o) => o.proposal)
          .map((o) => {
            const p = o.proposal!;
            // strings of the workbook seen in this turn (drafts are ours, made from facts: not counted)
            const earlier = outcomes.filter((x) => x.name !== 'propose_insert' && x.name !== 'draft_section').flatMap((x) => x.strings);
            const proposal: ChatProposal = {
              ...p,
              initiatedBy: ASKS_TO_INSERT.test(question) ? 'user' : 'model',
              fromWorkbookText: plain(p.text).length >= 4 && earlier.some((s) => plain(s).includes(plain(p.text))),
              requiresConfirmation: true,
              problems: verifyAnswer(p.text, context, outcomes, 'proposal'),
              toolCallId: o.callId,
            };
            return proposal;
          }),
        toolCalls: records,
        rounds,
        stoppedAtBound,
        suspicious: dedupeSuspicious(outcomes.flatMap((o) => o.suspicious)),
        finishReason,
      };
      turnMessages = [...turnMessages, messages];
      turns.push(turn);
      return turn;
    } catch (e) {
      // the turn is dropped: the history stays as it was before the question
      proposals = proposalIdsBefore;
      if (signal?.aborted && !(e instanceof CrossfootError && e.code === 'llm-cancelled')) throw cancelled(model);
      throw e;
    } finally {
      // whatever happened, the session takes the next question (a session left busy would refuse every question)
      busy = false;
    }
  }

  return {
    context,
    model,
    get history() {
      return history();
    },
    get turns() {
      return turns;
    },
    tools,
    get busy() {
      return busy;
    },
    send,
    reset() {
      if (busy) throw new CrossfootError('bad-argument', { detail: t(chatMessages, lang, 'turn.busy') });
      turnMessages = [];
      turns.length = 0;
    },
  };
}

function dedupeSuspicious(list: Array<{ where?: string; text: string }>): Array<{ where?: string; text: string }> {
  const seen = new Set<string>();
  return list.filter((s) => {
    const k = `${s.where ?? ''}\u0000${s.text}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
