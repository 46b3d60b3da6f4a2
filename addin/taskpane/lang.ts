/**
 * The pane's language: the user's own choice in the pane (remembered), else Office's display language, else the
 * browser's languages; Chinese of any region → zh-CN, English → en-US, any other known language → en-US, nothing
 * known → zh-CN (the product's first language).
 */
import type { Lang } from '../../src/i18n';

export const LANG_STORAGE_KEY = 'crossfoot.lang';

function fromTag(tag: string | undefined | null): Lang | undefined {
  if (!tag) return undefined;
  const s = tag.trim().toLowerCase();
  if (!s) return undefined;
  if (s.startsWith('zh')) return 'zh-CN';
  if (s.startsWith('en')) return 'en-US';
  return undefined;
}

export interface LangSources {
  /** a language the user chose in the pane before */
  stored?: string | null;
  /** Office.context.displayLanguage, when running in Office */
  office?: string | null;
  /** navigator.languages (or [navigator.language]) */
  browser?: readonly string[];
}

export function detectLang(sources: LangSources): Lang {
  const stored = fromTag(sources.stored);
  if (stored) return stored;
  if (sources.office && sources.office.trim()) return fromTag(sources.office) ?? 'en-US';
  const browser = (sources.browser ?? []).filter((b) => b && b.trim());
  for (const b of browser) {
    const l = fromTag(b);
    if (l) return l;
  }
  return browser.length > 0 ? 'en-US' : 'zh-CN';
}
