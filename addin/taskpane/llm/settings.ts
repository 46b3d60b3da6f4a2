/**
 * The add-in's language model settings, free of React: what the settings form holds, how it is kept (the add-in's
 * own storage, ../../host/storage.ts — never the workbook, never a log), when the features may send anything (an
 * endpoint is set AND the user accepted the data notice for that endpoint and model), and the browser client
 * (`createChatModel({...config, browser: true})`, optionally through the development server's same-origin proxy).
 *
 * Imports only browser-safe modules; no DOM globals (the page's origin is passed in), so node tests run it as is.
 */
import { CrossfootError } from '../../../src/errors';
import { createChatModel } from '../../../src/llm/client';
import { parseTimeout, validateLlmConfig } from '../../../src/llm/config';
import { displayEndpoint } from '../../../src/llm/redact';
import type { ChatModel, LlmConfig } from '../../../src/llm/types';
import type { AddinStorage } from '../../host/storage';

export type StructuredMode = NonNullable<LlmConfig['structuredOutput']>;
export const STRUCTURED_MODES: readonly StructuredMode[] = ['json_schema', 'json_object', 'none'];

/** What the settings form holds (strings as typed). */
export interface LlmSettings {
  baseURL: string;
  model: string;
  /** '' when none (on-premises servers usually need none) */
  apiKey: string;
  structuredOutput: StructuredMode;
  /** seconds per request as typed ('60', '90s'); '' for the default */
  timeout: string;
  /** send through the development server's same-origin proxy (/llm-proxy/…) instead of directly (CORS) */
  useProxy: boolean;
  /** the endpoint and model whose data notice the user accepted (`acceptanceOf`); absent: not accepted */
  accepted?: string;
}

export const EMPTY_SETTINGS: LlmSettings = { baseURL: '', model: '', apiKey: '', structuredOutput: 'json_schema', timeout: '', useProxy: false };

/** The storage key. The value holds the API key: it is written only to the add-in's own storage. */
export const LLM_SETTINGS_KEY = 'crossfoot.llm.settings';
const FORMAT_VERSION = 1;

export interface LoadedSettings {
  settings: LlmSettings | undefined;
  /** something was stored but could not be read (it is ignored, and replaced on the next save) */
  damaged: boolean;
}

/** The stored settings; damaged data reads as none (never an exception: the pane must open). */
export async function loadLlmSettings(storage: AddinStorage): Promise<LoadedSettings> {
  let text: string | null;
  try {
    text = await storage.getItem(LLM_SETTINGS_KEY);
  } catch {
    return { settings: undefined, damaged: true };
  }
  if (text === null || text === '') return { settings: undefined, damaged: false };
  const settings = parseSettings(text);
  return { settings, damaged: settings === undefined };
}

export function parseSettings(text: string): LlmSettings | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!raw || typeof raw !== 'object') return undefined;
  const o = raw as Record<string, unknown>;
  if (o.version !== FORMAT_VERSION) return undefined;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const baseURL = str(o.baseURL);
  const model = str(o.model);
  if (baseURL === undefined || model === undefined) return undefined;
  const structured = str(o.structuredOutput);
  const out: LlmSettings = {
    baseURL,
    model,
    apiKey: str(o.apiKey) ?? '',
    structuredOutput: STRUCTURED_MODES.includes(structured as StructuredMode) ? (structured as StructuredMode) : 'json_schema',
    timeout: str(o.timeout) ?? '',
    useProxy: o.useProxy === true,
  };
  const accepted = str(o.accepted);
  if (accepted) out.accepted = accepted;
  return out;
}

export function serializeSettings(settings: LlmSettings): string {
  const { baseURL, model, apiKey, structuredOutput, timeout, useProxy, accepted } = settings;
  return JSON.stringify({ version: FORMAT_VERSION, baseURL, model, apiKey, structuredOutput, timeout, useProxy, ...(accepted ? { accepted } : {}) });
}

export async function saveLlmSettings(storage: AddinStorage, settings: LlmSettings): Promise<void> {
  await storage.setItem(LLM_SETTINGS_KEY, serializeSettings(settings));
}

/** Forget everything (the key included). */
export async function forgetLlmSettings(storage: AddinStorage): Promise<void> {
  await storage.removeItem(LLM_SETTINGS_KEY);
}

/**
 * The configuration of the settings, validated like the command line's (`validateLlmConfig(…, 'addin')`): throws
 * `llm-not-configured` without an endpoint or a model, `llm-bad-config` for a bad URL, key or timeout.
 */
export function llmConfigOf(settings: LlmSettings): LlmConfig {
  const config: LlmConfig = { baseURL: settings.baseURL, model: settings.model, structuredOutput: settings.structuredOutput, browser: true };
  if (settings.apiKey.trim() !== '') config.apiKey = settings.apiKey;
  if (settings.timeout.trim() !== '') config.timeoutMs = parseTimeout(settings.timeout);
  return validateLlmConfig(config, 'addin');
}

/** What the user accepts with the data notice: the endpoint (display form, no credentials) and the model. */
export function acceptanceOf(config: Pick<LlmConfig, 'baseURL' | 'model'>): string {
  return `${displayEndpoint(config.baseURL)} ${config.model.trim()}`;
}

/** Whether the language model features may send: set, valid, and its notice accepted. */
export type LlmState =
  | { status: 'unset' }
  | { status: 'invalid'; error: CrossfootError }
  | { status: 'unaccepted'; config: LlmConfig }
  | { status: 'ready'; config: LlmConfig; settings: LlmSettings };

export function llmState(settings: LlmSettings | undefined): LlmState {
  if (!settings || (settings.baseURL.trim() === '' && settings.model.trim() === '')) return { status: 'unset' };
  let config: LlmConfig;
  try {
    config = llmConfigOf(settings);
  } catch (e) {
    if (e instanceof CrossfootError) return e.code === 'llm-not-configured' ? { status: 'unset' } : { status: 'invalid', error: e };
    throw e;
  }
  if (settings.accepted !== acceptanceOf(config)) return { status: 'unaccepted', config };
  return { status: 'ready', config, settings };
}

// ── the development server's proxy ──────────────────────────────────────────────────────────────────────────────

/** The path prefix of the proxy (webpack.config.js, addin/dev/llm-proxy.js). */
export const PROXY_PREFIX = '/llm-proxy/';

/**
 * The same-origin proxy URL of `url`: `<page origin>/llm-proxy/<encoded target origin><path and query>`, e.g.
 * http://127.0.0.1:11434/v1/chat/completions → https://localhost:3000/llm-proxy/http%3A%2F%2F127.0.0.1%3A11434/v1/chat/completions.
 */
export function proxiedUrl(url: string, pageOrigin: string): string {
  const target = new URL(url);
  return `${pageOrigin.replace(/\/+$/, '')}${PROXY_PREFIX}${encodeURIComponent(target.origin)}${target.pathname}${target.search}`;
}

type Fetch = typeof globalThis.fetch;

/** A fetch that sends every absolute http(s) request through the proxy of `pageOrigin`. */
export function proxyFetch(pageOrigin: string, base: Fetch): Fetch {
  return (input, init) => {
    if (typeof input === 'string' || input instanceof URL) {
      const url = String(input);
      return base(/^https?:\/\//i.test(url) ? proxiedUrl(url, pageOrigin) : url, init);
    }
    // a Request object (the SDK passes strings; kept for completeness)
    return base(new Request(proxiedUrl(input.url, pageOrigin), input), init);
  };
}

export interface BrowserModelOptions {
  /** the page's origin (window.location.origin): needed for the proxy */
  pageOrigin?: string;
  /** the fetch to use (default globalThis.fetch) */
  fetch?: Fetch;
}

/**
 * The browser client of ready settings. Errors name the real endpoint even through the proxy: the proxy is a fetch
 * that rewrites URLs, the configuration keeps the endpoint.
 */
export function browserChatModel(settings: LlmSettings, options: BrowserModelOptions = {}): ChatModel {
  const config = llmConfigOf(settings);
  const base: Fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  if (settings.useProxy) {
    if (!options.pageOrigin) throw new Error('browserChatModel: the proxy needs the page origin');
    return createChatModel(config, { fetch: proxyFetch(options.pageOrigin, base) });
  }
  return createChatModel(config, { fetch: base });
}

/**
 * Test the connection: one tiny request that sends no workbook data ("ping"), answered by any working endpoint and
 * model. Resolves with the time it took; rejects with the client's CrossfootError.
 */
export async function testConnection(model: ChatModel, signal?: AbortSignal): Promise<{ ms: number }> {
  const started = Date.now();
  await model.complete({ messages: [{ role: 'user', content: 'ping' }], maxTokens: 16, temperature: 0 }, { signal });
  return { ms: Date.now() - started };
}
