/**
 * An in-memory `ChatModel` that answers from a script, for unit tests of everything above the client (the chat
 * session, drafting). Each `complete` consumes the next step: a response (text and/or tool calls), a function of the
 * request that returns one, or `{ waitForAbort: true }` (a model that never answers until the request is cancelled).
 * Text is streamed to `onDelta` in small pieces when a listener is given, as the real client does. Every request is
 * recorded (deep-copied, so later changes to the session's history do not alter it).
 *
 * Pure TypeScript, no jest globals, no network.
 */
import { CrossfootError } from '../../src/errors';
import type { CallOptions, ChatModel, ChatRequest, ChatResponse, ToolCall } from '../../src/llm/types';

export interface ScriptedReply {
  content?: string;
  toolCalls?: Array<Omit<ToolCall, 'id'> & { id?: string }>;
  finishReason?: string;
  /** characters per streamed piece (default 3) */
  chunk?: number;
}

export type ScriptedStep =
  | ScriptedReply
  | ((request: ChatRequest, index: number) => ScriptedReply)
  | { waitForAbort: true; /** text streamed before waiting */ before?: string };

export interface ScriptedChatModel extends ChatModel {
  /** every request, in order */
  readonly requests: ChatRequest[];
  /** steps not consumed yet */
  readonly remaining: number;
  push(...steps: ScriptedStep[]): void;
}

const ENDPOINT = 'http://127.0.0.1:9/v1';

export function scriptedChatModel(steps: ScriptedStep[] = [], model = 'scripted'): ScriptedChatModel {
  const queue = [...steps];
  const requests: ChatRequest[] = [];
  let calls = 0;
  const cancelled = () => new CrossfootError('llm-cancelled', { endpoint: ENDPOINT });
  return {
    endpoint: ENDPOINT,
    model,
    requests,
    get remaining() {
      return queue.length;
    },
    push(...more) {
      queue.push(...more);
    },
    async complete(request: ChatRequest, options: CallOptions = {}): Promise<ChatResponse> {
      requests.push(JSON.parse(JSON.stringify(request)) as ChatRequest);
      const index = calls++;
      if (options.signal?.aborted) throw cancelled();
      const step = queue.shift();
      if (step === undefined) throw new Error(`scripted model: no step left for request ${index + 1}`);
      if (typeof step === 'object' && 'waitForAbort' in step) {
        if (step.before) options.onDelta?.(step.before);
        await new Promise<void>((resolve) => {
          if (options.signal?.aborted) resolve();
          options.signal?.addEventListener('abort', () => resolve(), { once: true });
        });
        throw cancelled();
      }
      const reply = typeof step === 'function' ? step(request, index) : step;
      const content = reply.content ?? '';
      if (options.onDelta && content) {
        const n = Math.max(1, reply.chunk ?? 3);
        const chars = [...content];
        for (let i = 0; i < chars.length; i += n) {
          // yield between pieces, as a stream does: a cancel may arrive in between
          await Promise.resolve();
          if (options.signal?.aborted) throw cancelled();
          options.onDelta(chars.slice(i, i + n).join(''));
        }
      }
      const toolCalls: ToolCall[] = (reply.toolCalls ?? []).map((c, i) => ({ id: c.id ?? `call_${index + 1}_${i + 1}`, name: c.name, arguments: c.arguments }));
      return { content, toolCalls, finishReason: reply.finishReason ?? (toolCalls.length ? 'tool_calls' : 'stop') };
    },
  };
}

/** A tool call step: the model calls `name` with `args` (an object, sent as JSON, or a raw string sent verbatim). */
export function callTool(name: string, args: unknown = {}, id?: string): ScriptedReply {
  return { toolCalls: [{ id, name, arguments: typeof args === 'string' ? args : JSON.stringify(args) }] };
}
