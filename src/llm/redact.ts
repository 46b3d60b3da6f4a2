/**
 * Keeping secrets out of messages. The API key must never appear in an error message, a log line or a report: every
 * text that comes from the network (a server's error message may echo the key, as OpenAI's 401 does in part) passes
 * through `redact` before it is shown, and endpoints are shown in their display form (no credentials, no query).
 * No Node built-ins: the add-in bundles this module.
 */

const MASK = '***';

/**
 * Key-like tokens masked even when they are not the configured key: OpenAI/DeepSeek/DashScope keys (sk-…), Bearer
 * tokens, and key parameters in URLs (api-key=…, key=…, token=…).
 */
const PATTERNS: Array<[RegExp, string]> = [
  [/\b(sk|pk|rk)-[A-Za-z0-9_*.-]{6,}/g, `$1-${MASK}`],
  [/\b(Bearer)\s+[A-Za-z0-9_\-.~+/=*]{4,}/gi, `$1 ${MASK}`],
  [/([?&](?:api[-_]?key|key|token|access_token|sig|signature)=)[^&\s"']+/gi, `$1${MASK}`],
  [/("?(?:api[-_]?key|authorization)"?\s*[:=]\s*"?)[^"\s,}&]{4,}/gi, `$1${MASK}`],
];

/**
 * Remove secrets from a text: every occurrence of the given secrets (and of their distinctive parts: a server may
 * print the first and last characters of a key, e.g. `sk-abc…wxyz`), and key-like tokens in general.
 */
export function redact(text: string, secrets: Array<string | undefined> = []): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    out = out.split(secret).join(MASK);
    // a long key's head and tail, as servers echo them ("Incorrect API key provided: sk-abc1***********wxyz")
    if (secret.length >= 16) {
      for (const part of [secret.slice(0, 8), secret.slice(-6)]) out = out.split(part).join(MASK);
    }
  }
  for (const [re, replacement] of PATTERNS) out = out.replace(re, replacement);
  return out;
}

/**
 * The form of an endpoint shown to the user and in messages: scheme, host, port and path, without user name,
 * password, query or fragment (where keys hide); a text that is not a URL is redacted and returned as is.
 */
export function displayEndpoint(baseURL: string): string {
  let url: URL;
  try {
    url = new URL(baseURL);
  } catch {
    return redact(baseURL);
  }
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}`;
}

/** Shorten a server's message to one line of at most `max` characters (after redaction). */
export function shortDetail(text: string, secrets: Array<string | undefined>, max = 200): string {
  const one = redact(text, secrets).replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
