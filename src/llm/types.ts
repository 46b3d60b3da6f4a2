/**
 * The language-model layer's port. Everything above it (grounded drafting, the verifier, chat) talks to a `ChatModel`;
 * the OpenAI-compatible client (`client.ts`, openai SDK 6.x, Chat Completions) is one implementation, tests script
 * others. No Office.js, no Node built-ins here: the add-in bundles this module.
 */

export type ChatRole = 'system' | 'user' | 'assistant' | 'tool';

export interface ToolCall {
  /** the provider's id of the call (echoed back in the tool message) */
  id: string;
  name: string;
  /** the arguments as the model wrote them: a JSON text, possibly malformed */
  arguments: string;
}

export interface ChatMessage {
  role: ChatRole;
  content: string | null;
  /** assistant messages that call tools */
  toolCalls?: ToolCall[];
  /** tool messages: the call answered */
  toolCallId?: string;
}

/** A tool the model may call; parameters as JSON Schema (made from a zod schema with z.toJSONSchema). */
export interface ToolSpec {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

/** Structured output: JSON Schema where the provider supports it, else JSON mode with the schema in the prompt. */
export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json_schema'; name: string; schema: Record<string, unknown> }
  | { type: 'json_object' };

export interface ChatRequest {
  messages: ChatMessage[];
  tools?: ToolSpec[];
  responseFormat?: ResponseFormat;
  temperature?: number;
  maxTokens?: number;
}

export interface ChatResponse {
  /** the assistant's text ('' when it only called tools) */
  content: string;
  toolCalls: ToolCall[];
  /** 'stop' | 'length' | 'tool_calls' | 'content_filter' | … as the provider says */
  finishReason: string;
  usage?: { promptTokens: number; completionTokens: number };
}

export interface CallOptions {
  /** cancels the request (and any retry waiting) */
  signal?: AbortSignal;
  /** streaming: called with each piece of assistant text as it arrives */
  onDelta?: (text: string) => void;
}

export interface ChatModel {
  /** the endpoint's base URL, shown in the data notice */
  readonly endpoint: string;
  readonly model: string;
  complete(request: ChatRequest, options?: CallOptions): Promise<ChatResponse>;
}

/** How the endpoint is reached. The API key is never logged and never written into a workbook. */
export interface LlmConfig {
  /** e.g. https://api.openai.com/v1, https://api.deepseek.com/v1, http://127.0.0.1:8080/v1 (llama.cpp), http://gpu01:8000/v1 (vLLM) */
  baseURL: string;
  model: string;
  /** optional for on-premises servers */
  apiKey?: string;
  /** per request, default 60 000 */
  timeoutMs?: number;
  /** on 429, 5xx and connection errors, default 2 */
  maxRetries?: number;
  /** structured output: 'json_schema' (default), 'json_object' for providers without JSON Schema, 'none' for plain text */
  structuredOutput?: 'json_schema' | 'json_object' | 'none';
  /** browser only: drop the SDK's x-stainless-* headers so a CORS preflight is not refused */
  browser?: boolean;
}
