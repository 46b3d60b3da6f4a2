/** A bad command line detected by crossfoot itself (not by commander): rendered from the CLI catalog, exit code 2. */
import { t, type Lang } from '../i18n';
import { cliMessages } from './messages';

export type UsageErrorMessage =
  | { key: 'usage.bad-format'; params: { value: string; choices: string } }
  | { key: 'usage.bad-lang'; params: { value: string } }
  | { key: 'usage.missing-book' };

export class UsageError extends Error {
  readonly detail: UsageErrorMessage;
  constructor(detail: UsageErrorMessage) {
    super(renderUsageError(detail, 'en-US'));
    this.name = 'UsageError';
    this.detail = detail;
  }
  localized(lang: Lang): string {
    return renderUsageError(this.detail, lang);
  }
}

function renderUsageError(d: UsageErrorMessage, lang: Lang): string {
  switch (d.key) {
    case 'usage.bad-format':
      return t(cliMessages, lang, d.key, d.params);
    case 'usage.bad-lang':
      return t(cliMessages, lang, d.key, d.params);
    case 'usage.missing-book':
      return t(cliMessages, lang, d.key);
  }
}
