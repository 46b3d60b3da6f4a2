/**
 * The add-in's entry in Excel (desktop, Mac, web): waits for Office.js, connects the Office host and renders the
 * task pane. office.js itself is loaded by taskpane.html from the Office CDN, as Office requires.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { waiverWarningText } from '../../src/waivers';
import { OfficeHost } from '../host/office';
import { initialLang, mountTaskPane } from './mount';
import { paneTheme } from './theme';
import { translator } from './messages';

function showFatal(container: HTMLElement, text: string, lang: ReturnType<typeof initialLang>): void {
  const m = translator(lang);
  createRoot(container).render(
    <FluentProvider theme={paneTheme} style={{ height: '100%', padding: 16 }}>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{m('app.title')}</MessageBarTitle>
          {text}
        </MessageBarBody>
      </MessageBar>
    </FluentProvider>,
  );
}

void Office.onReady(() => {
  const container = document.getElementById('root')!;
  const lang = initialLang(Office.context?.displayLanguage);
  let host: OfficeHost;
  try {
    host = new OfficeHost(Excel, Office);
  } catch (e) {
    const text = e && typeof e === 'object' && 'localized' in e ? (e as { localized: (l: typeof lang) => string }).localized(lang) : String(e);
    showFatal(container, text, lang);
    return;
  }
  mountTaskPane(container, {
    host,
    lang,
    notices: (l) => {
      const out = host.capabilityNotes(l);
      if (host.waiverWarning) out.push(waiverWarningText(host.waiverWarning, l));
      return out;
    },
  });
});
