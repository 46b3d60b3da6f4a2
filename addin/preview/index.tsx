/**
 * The browser preview: the task pane beside an Excel-like grid of a bundled sample workbook, both on the in-memory
 * preview host. Needs no network and no Office.js. `?sample=<id>` picks the sample (default: the one with an error).
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { Dropdown, FluentProvider, makeStyles, MessageBar, MessageBarBody, Option, Spinner, tokens } from '@fluentui/react-components';
import type { Lang } from '../../src/i18n';
import { t } from '../../src/i18n';
import { TaskPane } from '../taskpane/TaskPane';
import { initialLang, rememberLang } from '../taskpane/mount';
import { paneTheme } from '../taskpane/theme';
import { Grid } from './Grid';
import { PreviewHost, type KeyValueStore } from './host';
import { previewMessages } from './messages';
import { isSampleId, SAMPLE_IDS, sampleAsset, type PreviewSample, type SampleId } from './sample';

const useStyles = makeStyles({
  app: { display: 'flex', flexDirection: 'column', height: '100vh', fontFamily: tokens.fontFamilyBase },
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: '#217346',
    color: '#ffffff',
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, opacity: 0.9, flexGrow: 1, minWidth: 0 },
  sample: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200 },
  main: { display: 'flex', flexGrow: 1, minHeight: 0 },
  book: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column' },
  pane: {
    width: '380px',
    flexShrink: 0,
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    display: 'flex',
    flexDirection: 'column',
    minHeight: 0,
  },
  center: { margin: 'auto', padding: tokens.spacingHorizontalXXL },
});

function browserStorage(): KeyValueStore | undefined {
  try {
    const s = window.localStorage;
    const probe = '__crossfoot_probe__';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return undefined;
  }
}

function sampleFromUrl(): SampleId {
  const id = new URLSearchParams(window.location.search).get('sample') ?? '';
  return isSampleId(id) ? id : SAMPLE_IDS[0];
}

async function loadSample(id: SampleId): Promise<PreviewSample> {
  const res = await fetch(sampleAsset(id));
  if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
  return (await res.json()) as PreviewSample;
}

function PreviewApp() {
  const s = useStyles();
  const [lang, setLang] = React.useState<Lang>(() => initialLang());
  const [sampleId, setSampleId] = React.useState<SampleId>(sampleFromUrl);
  const [host, setHost] = React.useState<PreviewHost | undefined>(undefined);
  const [failure, setFailure] = React.useState<string | undefined>(undefined);
  const storage = React.useMemo(browserStorage, []);

  React.useEffect(() => {
    let cancelled = false;
    setHost(undefined);
    setFailure(undefined);
    loadSample(sampleId)
      .then((sample) => {
        if (!cancelled) setHost(new PreviewHost(sample, { storage }));
      })
      .catch((e: unknown) => {
        if (!cancelled) setFailure(e instanceof Error ? e.message : String(e));
      });
    return () => {
      cancelled = true;
    };
  }, [sampleId, storage]);

  const chooseSample = (id: SampleId) => {
    const url = new URL(window.location.href);
    url.searchParams.set('sample', id);
    window.history.replaceState(null, '', url);
    setSampleId(id);
  };
  const switchLang = (l: Lang) => {
    setLang(l);
    rememberLang(l);
  };

  return (
    <div className={s.app} lang={lang}>
      <header className={s.bar}>
        <h1 className={s.title}>{t(previewMessages, lang, 'title')}</h1>
        <p className={s.note}>{t(previewMessages, lang, 'note')}</p>
        <label className={s.sample}>
          <span>{t(previewMessages, lang, 'sample.label')}</span>
          <Dropdown
            size="small"
            value={t(previewMessages, lang, `sample.${sampleId}`)}
            selectedOptions={[sampleId]}
            onOptionSelect={(_, d) => d.optionValue && isSampleId(d.optionValue) && chooseSample(d.optionValue)}
            data-testid="sample"
          >
            {SAMPLE_IDS.map((id) => (
              <Option key={id} value={id}>
                {t(previewMessages, lang, `sample.${id}`)}
              </Option>
            ))}
          </Dropdown>
        </label>
      </header>
      <main className={s.main}>
        <section className={s.book}>
          {failure && (
            <MessageBar intent="error" className={s.center}>
              <MessageBarBody>{t(previewMessages, lang, 'load-failed', { detail: failure })}</MessageBarBody>
            </MessageBar>
          )}
          {!failure && !host && <Spinner className={s.center} label={t(previewMessages, lang, 'loading')} />}
          {host && <Grid host={host} lang={lang} />}
        </section>
        <aside className={s.pane} data-testid="pane">
          {host && <TaskPane key={host.sample.id} host={host} initialLang={lang} onLangChange={switchLang} />}
        </aside>
      </main>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <FluentProvider theme={paneTheme} style={{ height: '100%' }}>
    <PreviewApp />
  </FluentProvider>,
);
