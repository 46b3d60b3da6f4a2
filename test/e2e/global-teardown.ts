/** Stops the server of the global setup and removes its build. */
import * as fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const state = globalThis.__crossfootE2E;
  if (!state) return;
  await state.server.close();
  fs.rmSync(state.dist, { recursive: true, force: true });
  globalThis.__crossfootE2E = undefined;
}
