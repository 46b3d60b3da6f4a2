/**
 * The task pane: check the workbook through the host port, show the result, select and mark cells, accept findings
 * with a reason, re-check live; the narrative tab; the chat tab and the language model settings (kept in the
 * add-in's own storage, never in the workbook). The same component runs in Excel (Office host) and in the browser
 * preview (in-memory host); it never touches Office.js or the grid directly.
 */
import * as React from 'react';
import {
  Button,
  Checkbox,
  Dropdown,
  makeStyles,
  Menu,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Option,
  ProgressBar,
  Spinner,
  Switch,
  Tab,
  TabList,
  tokens,
  Tooltip,
} from '@fluentui/react-components';
import {
  ChatSparkle20Regular,
  Dismiss16Regular,
  Settings20Regular,
  DocumentText20Regular,
  Eraser20Regular,
  Highlight20Regular,
  LocalLanguage20Regular,
  Checkmark20Filled,
  TaskListSquareLtr20Regular,
} from '@fluentui/react-icons';
import type { Lang } from '../../src/i18n';
import { LANGS } from '../../src/i18n';
import { kindName } from '../../src/i18n/kinds';
import type { CellRef } from '../../src/model/address';
import type { Recognition } from '../../src/model/table';
import type { Workbook } from '../../src/model/workbook';
import { recognise } from '../../src/recognise';
import { checkWorkbook } from '../../src/rules';
import type { Finding, Severity } from '../../src/rules/types';
import { marksForFindings } from '../../src/marks';
import { applyWaivers, figuresOf, makeWaiver, waiverKey } from '../../src/waivers';
import type { PromptSet } from '../../src/llm/prompts';
import { defaultAddinStorage, type AddinStorage } from '../host/storage';
import type { HostPort, Waiver } from '../host/types';
import { ChatPanel } from './components/ChatPanel';
import type { DraftLlm } from './components/DraftPanel';
import { FindingList } from './components/FindingList';
import { LlmSettingsDialog } from './components/LlmSettingsDialog';
import { bundledPrompts } from './llm/prompts';
import { browserChatModel, llmState, loadLlmSettings, type LlmSettings } from './llm/settings';
import { NarrativePanel } from './components/NarrativePanel';
import { Summary } from './components/Summary';
import { WaiverDialog } from './components/WaiverDialog';
import { translator, type Translate } from './messages';
import {
  countFindings,
  DEFAULT_FILTERS,
  groupFindings,
  selectionFor,
  SEVERITIES,
  tablesWithFindings,
  waivedFindings,
  type Filters,
} from './model';

/** Quiet time after the last change before a live re-check. */
export const LIVE_DEBOUNCE_MS = 600;

type Phase = 'idle' | 'read' | 'recognise' | 'rules';
const PHASES: Phase[] = ['read', 'recognise', 'rules'];

interface CheckState {
  workbook: Workbook;
  recognition: Recognition;
  /** engine findings in `lang` */
  findings: Finding[];
  lang: Lang;
  passed: number;
  at: Date;
}

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    height: '100%',
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalXS}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  logo: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    width: '32px',
    height: '32px',
    flexShrink: 0,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontSize: '20px',
  },
  titles: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase400 },
  subtitle: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  tabs: { backgroundColor: tokens.colorNeutralBackground1, padding: `0 ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  body: {
    flexGrow: 1,
    minHeight: 0,
    overflowY: 'auto',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalXXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1 },
  marks: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, marginTop: `-${tokens.spacingVerticalXS}` },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  progressText: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  footer: {
    flexShrink: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  status: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground3,
    margin: 0,
    minHeight: tokens.lineHeightBase200,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  start: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  startTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  startBody: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, color: tokens.colorNeutralForeground2 },
  startNote: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  filters: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  filterRow: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS },
  filterLabel: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, minWidth: '36px' },
  tableFilter: { flexGrow: 1, minWidth: 0 },
  hint: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
  empty: { margin: 0, padding: tokens.spacingVerticalL, textAlign: 'center', fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground3 },
  sectionTitle: {
    margin: 0,
    marginTop: tokens.spacingVerticalS,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
});

function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 16));
}

function errorText(e: unknown, lang: Lang): string {
  if (e && typeof e === 'object' && 'localized' in e && typeof (e as { localized: unknown }).localized === 'function') {
    return (e as { localized: (l: Lang) => string }).localized(lang);
  }
  if (e instanceof Error) return e.message;
  return String(e);
}

export interface TaskPaneProps {
  host: HostPort;
  initialLang: Lang;
  /** called when the user switches language in the pane (to remember the choice) */
  onLangChange?: (lang: Lang) => void;
  /** what the host wants the user to know (an old Excel's limits, unreadable stored data), read at every render */
  notices?: (lang: Lang) => string[];
  /** where the language model settings are kept (default: OfficeRuntime.storage, else localStorage) */
  llmStorage?: AddinStorage;
  /** the prompt files (default: those bundled by webpack) */
  prompts?: PromptSet;
}

type TabId = 'check' | 'narrative' | 'chat';

/** The page's origin (the dev server's proxy is on it); undefined outside a browser. */
function pageOrigin(): string | undefined {
  return typeof location === 'undefined' ? undefined : location.origin;
}

export function TaskPane({ host, initialLang, onLangChange, notices, llmStorage, prompts = bundledPrompts }: TaskPaneProps) {
  const s = useStyles();
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const m: Translate = React.useMemo(() => translator(lang), [lang]);
  const [tab, setTab] = React.useState<TabId>('check');
  const [phase, setPhase] = React.useState<Phase>('idle');
  const [result, setResult] = React.useState<CheckState | undefined>(undefined);
  const [waivers, setWaivers] = React.useState<Waiver[]>([]);
  const [filters, setFilters] = React.useState<Filters>(DEFAULT_FILTERS);
  const [error, setError] = React.useState<string | undefined>(undefined);
  const [status, setStatus] = React.useState<string>('');
  const [marksOn, setMarksOn] = React.useState(false);
  const [live, setLive] = React.useState(false);
  const [pendingLive, setPendingLive] = React.useState(false);
  const [accepting, setAccepting] = React.useState<Finding | undefined>(undefined);
  const caps = React.useMemo(() => host.capabilities(), [host]);
  const langRef = React.useRef(lang);
  langRef.current = lang;
  const runId = React.useRef(0);
  /** host calls that change formats run one after another */
  const formatQueue = React.useRef<Promise<unknown>>(Promise.resolve());
  const hintId = React.useId();
  const storage = React.useMemo(() => llmStorage ?? defaultAddinStorage(), [llmStorage]);
  const [llmSettings, setLlmSettings] = React.useState<LlmSettings | undefined>(undefined);
  const [llmDamaged, setLlmDamaged] = React.useState(false);
  const [settingsOpen, setSettingsOpen] = React.useState(false);

  // the language model settings, from the add-in's own storage (never from the workbook)
  React.useEffect(() => {
    let cancelled = false;
    void loadLlmSettings(storage).then((loaded) => {
      if (cancelled) return;
      setLlmSettings(loaded.settings);
      setLlmDamaged(loaded.damaged);
    });
    return () => {
      cancelled = true;
    };
  }, [storage]);
  const llm = React.useMemo(() => llmState(llmSettings), [llmSettings]);
  // the client exists only for ready settings: nothing can be sent before an endpoint is set and its notice accepted
  const chatModel = React.useMemo(
    () => (llm.status === 'ready' ? browserChatModel(llm.settings, { pageOrigin: pageOrigin() }) : undefined),
    [llm],
  );
  const openSettings = React.useCallback(() => setSettingsOpen(true), []);
  const draftLlm: DraftLlm = React.useMemo(
    () => ({ state: llm, model: chatModel, prompts, proxy: llmSettings?.useProxy === true, onOpenSettings: openSettings }),
    [llm, chatModel, prompts, llmSettings, openSettings],
  );

  React.useEffect(() => {
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
  }, [lang]);

  const report = React.useCallback(
    (e: unknown) => {
      setError(m('error.host', { detail: errorText(e, langRef.current) }));
    },
    [m],
  );

  const run = React.useCallback(async () => {
    const id = ++runId.current;
    const current = () => id === runId.current;
    setError(undefined);
    setStatus('');
    try {
      setPhase('read');
      const workbook = await host.readWorkbook();
      if (!current()) return;
      setPhase('recognise');
      await nextFrame();
      const recognition = recognise(workbook);
      if (!current()) return;
      setPhase('rules');
      await nextFrame();
      const l = langRef.current;
      const checked = checkWorkbook(workbook, { lang: l, recognition });
      const stored = caps.waivers ? await host.loadWaivers() : [];
      if (!current()) return;
      setWaivers(stored);
      setResult({ workbook, recognition, findings: checked.findings, lang: l, passed: checked.summary.passed, at: new Date() });
    } catch (e) {
      if (current()) setError(m('error.check', { detail: errorText(e, langRef.current) }));
    } finally {
      if (current()) {
        setPhase('idle');
        setPendingLive(false);
      }
    }
  }, [host, caps.waivers, m]);

  // another language: render the findings again from the workbook already read (no new read)
  React.useEffect(() => {
    if (!result || result.lang === lang) return;
    const checked = checkWorkbook(result.workbook, { lang, recognition: result.recognition });
    setResult({ ...result, findings: checked.findings, lang });
  }, [lang, result]);

  const tables = result?.recognition.tables ?? [];
  const applied = React.useMemo(
    () => (result ? applyWaivers(result.findings, waivers, result.recognition.tables).findings : []),
    [result, waivers],
  );
  const counts = React.useMemo(() => countFindings(applied, result?.passed ?? 0), [applied, result]);
  const groups = React.useMemo(() => groupFindings(applied, tables, filters), [applied, tables, filters]);
  const waived = React.useMemo(() => waivedFindings(applied), [applied]);
  const filterTables = React.useMemo(() => tablesWithFindings(applied, tables), [applied, tables]);
  const bySeverity = React.useMemo(() => {
    const n: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of applied) if (!f.waived) n[f.severity]++;
    return n;
  }, [applied]);

  // marks follow the result while they are on (a new check, a waiver, another language); the host reconciles: cells
  // no longer marked get their own format back
  React.useEffect(() => {
    if (!marksOn) return;
    const marks = marksForFindings(applied);
    formatQueue.current = formatQueue.current.then(() => host.applyMarks(marks)).catch(report);
  }, [marksOn, applied, host, report]);

  // live mode: re-check after cells change, once the user pauses
  React.useEffect(() => {
    if (!live) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribe: (() => void) | undefined;
    let cancelled = false;
    host
      .onChange(() => {
        setPendingLive(true);
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => void run(), LIVE_DEBOUNCE_MS);
      })
      .then((u) => {
        if (cancelled) u();
        else unsubscribe = u;
      })
      .catch(report);
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
      unsubscribe?.();
    };
  }, [live, host, run, report]);

  const selectCells = React.useCallback(
    (refs: CellRef[]) => {
      host.select(refs).catch(report);
    },
    [host, report],
  );
  const activate = React.useCallback((f: Finding) => selectCells(selectionFor(f)), [selectCells]);
  // the narrative tab reads the workbook of the last check; the only write to values, on the user's confirmed click
  const checkedWorkbook = result?.workbook;
  const checkedRecognition = result?.recognition;
  const narrativeCheck = React.useMemo(
    () => (checkedWorkbook && checkedRecognition ? { workbook: checkedWorkbook, recognition: checkedRecognition } : undefined),
    [checkedWorkbook, checkedRecognition],
  );
  const writeText = React.useCallback((ref: CellRef, text: string) => host.writeText(ref, text), [host]);
  const readWorkbook = React.useCallback(() => host.readWorkbook(), [host]);

  const applyMarks = () => {
    const marks = marksForFindings(applied);
    if (marks.length === 0) {
      setStatus(m('marks.none'));
      return;
    }
    setMarksOn(true);
    setStatus(m('marks.applied', { n: marks.length }));
  };
  // also enabled before any check: marks of an earlier session stay in the document until cleared
  const clearMarks = () => {
    setMarksOn(false);
    formatQueue.current = formatQueue.current
      .then(() => host.clearMarks())
      .then(() => setStatus(m('marks.cleared')))
      .catch(report);
  };

  const saveWaiver = async (f: Finding, reason: string) => {
    if (!result) return;
    const w = makeWaiver(f, result.recognition.tables, reason);
    const next = [...waivers, w];
    try {
      await host.saveWaivers(next);
      setWaivers(next);
      setAccepting(undefined);
      setStatus(m('waiver.saved'));
    } catch (e) {
      setError(m('waiver.save-failed', { detail: errorText(e, lang) }));
    }
  };
  const revoke = async (f: Finding) => {
    if (!result) return;
    const key = waiverKey(f, result.recognition.tables);
    const figures = figuresOf(f);
    const next = waivers.filter((w) => !(w.key === key && w.figures === figures));
    try {
      await host.saveWaivers(next);
      setWaivers(next);
      setStatus(m('waived.revoked'));
    } catch (e) {
      setError(m('waiver.save-failed', { detail: errorText(e, lang) }));
    }
  };

  const switchLang = (l: Lang) => {
    setLang(l);
    onLangChange?.(l);
  };

  const dateFormat = React.useMemo(() => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }), [lang]);
  const timeFormat = React.useMemo(() => new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', second: '2-digit' }), [lang]);
  const formatDate = React.useCallback((iso: string) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
  }, [dateFormat]);

  const running = phase !== 'idle';
  const step = PHASES.indexOf(phase as Phase);
  const phaseText = phase === 'read' ? m('progress.read') : phase === 'recognise' ? m('progress.recognise') : m('progress.rules');
  const hasOpen = applied.some((f) => !f.waived);
  const openErrorsOrWarnings = counts.errors + counts.warnings;

  return (
    <div className={s.root} lang={lang} data-testid="taskpane" data-lang={lang}>
      <header className={s.header}>
        <span className={s.logo} aria-hidden>
          <Checkmark20Filled />
        </span>
        <div className={s.titles}>
          <h1 className={s.title}>{m('app.title')}</h1>
          <p className={s.subtitle}>{m('app.subtitle')}</p>
        </div>
        <Tooltip content={m('llm.settings.open')} relationship="label">
          <Button appearance="subtle" size="small" icon={<Settings20Regular />} onClick={() => setSettingsOpen(true)} data-testid="llm-settings-open" />
        </Tooltip>
        <Menu checkedValues={{ lang: [lang] }} onCheckedValueChange={(_, d) => d.checkedItems[0] && switchLang(d.checkedItems[0] as Lang)}>
          <MenuTrigger disableButtonEnhancement>
            <Button appearance="subtle" size="small" icon={<LocalLanguage20Regular />} aria-label={`${m('lang.label')}: ${m(`lang.${lang}`)}`} data-testid="lang">
              {m(`lang.${lang}`)}
            </Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              {LANGS.map((l) => (
                <MenuItemRadio key={l} name="lang" value={l} lang={l} data-lang-option={l}>
                  {m(`lang.${l}`)}
                </MenuItemRadio>
              ))}
            </MenuList>
          </MenuPopover>
        </Menu>
      </header>
      <TabList
        className={s.tabs}
        size="small"
        selectedValue={tab}
        onTabSelect={(_, d) => setTab(d.value as TabId)}
        aria-label={m('tabs.label')}
      >
        <Tab value="check" icon={<TaskListSquareLtr20Regular />}>
          {m('tab.check')}
        </Tab>
        <Tab value="narrative" icon={<DocumentText20Regular />}>
          {m('tab.narrative')}
        </Tab>
        <Tab value="chat" icon={<ChatSparkle20Regular />} data-testid="tab-chat">
          {m('tab.chat')}
        </Tab>
      </TabList>

      <div className={s.body} role="tabpanel" aria-label={m(`tab.${tab}`)}>
        {/* the chat stays mounted on the other tabs: an answer streaming on goes on, the conversation is kept */}
        <div hidden={tab !== 'chat'}>
          <ChatPanel
            m={m}
            lang={lang}
            check={narrativeCheck}
            waivers={waivers}
            llm={llm}
            model={chatModel}
            proxy={llmSettings?.useProxy === true}
            prompts={prompts}
            readWorkbook={readWorkbook}
            onSelectCells={selectCells}
            onWrite={writeText}
            onOpenSettings={openSettings}
            errorText={(e) => errorText(e, lang)}
          />
        </div>
        {tab === 'chat' ? null : tab === 'narrative' ? (
          <NarrativePanel
            m={m}
            lang={lang}
            check={narrativeCheck}
            onSelectCells={selectCells}
            onWrite={writeText}
            readWorkbook={readWorkbook}
            errorText={(e) => errorText(e, lang)}
            llm={draftLlm}
          />
        ) : (
          <>
            <div className={s.toolbar}>
              <Button
                appearance="primary"
                onClick={() => void run()}
                disabled={running}
                icon={running ? <Spinner size="extra-tiny" appearance="inverted" /> : undefined}
                data-testid="check"
              >
                {result ? m('action.recheck') : m('action.check')}
              </Button>
              <span className={s.grow} />
              <Tooltip content={caps.changeEvents ? m('live.hint') : m('live.unsupported')} relationship="description">
                <Switch
                  checked={live}
                  disabled={!caps.changeEvents}
                  onChange={(_, d) => setLive(d.checked)}
                  label={m('live.label')}
                  labelPosition="before"
                  data-testid="live"
                />
              </Tooltip>
            </div>
            <div className={s.marks} role="toolbar" aria-label={m('marks.label')}>
              <Button
                size="small"
                icon={<Highlight20Regular />}
                onClick={applyMarks}
                disabled={!result || running || !hasOpen}
                data-testid="mark"
              >
                {m('marks.apply')}
              </Button>
              <Button size="small" icon={<Eraser20Regular />} onClick={clearMarks} data-testid="clear-marks">
                {m('marks.clear')}
              </Button>
            </div>

            {running && (
              <div className={s.progress} data-testid="progress">
                <ProgressBar value={(step + 1) / PHASES.length} thickness="medium" aria-label={m('progress.label')} />
                <p className={s.progressText} aria-live="polite">
                  {phaseText}
                </p>
              </div>
            )}

            {error && (
              <MessageBar intent="error" data-testid="error">
                <MessageBarBody>{error}</MessageBarBody>
                <MessageBarActions
                  containerAction={<Button appearance="transparent" aria-label={m('error.dismiss')} icon={<Dismiss16Regular />} onClick={() => setError(undefined)} />}
                />
              </MessageBar>
            )}

            {(notices?.(lang) ?? []).map((text) => (
              <MessageBar key={text} intent="warning">
                <MessageBarBody>{text}</MessageBarBody>
              </MessageBar>
            ))}

            {!result && !running && (
              <section className={s.start}>
                <h2 className={s.startTitle}>{m('start.title')}</h2>
                <p className={s.startBody}>{m('start.body')}</p>
                <p className={s.startNote}>{m('start.readonly')}</p>
              </section>
            )}

            {result && (
              <>
                <Summary counts={counts} tables={tables.length} checkedAt={m('summary.checked-at', { time: timeFormat.format(result.at) })} m={m} />
                {tables.length === 0 && <p className={s.startBody}>{m('no-tables.body')}</p>}
                {applied.length > 0 && (
                  <div className={s.filters} role="group" aria-label={m('filter.label')}>
                    <div className={s.filterRow}>
                      <span className={s.filterLabel}>{m('filter.severity')}</span>
                      {SEVERITIES.map((sev) => (
                        <Checkbox
                          key={sev}
                          checked={filters.severities[sev]}
                          label={`${m(`severity.${sev}`)} ${bySeverity[sev]}`}
                          onChange={(_, d) => setFilters((f) => ({ ...f, severities: { ...f.severities, [sev]: d.checked === true } }))}
                          data-testid={`filter-${sev}`}
                        />
                      ))}
                    </div>
                    <div className={s.filterRow}>
                      <span className={s.filterLabel} id={`${hintId}-table`}>
                        {m('filter.table')}
                      </span>
                      <Dropdown
                        className={s.tableFilter}
                        size="small"
                        aria-labelledby={`${hintId}-table`}
                        value={filters.table === null ? m('filter.all-tables') : kindNameOf(filters.table)}
                        selectedOptions={[filters.table ?? '']}
                        onOptionSelect={(_, d) => setFilters((f) => ({ ...f, table: d.optionValue ? d.optionValue : null }))}
                        data-testid="filter-table"
                      >
                        <Option value="">{m('filter.all-tables')}</Option>
                        {filterTables.map((t) => (
                          <Option key={t.id} value={t.id} text={kindName(t.kind, lang)}>
                            {kindName(t.kind, lang)}
                          </Option>
                        ))}
                      </Dropdown>
                    </div>
                  </div>
                )}
                <span id={hintId} className={s.hint}>
                  {m('list.hint')}
                </span>
                {groups.length > 0 ? (
                  <FindingList
                    groups={groups}
                    lang={lang}
                    m={m}
                    label={m('list.label')}
                    describedBy={hintId}
                    onActivate={activate}
                    onSelectCells={selectCells}
                    onAccept={caps.waivers ? setAccepting : undefined}
                    formatDate={formatDate}
                    testId="findings"
                  />
                ) : (
                  tables.length > 0 && <p className={s.empty}>{openErrorsOrWarnings === 0 && !filters.severities.info ? m('list.clean') : m('list.empty')}</p>
                )}
                {waived.length > 0 && (
                  <>
                    <h2 className={s.sectionTitle}>{`${m('waived.heading')} (${waived.length})`}</h2>
                    <FindingList
                      groups={[{ id: '', findings: waived }]}
                      headings={false}
                      lang={lang}
                      m={m}
                      label={m('waived.heading')}
                      onActivate={activate}
                      onSelectCells={selectCells}
                      onRevoke={revoke}
                      formatDate={formatDate}
                      testId="waived"
                    />
                  </>
                )}
              </>
            )}
          </>
        )}
      </div>
      <footer className={s.footer}>
        <p className={s.status} role="status" data-testid="status">
          {pendingLive && live ? m('live.rechecking') : status || (result && !running ? result.workbook.source.name : '')}
        </p>
      </footer>
      <WaiverDialog finding={accepting} m={m} onCancel={() => setAccepting(undefined)} onSave={saveWaiver} />
      <LlmSettingsDialog
        open={settingsOpen}
        m={m}
        lang={lang}
        storage={storage}
        settings={llmSettings}
        damaged={llmDamaged}
        pageOrigin={pageOrigin()}
        onChange={(next, text) => {
          setLlmSettings(next);
          setLlmDamaged(false);
          setStatus(text);
        }}
        onClose={() => setSettingsOpen(false)}
        errorText={(e) => errorText(e, lang)}
      />
    </div>
  );

  function kindNameOf(id: string): string {
    const t = tables.find((x) => x.id === id);
    return t ? kindName(t.kind, lang) : id;
  }
}
