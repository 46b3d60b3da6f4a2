/**
 * The data notice: what leaves the machine, for which task, to which endpoint — shown before the first request (the
 * CLI prints it to stderr, the add-in shows it in the settings pane and above the chat). It says whether the endpoint
 * is this computer, the internal network or an external service, warns about unencrypted http to another machine,
 * and where the key is kept. No Node built-ins: the add-in bundles this module.
 */
import { t, type Lang } from '../i18n';
import { llmMessages } from './messages';
import { displayEndpoint } from './redact';
import type { LlmConfig } from './types';

type Table = (typeof llmMessages)['zh-CN'];
/** the messages without parameters */
type PlainKey = { [K in keyof Table]: Table[K] extends string ? K : never }[keyof Table];

export type LlmTask = 'draft-reasons' | 'draft-performance' | 'polish' | 'chat';
export const LLM_TASKS: readonly LlmTask[] = ['draft-reasons', 'draft-performance', 'polish', 'chat'];

/** Where an endpoint is: this computer, the internal network (as far as the address tells), or elsewhere. */
export type EndpointLocation = 'local' | 'private' | 'remote';

export interface DataNotice {
  title: string;
  /** "When you use … the following is sent to <endpoint> (model …):" */
  intro: string;
  /** one line per task: what that task sends */
  items: string[];
  /** where the endpoint is, encryption, what is not sent, the key, consent */
  remarks: string[];
  endpoint: string;
  model: string;
  location: EndpointLocation;
  /** https, or http to this computer */
  encrypted: boolean;
}

export interface DataNoticeOptions {
  /** the tasks to list (default: all) */
  tasks?: readonly LlmTask[];
  /** where the key is kept: the command line (environment) or the add-in's storage; default from config.browser */
  host?: 'cli' | 'addin';
}

/** The notice for a configuration, in the user's language. */
export function dataNotice(config: Pick<LlmConfig, 'baseURL' | 'model' | 'apiKey' | 'browser'>, lang: Lang, options: DataNoticeOptions = {}): DataNotice {
  const endpoint = displayEndpoint(config.baseURL);
  const location = endpointLocation(config.baseURL);
  const secure = isHttps(config.baseURL);
  const host = options.host ?? (config.browser ? 'addin' : 'cli');
  const tasks = options.tasks ?? LLM_TASKS;
  const m = (key: PlainKey) => t(llmMessages, lang, key);

  const remarks: string[] = [];
  if (location === 'local') remarks.push(m('notice.where.local'));
  else if (location === 'private') remarks.push(m('notice.where.private'));
  else remarks.push(t(llmMessages, lang, 'notice.where.remote', { host: hostOf(config.baseURL) }));
  if (!secure && location !== 'local') remarks.push(m('notice.unencrypted'));
  remarks.push(m('notice.not-sent'));
  remarks.push(config.apiKey ? m(host === 'addin' ? 'notice.key.addin' : 'notice.key.cli') : m('notice.key.none'));
  remarks.push(m('notice.consent'));

  return {
    title: m('notice.title'),
    intro: t(llmMessages, lang, 'notice.intro', { endpoint, model: config.model }),
    items: tasks.map((task) => m(`notice.task.${task}`)),
    remarks,
    endpoint,
    model: config.model,
    location,
    encrypted: secure || location === 'local',
  };
}

/** The notice as plain text (the CLI prints it): title, intro, the tasks as a list, the remarks. */
export function formatDataNotice(notice: DataNotice): string {
  return [notice.title, notice.intro, ...notice.items.map((i) => `  - ${i}`), ...notice.remarks].join('\n');
}

/**
 * Where an endpoint is, from its address alone: loopback → local; private IPv4/IPv6 ranges, single-label host names
 * and the usual internal suffixes (.local, .lan, .internal, .intranet, .corp, .home.arpa) → private; anything else →
 * remote. An address that cannot be parsed counts as remote (the cautious answer).
 */
export function endpointLocation(baseURL: string): EndpointLocation {
  let hostname: string;
  try {
    hostname = new URL(baseURL).hostname.toLowerCase().replace(/^\[|\]$/g, '');
  } catch {
    return 'remote';
  }
  if (isLoopback(hostname)) return 'local';
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(hostname);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    const isPrivate =
      a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
    return isPrivate ? 'private' : 'remote';
  }
  if (hostname.includes(':')) {
    // IPv6: unique local fc00::/7, link-local fe80::/10
    return /^(fc|fd)[0-9a-f]{0,2}:/.test(hostname) || /^fe[89ab][0-9a-f]?:/.test(hostname) ? 'private' : 'remote';
  }
  if (!hostname.includes('.')) return 'private';
  if (/\.(local|lan|internal|intranet|corp|home\.arpa|localdomain)$/.test(hostname)) return 'private';
  return 'remote';
}

/** 127.0.0.0/8, ::1 and localhost: this computer (and the addresses a browser lets an https page call over http). */
export function isLoopback(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

function isHttps(baseURL: string): boolean {
  try {
    return new URL(baseURL).protocol === 'https:';
  } catch {
    return false;
  }
}

function hostOf(baseURL: string): string {
  try {
    return new URL(baseURL).host;
  } catch {
    return displayEndpoint(baseURL);
  }
}
