// @ts-check
/**
 * The development server's same-origin proxy to a language model endpoint (webpack.config.js mounts it on both dev
 * servers). A browser page may call another origin only when that server answers CORS; many on-premises servers
 * (llama.cpp, vLLM, Ollama without OLLAMA_ORIGINS) and some gateways do not. Through the proxy the task pane calls its
 * own origin and the dev server forwards the request:
 *
 *   <page origin>/llm-proxy/<encodeURIComponent(target origin)>/<path>
 *   e.g. /llm-proxy/http%3A%2F%2F127.0.0.1%3A11434/v1/chat/completions  →  http://127.0.0.1:11434/v1/chat/completions
 *
 * (the add-in builds these URLs itself: addin/taskpane/llm/settings.ts, “through the dev server's proxy”).
 *
 * Limits, for a server that listens on localhost only:
 * - CROSSFOOT_LLM_PROXY_TARGET (comma-separated origins or URLs, e.g. "https://api.deepseek.com,http://gpu01:8000")
 *   restricts the targets; unset, any http(s) origin is forwarded.
 * - A request that carries an Origin header other than the dev server's own, or that the browser marks as coming from
 *   another site (Sec-Fetch-Site: a no-cors GET carries no Origin), is refused (403): other web pages cannot use the
 *   proxy. A Host other than localhost / 127.x / [::1] is refused too (a DNS-rebinding page would name its own host).
 * - Only Authorization, Content-Type, Accept and Content-Length are forwarded; the answer streams back unchanged
 *   (server-sent events included) but for hop-by-hop, CORS and Set-Cookie headers (a remote service's cookies must
 *   not land in localhost's cookie jar). Nothing is logged: the Authorization header holds the API key.
 *
 * Development only: a production deployment serves static files and has no proxy.
 */
const http = require('node:http');
const https = require('node:https');

const PROXY_PREFIX = '/llm-proxy/';
const REQUEST_HEADERS = ['authorization', 'content-type', 'accept', 'content-length'];
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer']);

/**
 * Whether a Host header names this computer (localhost, 127.x.x.x, [::1]), with or without a port.
 * @param {string | undefined} host
 */
function isLoopbackHost(host) {
  if (!host) return false;
  const name = host.toLowerCase().replace(/:\d+$/, '');
  return name === 'localhost' || name.endsWith('.localhost') || name === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(name);
}

/**
 * The allowed target origins of a CROSSFOOT_LLM_PROXY_TARGET value, or undefined when it is unset or blank.
 * @param {string | undefined} value
 * @returns {string[] | undefined}
 */
function parseProxyTargets(value) {
  if (value === undefined || value.trim() === '') return undefined;
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      const url = new URL(s);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`CROSSFOOT_LLM_PROXY_TARGET: not an http(s) URL: ${s}`);
      return url.origin;
    });
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} message
 */
function fail(res, status, message) {
  const body = JSON.stringify({ error: { message, type: 'proxy_error', param: null, code: null } });
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}

/**
 * A connect-style middleware (req, res, next): requests under /llm-proxy/ are forwarded, others passed on.
 * @param {{ targets?: string[] }} [options]
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next: (err?: unknown) => void) => void}
 */
function createLlmProxy(options = {}) {
  const allowed = options.targets ? new Set(options.targets) : undefined;
  return (req, res, next) => {
    const raw = req.url ?? '';
    if (!raw.startsWith(PROXY_PREFIX)) {
      next();
      return;
    }
    // same origin only: a page of another origin must not reach internal hosts through this server
    if (!isLoopbackHost(req.headers.host)) {
      fail(res, 403, 'crossfoot dev proxy: only requests to localhost are forwarded');
      return;
    }
    const site = req.headers['sec-fetch-site'];
    if (site === 'cross-site' || site === 'same-site') {
      fail(res, 403, 'crossfoot dev proxy: requests from other sites are not forwarded');
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined) {
      const scheme = /** @type {{ encrypted?: boolean }} */ (req.socket).encrypted ? 'https' : 'http';
      if (origin !== `${scheme}://${req.headers.host}`) {
        fail(res, 403, `crossfoot dev proxy: requests from ${origin} are not forwarded`);
        return;
      }
    }
    const rest = raw.slice(PROXY_PREFIX.length);
    const slash = rest.indexOf('/');
    const encoded = slash < 0 ? rest : rest.slice(0, slash);
    const path = slash < 0 ? '/' : rest.slice(slash);
    let target;
    try {
      target = new URL(decodeURIComponent(encoded));
    } catch {
      fail(res, 400, 'crossfoot dev proxy: the path must be /llm-proxy/<encoded origin>/<path>');
      return;
    }
    if ((target.protocol !== 'http:' && target.protocol !== 'https:') || target.origin !== decodeURIComponent(encoded).replace(/\/+$/, '')) {
      fail(res, 400, 'crossfoot dev proxy: the path must be /llm-proxy/<encoded http(s) origin>/<path>');
      return;
    }
    if (allowed && !allowed.has(target.origin)) {
      fail(res, 403, `crossfoot dev proxy: ${target.origin} is not in CROSSFOOT_LLM_PROXY_TARGET`);
      return;
    }
    /** @type {Record<string, string>} */
    const headers = {};
    for (const name of REQUEST_HEADERS) {
      const v = req.headers[name];
      if (typeof v === 'string') headers[name] = v;
    }
    // concatenated, not resolved: new URL('//elsewhere/x', origin) would leave the origin (and the allowed list)
    const url = new URL(target.origin + path);
    const lib = url.protocol === 'https:' ? https : http;
    const upstream = lib.request(url, { method: req.method, headers }, (answer) => {
      /** @type {Record<string, string | string[]>} */
      const out = {};
      for (const [k, v] of Object.entries(answer.headers)) {
        const name = k.toLowerCase();
        if (v === undefined || HOP_BY_HOP.has(name) || name.startsWith('access-control-') || name === 'set-cookie') continue;
        out[name] = v;
      }
      res.writeHead(answer.statusCode ?? 502, out);
      // no buffering: server-sent events reach the page as they come
      res.flushHeaders();
      answer.pipe(res);
      answer.on('error', () => res.destroy());
    });
    upstream.on('error', (e) => {
      const code = /** @type {{ code?: string }} */ (e).code ?? e.message;
      if (!res.headersSent) fail(res, 502, `crossfoot dev proxy: cannot reach ${target.origin} (${code})`);
      else res.destroy();
    });
    // the page gave up (Stop, timeout): stop the upstream request too
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  };
}

module.exports = { PROXY_PREFIX, createLlmProxy, parseProxyTargets };
