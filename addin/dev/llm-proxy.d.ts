/** Types of ./llm-proxy.js (the development server's same-origin proxy to a language model endpoint). */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const PROXY_PREFIX: string;
export function parseProxyTargets(value: string | undefined): string[] | undefined;
export function createLlmProxy(options?: { targets?: string[] }): (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;
