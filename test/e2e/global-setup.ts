/**
 * Builds the production bundle once, serves it on 127.0.0.1 (a free port) for the whole run, and tells the tests
 * where (environment variables). Skips everything when the suite is skipped (no Chromium, not in CI).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildAddin } from './support/build';
import { DIST_VAR, skipReason, URL_VAR } from './support/env';
import { serveDirectory, type StaticServer } from './support/server';

declare global {
  var __crossfootE2E: { server: StaticServer; dist: string } | undefined;
}

export default async function globalSetup(): Promise<void> {
  const reason = skipReason();
  if (reason) {
    process.stdout.write(`\n${reason}\n`);
    return;
  }
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'crossfoot-e2e-dist-'));
  const started = Date.now();
  await buildAddin(dist);
  const server = await serveDirectory(dist);
  process.env[URL_VAR] = server.url;
  process.env[DIST_VAR] = dist;
  globalThis.__crossfootE2E = { server, dist };
  process.stdout.write(`\nproduction bundle built in ${((Date.now() - started) / 1000).toFixed(1)} s, served at ${server.url}\n`);
}
