/**
 * The language-model configuration of the command line: environment variables and flags → a validated `LlmConfig`.
 *
 *   CROSSFOOT_LLM_BASE_URL  (--llm-base-url)   the endpoint, e.g. https://api.deepseek.com/v1, http://127.0.0.1:11434/v1
 *   CROSSFOOT_LLM_MODEL     (--llm-model)      the model (Azure OpenAI: the deployment name)
 *   CROSSFOOT_LLM_API_KEY                      the key; deliberately no flag: a key typed on the command line stays in
 *                                              the shell history and is visible to other users in the process list
 *   CROSSFOOT_LLM_TIMEOUT   (--llm-timeout)    seconds per request (default 60); "90", "90s" or "1500ms"
 *   CROSSFOOT_LLM_STRUCTURED (--llm-structured) json_schema (default) | json_object | none
 *   CROSSFOOT_LLM_RETRIES   (--llm-retries)    retries on 429, 5xx and connection errors (default 2)
 *
 * Fallbacks: OPENAI_BASE_URL for the endpoint; OPENAI_API_KEY for the key, but only when the endpoint also comes from
 * OPENAI_BASE_URL or is OpenAI's own (api.openai.com) — a user's OpenAI key must not be sent to another server just
 * because it happens to be in the environment. Flags win over environment variables.
 *
 * Nothing is sent anywhere until an endpoint is set: without one (or without a model) the result is the
 * `llm-not-configured` error, which says how to set them. `validateLlmConfig` is also what the add-in's settings pane
 * uses (no Node built-ins here: `env` is passed in).
 */
import { CrossfootError } from '../errors';
import { redact } from './redact';
import type { LlmConfig } from './types';

/** The flags as commander gives them (camelCase of --llm-base-url etc.); all optional. */
export interface LlmFlags {
  llmBaseUrl?: string;
  llmModel?: string;
  llmTimeout?: string | number;
  llmStructured?: string;
  llmRetries?: string | number;
}

export type Env = Record<string, string | undefined>;

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RETRIES = 2;
const MAX_TIMEOUT_S = 3600;
const STRUCTURED = ['json_schema', 'json_object', 'none'] as const;

/** Whether an endpoint (and a model) has been set: the command line may then offer the language-model features. */
export function isLlmConfigured(env: Env, flags: LlmFlags = {}): boolean {
  return Boolean(pick(flags.llmBaseUrl, env.CROSSFOOT_LLM_BASE_URL, env.OPENAI_BASE_URL) && pick(flags.llmModel, env.CROSSFOOT_LLM_MODEL));
}

/**
 * The configuration from the environment and the flags, validated. Throws `llm-not-configured` when the endpoint or
 * the model is missing, `llm-bad-config` when a value is not valid.
 */
export function llmConfigFromEnv(env: Env, flags: LlmFlags = {}): LlmConfig {
  const ownBase = pick(flags.llmBaseUrl, env.CROSSFOOT_LLM_BASE_URL);
  const baseURL = ownBase ?? pick(env.OPENAI_BASE_URL);
  const model = pick(flags.llmModel, env.CROSSFOOT_LLM_MODEL);
  if (!baseURL || !model) {
    throw new CrossfootError('llm-not-configured', { missing: !baseURL && !model ? 'both' : !baseURL ? 'base-url' : 'model', host: 'cli' });
  }
  let apiKey = pick(env.CROSSFOOT_LLM_API_KEY);
  if (apiKey === undefined) {
    const openaiKey = pick(env.OPENAI_API_KEY);
    if (openaiKey !== undefined && (ownBase === undefined || isOpenAIHost(baseURL))) apiKey = openaiKey;
  }
  const timeoutText = pick(str(flags.llmTimeout), env.CROSSFOOT_LLM_TIMEOUT);
  const structuredText = pick(flags.llmStructured, env.CROSSFOOT_LLM_STRUCTURED);
  const retriesText = pick(str(flags.llmRetries), env.CROSSFOOT_LLM_RETRIES);

  const config: LlmConfig = { baseURL, model };
  if (apiKey !== undefined) config.apiKey = apiKey;
  if (timeoutText !== undefined) config.timeoutMs = parseTimeout(timeoutText);
  if (structuredText !== undefined) config.structuredOutput = parseStructured(structuredText);
  if (retriesText !== undefined) config.maxRetries = parseRetries(retriesText);
  return validateLlmConfig(config);
}

/**
 * Check a configuration (from the command line or the add-in's settings) and return it normalised: base URL
 * trimmed and without a trailing slash, model trimmed. Throws `llm-not-configured` / `llm-bad-config`.
 */
export function validateLlmConfig(config: LlmConfig, host: 'cli' | 'addin' = 'cli'): LlmConfig {
  const baseURL = (config.baseURL ?? '').trim();
  const model = (config.model ?? '').trim();
  if (!baseURL || !model) {
    throw new CrossfootError('llm-not-configured', { missing: !baseURL && !model ? 'both' : !baseURL ? 'base-url' : 'model', host });
  }
  let url: URL;
  try {
    url = new URL(baseURL);
  } catch {
    // "api.deepseek.com/v1" without a scheme is the usual slip: say that the scheme is missing
    if (/^[\w.-]+(:\d+)?(\/|$)/.test(baseURL) && !baseURL.includes('://')) {
      throw new CrossfootError('llm-bad-config', { reason: 'url-scheme', value: shownURL(baseURL) });
    }
    throw new CrossfootError('llm-bad-config', { reason: 'url-invalid', value: shownURL(baseURL) });
  }
  if (url.username || url.password || /[?&](api[-_]?key|key|token)=/i.test(url.search)) {
    // never echo the value: it holds a secret
    throw new CrossfootError('llm-bad-config', { reason: 'url-credentials' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CrossfootError('llm-bad-config', { reason: 'url-scheme', value: shownURL(baseURL) });
  }
  if (!url.hostname) throw new CrossfootError('llm-bad-config', { reason: 'url-invalid', value: shownURL(baseURL) });
  if (/\s/.test(model)) throw new CrossfootError('llm-bad-config', { reason: 'model' });
  const out: LlmConfig = { ...config, baseURL: baseURL.replace(/\/+$/, ''), model };
  if (config.apiKey !== undefined) {
    const key = config.apiKey.trim();
    // a header value must be printable ASCII: a key with a stray space or a full-width character would fail deep in fetch
    if (key && !/^[\x21-\x7e]+$/.test(key)) throw new CrossfootError('llm-bad-config', { reason: 'api-key' });
    if (key) out.apiKey = key;
    else delete out.apiKey;
  }
  if (config.timeoutMs !== undefined) {
    const t = config.timeoutMs;
    if (!Number.isFinite(t) || t < 1 || t > MAX_TIMEOUT_S * 1000) {
      throw new CrossfootError('llm-bad-config', { reason: 'timeout', value: String(t / 1000) });
    }
  }
  if (config.maxRetries !== undefined && !(Number.isInteger(config.maxRetries) && config.maxRetries >= 0 && config.maxRetries <= 10)) {
    throw new CrossfootError('llm-bad-config', { reason: 'retries', value: String(config.maxRetries) });
  }
  if (config.structuredOutput !== undefined && !(STRUCTURED as readonly string[]).includes(config.structuredOutput)) {
    throw new CrossfootError('llm-bad-config', { reason: 'structured', value: String(config.structuredOutput) });
  }
  return out;
}

/**
 * A rejected endpoint as the error message repeats it: redacted, and without a user-info part ("user:pass@host" has no
 * scheme, so the URL check above does not see its password).
 */
function shownURL(value: string): string {
  return redact(value).replace(/[^\s/?#@]+@/g, '***@');
}

/** A timeout as the user writes it, in seconds ("60", "60s", "2.5") or milliseconds ("1500ms"), from 1 s to 1 hour. */
export function parseTimeout(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s)?\s*$/i.exec(text);
  if (!m) throw new CrossfootError('llm-bad-config', { reason: 'timeout', value: text });
  const n = Number(m[1]);
  const ms = m[2]?.toLowerCase() === 'ms' ? n : n * 1000;
  if (!(ms >= 1000 && ms <= MAX_TIMEOUT_S * 1000)) throw new CrossfootError('llm-bad-config', { reason: 'timeout', value: text });
  return Math.round(ms);
}

function parseStructured(text: string): NonNullable<LlmConfig['structuredOutput']> {
  const v = text.trim().toLowerCase().replace('-', '_');
  if ((STRUCTURED as readonly string[]).includes(v)) return v as NonNullable<LlmConfig['structuredOutput']>;
  throw new CrossfootError('llm-bad-config', { reason: 'structured', value: text });
}

function parseRetries(text: string): number {
  const v = text.trim();
  if (!/^\d+$/.test(v) || Number(v) > 10) throw new CrossfootError('llm-bad-config', { reason: 'retries', value: text });
  return Number(v);
}

function isOpenAIHost(baseURL: string): boolean {
  try {
    return new URL(baseURL).hostname.toLowerCase() === 'api.openai.com';
  } catch {
    return false;
  }
}

/** The first value that is set and not blank, trimmed. */
function pick(...values: Array<string | undefined>): string | undefined {
  for (const v of values) {
    if (v !== undefined && v.trim() !== '') return v.trim();
  }
  return undefined;
}

function str(v: string | number | undefined): string | undefined {
  return v === undefined ? undefined : String(v);
}
