/** Render the task pane into a page: Fluent provider and theme around the pane, the language remembered. */
import * as React from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { FluentProvider } from '@fluentui/react-components';
import type { Lang } from '../../src/i18n';
import type { HostPort } from '../host/types';
import { detectLang, LANG_STORAGE_KEY } from './lang';
import { TaskPane } from './TaskPane';
import { paneTheme } from './theme';

function storedLang(): string | null {
  try {
    return window.localStorage.getItem(LANG_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function rememberLang(lang: Lang): void {
  try {
    window.localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    /* storage unavailable (private mode): the choice lasts for this session */
  }
}

/** The pane's first language: the user's earlier choice, else Office's display language, else the browser's. */
export function initialLang(officeDisplayLanguage?: string): Lang {
  const browser = typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language];
  return detectLang({ stored: storedLang(), office: officeDisplayLanguage, browser });
}

export interface MountOptions {
  host: HostPort;
  lang: Lang;
  notices?: (lang: Lang) => string[];
}

export function mountTaskPane(container: HTMLElement, options: MountOptions): Root {
  const root = createRoot(container);
  root.render(
    <FluentProvider theme={paneTheme} style={{ height: '100%' }}>
      <TaskPane host={options.host} initialLang={options.lang} onLangChange={rememberLang} notices={options.notices} />
    </FluentProvider>,
  );
  return root;
}
