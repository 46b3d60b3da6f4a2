/**
 * Where the end-to-end run finds its browser and its build. The suite needs Debian's Chromium at /usr/bin/chromium
 * (installed by .ci/run); it never downloads a browser. Without it the suite is skipped with a message, except in CI
 * (CI set), where it must run and fails instead.
 */
import * as fs from 'node:fs';

export const CHROMIUM = process.env.CROSSFOOT_CHROMIUM ?? '/usr/bin/chromium';

/** Set by the global setup: the served production build. */
export const URL_VAR = 'CROSSFOOT_E2E_URL';
/** Set by the global setup: the directory of the production build. */
export const DIST_VAR = 'CROSSFOOT_E2E_DIST';

export function inCI(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

export function browserAvailable(): boolean {
  return fs.existsSync(CHROMIUM);
}

/** Why the suite is skipped, or undefined when it runs. */
export function skipReason(): string | undefined {
  if (browserAvailable() || inCI()) return undefined;
  return `end-to-end tests skipped: ${CHROMIUM} not found (apt-get install chromium fonts-noto-cjk, or set CROSSFOOT_CHROMIUM)`;
}
