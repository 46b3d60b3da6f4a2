/**
 * The chat tab: questions about the checked workbook, answered by the language model through the read-only chat
 * tools (src/llm/chat). The answer streams in; Stop cancels it. The tools called are listed compactly; cited cells
 * are links that select the cell (as findings do); numbers the verifier could not confirm are marked with the reason.
 * A proposal (propose_insert) is shown with an Insert button and written — through the host's write path, as the
 * Narrative tab's drafts are — only after that click and a confirm that names what is overwritten and which numbers
 * are unverified; a proposal the user did not ask for is labelled as the model's.
 */
import * as React from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  mergeClasses,
  Spinner,
  Textarea,
  tokens,
  Tooltip,
} from '@fluentui/react-components';
import { Delete20Regular, Send20Filled, Stop20Regular, TextAddT20Regular, Warning16Regular, Wrench16Regular } from '@fluentui/react-icons';
import { isCrossfootError } from '../../../src/errors';
import type { Lang } from '../../../src/i18n';
import { buildChatContext, createChatSession, type ChatProposal, type ChatSession, type ChatToolCallRecord, type ChatTurn } from '../../../src/llm/chat';
import { formatRef } from '../../../src/llm/chat/refs';
import { dataNotice } from '../../../src/llm/notice';
import type { PromptSet } from '../../../src/llm/prompts';
import type { ChatModel } from '../../../src/llm/types';
import type { CellRef } from '../../../src/model/address';
import type { Workbook } from '../../../src/model/workbook';
import { paragraphsFromWorkbook } from '../../../src/narrative/sources/workbook';
import type { Waiver } from '../../host/types';
import { answerPieces, citationRefs, knownTextOf, proposalPlan, staleCells, unverifiedNumbers, type InsertPlan } from '../llm/chat-view';
import type { LlmState } from '../llm/settings';
import { defaultTarget, narrativeSheet, parseTarget } from '../narrative';
import type { Translate } from '../messages';
import { DataNoticeView } from './DataNotice';
import { cellLabel } from './FindingCard';
import type { NarrativeCheck } from './NarrativePanel';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  muted: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, lineHeight: tokens.lineHeightBase200 },
  log: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  question: {
    alignSelf: 'flex-end',
    maxWidth: '88%',
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  answer: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  text: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase400, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  tools: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3 },
  tool: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '2px',
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground3,
    fontFamily: tokens.fontFamilyMonospace,
    color: tokens.colorNeutralForeground2,
  },
  toolFailed: { backgroundColor: tokens.colorPaletteRedBackground1, color: tokens.colorPaletteRedForeground1 },
  cite: {
    display: 'inline',
    padding: 0,
    border: 'none',
    background: 'none',
    font: 'inherit',
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: 'underline',
    textDecorationStyle: 'dotted',
    textUnderlineOffset: '3px',
    cursor: 'pointer',
    ':hover': { color: tokens.colorBrandForegroundLinkHover, textDecorationStyle: 'solid' },
  },
  problem: {
    backgroundColor: tokens.colorPaletteRedBackground2,
    color: tokens.colorPaletteRedForeground2,
    borderBottom: `2px solid ${tokens.colorPaletteRedBorder2}`,
    borderRadius: tokens.borderRadiusSmall,
    padding: '0 1px',
  },
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  warn: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorPaletteRedForeground1,
    display: 'flex',
    gap: tokens.spacingHorizontalXS,
    alignItems: 'flex-start',
    '& > svg': { flexShrink: 0, marginTop: '2px' },
  },
  ok: { margin: 0, color: tokens.colorPaletteGreenForeground1 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  chips: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  chip: {
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorBrandForegroundLink,
    cursor: 'pointer',
  },
  missing: { color: tokens.colorNeutralForeground4, textDecorationLine: 'line-through', cursor: 'default' },
  proposal: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderLeft: `3px solid ${tokens.colorPaletteMarigoldBorderActive}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  proposalTitle: { margin: 0, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200 },
  proposalText: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusSmall,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '120px' },
  composer: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  divider: {
    margin: 0,
    textAlign: 'center',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    borderTop: `1px dashed ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalXS,
  },
  danger: { color: tokens.colorPaletteRedForeground1 },
});

export interface ChatPanelProps {
  m: Translate;
  lang: Lang;
  /** the workbook and recognition of the last check; undefined before any check */
  check: NarrativeCheck | undefined;
  waivers: Waiver[];
  llm: LlmState;
  /** the client of ready settings */
  model: ChatModel | undefined;
  /** the requests go through the development server's proxy (said in the notice) */
  proxy: boolean;
  prompts: PromptSet;
  /** re-reads the workbook (run_check) */
  readWorkbook: () => Promise<Workbook>;
  onSelectCells: (refs: CellRef[]) => void;
  /** write one cell (host.writeText): called only from the confirm button */
  onWrite: (ref: CellRef, text: string) => Promise<void>;
  onOpenSettings: () => void;
  errorText: (e: unknown) => string;
}

interface TurnEntry {
  kind: 'turn';
  id: number;
  /** the session the turn belongs to (proposal ids restart with each session) */
  session: number;
  question: string;
  status: 'streaming' | 'done' | 'stopped' | 'error';
  text: string;
  toolCalls: ChatToolCallRecord[];
  turn?: ChatTurn;
  error?: string;
}
type Entry = TurnEntry | { kind: 'reset'; id: number };

interface SessionHolder {
  serial: number;
  session: ChatSession;
  deps: readonly unknown[];
}

interface Confirming {
  key: string;
  proposal: ChatProposal;
  plan: InsertPlan;
}

const sameDeps = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function rangeOf(cells: CellRef[]): string {
  return cells.length === 1 ? cellLabel(cells[0]) : cellLabel({ sheet: cells[0].sheet, cell: `${cells[0].cell}:${cells[cells.length - 1].cell}` });
}

export function ChatPanel(props: ChatPanelProps) {
  const { m, lang, check, waivers, llm, model, proxy, prompts, readWorkbook, onSelectCells, onWrite, onOpenSettings, errorText } = props;
  const s = useStyles();
  const [entries, setEntries] = React.useState<Entry[]>([]);
  const [input, setInput] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [confirming, setConfirming] = React.useState<Confirming | undefined>(undefined);
  const [writing, setWriting] = React.useState(false);
  /** proposal key → where it was inserted, or the error of the attempt */
  const [inserted, setInserted] = React.useState<Record<string, { ok: boolean; text: string }>>({});
  const session = React.useRef<SessionHolder | undefined>(undefined);
  const serial = React.useRef(0);
  const nextId = React.useRef(0);
  const controller = React.useRef<AbortController | undefined>(undefined);
  /** cells written from this panel since the check: the checked workbook does not know them */
  const written = React.useRef(new Map<string, string>());
  const endRef = React.useRef<HTMLDivElement>(null);
  const inputId = React.useId();

  const notice = React.useMemo(() => (llm.status === 'ready' ? dataNotice(llm.config, lang, { host: 'addin' }) : undefined), [llm, lang]);
  const sectionTarget = React.useMemo(() => {
    if (!check) return undefined;
    return defaultTarget(check.workbook, check.recognition, paragraphsFromWorkbook(check.workbook, check.recognition));
  }, [check]);
  const defaultSheet = check ? narrativeSheet(check.workbook, check.recognition) : undefined;

  // a new check starts from what the workbook says now
  React.useEffect(() => {
    written.current = new Map();
  }, [check]);

  // cancel an answer still streaming when the panel goes away
  React.useEffect(() => () => controller.current?.abort(), []);

  React.useEffect(() => {
    endRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [entries]);

  const update = (id: number, patch: (e: TurnEntry) => Partial<TurnEntry>) =>
    setEntries((list) => list.map((e) => (e.kind === 'turn' && e.id === id ? { ...e, ...patch(e) } : e)));

  /** the session for the current check, model, language and waivers: a new one when any of them changed */
  const sessionFor = (): SessionHolder => {
    const deps = [check, model, lang, waivers, prompts] as const;
    const held = session.current;
    if (held && sameDeps(held.deps, deps)) return held;
    const ctx = buildChatContext(check!.workbook, {
      lang,
      recognition: check!.recognition,
      waivers,
      name: check!.workbook.source.name,
      reload: readWorkbook,
    });
    const next: SessionHolder = { serial: ++serial.current, session: createChatSession(ctx, model!, { lang, prompts }), deps };
    if (held && held.session.turns.length > 0) setEntries((list) => [...list, { kind: 'reset', id: ++nextId.current }]);
    session.current = next;
    return next;
  };

  const send = async () => {
    const question = input.trim();
    if (!question || busy || !check || !model) return;
    let holder: SessionHolder;
    const id = ++nextId.current;
    try {
      holder = sessionFor();
    } catch (e) {
      setEntries((list) => [...list, { kind: 'turn', id, session: 0, question, status: 'error', text: '', toolCalls: [], error: errorText(e) }]);
      return;
    }
    const abort = new AbortController();
    controller.current = abort;
    setBusy(true);
    setInput('');
    setEntries((list) => [...list, { kind: 'turn', id, session: holder.serial, question, status: 'streaming', text: '', toolCalls: [] }]);
    try {
      const turn = await holder.session.send(question, {
        signal: abort.signal,
        onDelta: (d) => update(id, (e) => ({ text: e.text + d })),
        onToolCall: (call) => update(id, (e) => ({ toolCalls: [...e.toolCalls, call] })),
      });
      update(id, () => ({ status: 'done', text: turn.text, turn, toolCalls: turn.toolCalls }));
    } catch (e) {
      if (abort.signal.aborted || (isCrossfootError(e) && e.code === 'llm-cancelled')) update(id, () => ({ status: 'stopped' }));
      else update(id, () => ({ status: 'error', error: errorText(e) }));
    } finally {
      if (controller.current === abort) controller.current = undefined;
      setBusy(false);
    }
  };

  const stop = () => controller.current?.abort();

  const clear = () => {
    if (busy) return;
    session.current?.session.reset();
    setEntries([]);
    setInserted({});
  };

  const askInsert = (key: string, proposal: ChatProposal, target: string): string | undefined => {
    if (!check) return undefined;
    const known = knownTextOf(check.workbook, written.current);
    let plan: InsertPlan | undefined;
    if (proposal.target.kind === 'section') {
      const parsed = parseTarget(target, check.workbook, defaultSheet);
      if (!parsed.ok) return parsed.reason === 'format' ? m('draft.target.format') : m('draft.target.sheet');
      plan = proposalPlan(proposal, check.workbook, known, parsed, new Set(written.current.keys()));
    } else {
      plan = proposalPlan(proposal, check.workbook, known);
    }
    if (!plan) return m('chat.proposal.no-target');
    setConfirming({ key, proposal, plan });
    return undefined;
  };

  const insert = async () => {
    if (!confirming) return;
    const { key, plan } = confirming;
    setWriting(true);
    try {
      // the cells as they are now, not as they were at the check: an edit made since must not be overwritten or dropped
      if (check) {
        const stale = staleCells(plan.writes.map((w) => w.ref), knownTextOf(check.workbook, written.current), await readWorkbook());
        if (stale.length > 0) {
          setInserted((x) => ({ ...x, [key]: { ok: false, text: m('draft.stale', { cells: stale.map(cellLabel).join(', ') }) } }));
          return;
        }
      }
      for (const w of plan.writes) {
        await onWrite(w.ref, w.text);
        written.current.set(`${w.ref.sheet}!${w.ref.cell}`, w.text);
      }
      setInserted((x) => ({ ...x, [key]: { ok: true, text: m('chat.proposal.inserted', { range: rangeOf(plan.writes.map((w) => w.ref)) }) } }));
    } catch (e) {
      setInserted((x) => ({ ...x, [key]: { ok: false, text: m('draft.insert-failed', { detail: errorText(e) }) } }));
    } finally {
      setWriting(false);
      setConfirming(undefined);
    }
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter sends, Shift+Enter is a new line; never while an input method is composing
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void send();
    }
  };

  const settingsBar = (intent: 'info' | 'warning' | 'error', text: string) => (
    <MessageBar intent={intent} layout="multiline" data-testid="chat-llm-state" data-state={llm.status}>
      <MessageBarBody>{text}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onOpenSettings} data-testid="chat-open-settings">
          {m('llm.configure')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );

  return (
    <section className={s.root} data-testid="chat">
      <h2 className={s.title}>{m('chat.title')}</h2>
      <p className={s.muted}>{m('chat.intro')}</p>
      {llm.status === 'unset' && settingsBar('info', m('llm.unset'))}
      {llm.status === 'unaccepted' && settingsBar('warning', m('llm.unaccepted'))}
      {llm.status === 'invalid' && settingsBar('error', m('llm.invalid', { detail: llm.error.localized(lang) }))}
      {notice && <DataNoticeView notice={notice} m={m} compact proxy={proxy} testId="chat-notice" />}
      {!check && <p className={s.muted} data-testid="chat-no-check">{m('chat.no-check')}</p>}

      {entries.length > 0 && (
        <div className={s.log} role="log" aria-live="polite" data-testid="chat-log">
          {entries.map((e) =>
            e.kind === 'reset' ? (
              <p key={e.id} className={s.divider} data-testid="chat-reset">
                {m('chat.reset')}
              </p>
            ) : (
              <TurnView
                key={e.id}
                entry={e}
                m={m}
                s={s}
                onSelectCells={onSelectCells}
                sectionTarget={sectionTarget ? cellLabel(sectionTarget) : ''}
                inserted={inserted}
                onInsert={askInsert}
                writing={writing}
              />
            ),
          )}
        </div>
      )}
      <div ref={endRef} />

      <div className={s.composer}>
        <Field label={{ children: m('chat.input'), htmlFor: inputId }}>
          <Textarea
            id={inputId}
            value={input}
            onChange={(_, d) => setInput(d.value)}
            onKeyDown={onKeyDown}
            placeholder={m('chat.placeholder')}
            resize="vertical"
            rows={2}
            disabled={!check || !model}
            data-testid="chat-input"
          />
        </Field>
        <div className={s.actions}>
          {busy ? (
            <Button icon={<Stop20Regular />} onClick={stop} data-testid="chat-stop">
              {m('chat.stop')}
            </Button>
          ) : (
            <Button appearance="primary" icon={<Send20Filled />} onClick={() => void send()} disabled={!check || !model || input.trim() === ''} data-testid="chat-send">
              {m('chat.send')}
            </Button>
          )}
          {busy && <Spinner size="extra-tiny" label={m('chat.thinking')} />}
          <span className={s.grow} />
          <Button appearance="subtle" size="small" icon={<Delete20Regular />} onClick={clear} disabled={busy || entries.length === 0} data-testid="chat-clear">
            {m('chat.clear')}
          </Button>
        </div>
      </div>

      <Dialog open={confirming !== undefined} onOpenChange={(_, d) => !d.open && !writing && setConfirming(undefined)} modalType="modal">
        <DialogSurface aria-describedby={undefined} data-testid="chat-confirm">
          <DialogBody>
            <DialogTitle>{m('chat.confirm.title')}</DialogTitle>
            <DialogContent>
              {confirming && <ConfirmText c={confirming} m={m} s={s} />}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void insert()} disabled={writing} data-testid="chat-confirm-ok">
                {m('chat.confirm.ok')}
              </Button>
              <Button onClick={() => setConfirming(undefined)} disabled={writing} data-testid="chat-confirm-cancel">
                {m('chat.confirm.cancel')}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}

type Styles = ReturnType<typeof useStyles>;

function ConfirmText({ c, m, s }: { c: Confirming; m: Translate; s: Styles }) {
  const { proposal, plan } = c;
  const refs = plan.writes.map((w) => w.ref);
  const numbers = unverifiedNumbers(proposal.problems);
  const target = refs[0];
  return (
    <>
      <p>{m('chat.confirm.cells', { n: plan.writes.length, range: rangeOf(refs) })}</p>
      {proposal.target.kind === 'cell' && proposal.mode === 'append' && plan.existing && plan.existing.trim() !== '' && (
        <p data-confirm="append">{m('chat.confirm.append', { ref: cellLabel(target) })}</p>
      )}
      {proposal.target.kind === 'cell' && proposal.mode === 'replace' && plan.existing && plan.existing.trim() !== '' && (
        <p className={s.danger} data-confirm="replace">
          {m('chat.confirm.replace', { ref: cellLabel(target), text: plan.existing.length > 80 ? `${plan.existing.slice(0, 79)}…` : plan.existing })}
        </p>
      )}
      {proposal.target.kind === 'section' && plan.overwrite.length > 0 && (
        <p className={s.danger} data-confirm="overwrite">
          {m('draft.confirm.overwrite', { cells: plan.overwrite.map(cellLabel).join(', ') })}
        </p>
      )}
      {numbers.length > 0 && (
        <p className={s.danger} data-confirm="unverified">
          {m('chat.confirm.unverified', { numbers: numbers.join('、') })}
        </p>
      )}
      {proposal.initiatedBy === 'model' && (
        <p className={s.danger} data-confirm="model">
          {m('chat.confirm.model')}
        </p>
      )}
      {/* the usual shape of an injection (a cell telling the model what to insert): named again where the click is */}
      {proposal.fromWorkbookText && (
        <p className={s.danger} data-confirm="workbook">
          {m('chat.proposal.workbook')}
        </p>
      )}
    </>
  );
}

interface TurnViewProps {
  entry: TurnEntry;
  m: Translate;
  s: Styles;
  onSelectCells: (refs: CellRef[]) => void;
  sectionTarget: string;
  inserted: Record<string, { ok: boolean; text: string }>;
  onInsert: (key: string, proposal: ChatProposal, target: string) => string | undefined;
  writing: boolean;
}

function TurnView({ entry, m, s, onSelectCells, sectionTarget, inserted, onInsert, writing }: TurnViewProps) {
  const turn = entry.turn;
  const pieces = React.useMemo(() => (turn ? answerPieces(turn.text, turn.citations, turn.problems) : [{ text: entry.text }]), [turn, entry.text]);
  const hasNumbers = turn ? /\d/.test(turn.text) : false;
  const select = (sheet: string, cell: string) => onSelectCells(citationRefs({ sheet, cell }));
  return (
    <>
      <p className={s.question} data-testid="chat-question">
        {entry.question}
      </p>
      <article className={s.answer} data-testid="chat-turn" data-status={entry.status}>
        {entry.toolCalls.length > 0 && (
          <div className={s.tools} data-testid="chat-tools">
            <Wrench16Regular aria-hidden />
            <span>{m('chat.tools')}</span>
            {entry.toolCalls.map((c) => (
              <Tooltip
                key={c.id}
                content={c.ok ? c.arguments || '{}' : m('chat.tool-failed', { name: c.name, message: c.error?.message ?? '' })}
                relationship="description"
              >
                <span className={mergeClasses(s.tool, !c.ok && s.toolFailed)} data-testid="chat-tool" data-tool={c.name} data-ok={String(c.ok)} tabIndex={0}>
                  {c.name}
                </span>
              </Tooltip>
            ))}
          </div>
        )}
        {(entry.text !== '' || entry.status === 'done') && (
          <p className={s.text} data-testid="chat-answer" lang="zh-CN">
            {entry.status === 'done' && entry.text === '' ? m('chat.empty-answer') : null}
            {pieces.map((p, i) => {
              let node: React.ReactNode = p.text;
              if (p.problem) {
                node = (
                  <mark className={s.problem} data-problem={p.problem.kind} title={p.problem.reason}>
                    {node}
                  </mark>
                );
              }
              if (p.citation && p.citation.exists) {
                const c = p.citation;
                const label = formatRef(c.sheet, c.cell);
                node = (
                  <button type="button" className={s.cite} data-citation={label} title={m('chat.citation-label', { cell: label })} onClick={() => select(c.sheet, c.cell)}>
                    {node}
                  </button>
                );
              }
              return <React.Fragment key={i}>{node}</React.Fragment>;
            })}
          </p>
        )}
        {entry.status === 'streaming' && <Spinner size="extra-tiny" label={m('chat.thinking')} labelPosition="after" />}
        {entry.status === 'stopped' && <p className={s.muted} data-testid="chat-stopped">{m('chat.stopped')}</p>}
        {entry.status === 'error' && (
          <MessageBar intent="error" layout="multiline" data-testid="chat-error">
            <MessageBarBody>{entry.error}</MessageBarBody>
          </MessageBar>
        )}
        {turn && turn.problems.length > 0 && (
          <div className={s.box} data-testid="chat-problems">
            <p className={s.warn}>
              <Warning16Regular aria-hidden />
              <span>{m('chat.problems', { n: turn.problems.length })}</span>
            </p>
            <ul className={s.list}>
              {turn.problems.map((p, i) => (
                <li key={i} data-problem-item={p.kind}>
                  <mark className={s.problem}>{p.text}</mark> {p.reason}
                </li>
              ))}
            </ul>
          </div>
        )}
        {turn && turn.problems.length === 0 && hasNumbers && (
          <p className={mergeClasses(s.muted, s.ok)} data-testid="chat-verified">
            {m('chat.verified')}
          </p>
        )}
        {turn && turn.citations.length > 0 && (
          <div className={s.chips} data-testid="chat-citations">
            <span className={s.muted}>{m('chat.citations')}</span>
            {turn.citations.map((c) => {
              const label = formatRef(c.sheet, c.cell);
              return c.exists ? (
                <button
                  key={label}
                  type="button"
                  className={s.chip}
                  data-cited={label}
                  aria-label={m('chat.citation-label', { cell: label })}
                  onClick={() => select(c.sheet, c.cell)}
                >
                  {label}
                </button>
              ) : (
                <span key={label} className={mergeClasses(s.chip, s.missing)} data-cited-missing={label} title={m('chat.citation-missing', { cell: label })}>
                  {label}
                </span>
              );
            })}
          </div>
        )}
        {turn && turn.suspicious.length > 0 && (
          <p className={s.warn} data-testid="chat-suspicious">
            <Warning16Regular aria-hidden />
            <span>{m('chat.suspicious', { cells: [...new Set(turn.suspicious.map((x) => x.where ?? '?'))].join('、') })}</span>
          </p>
        )}
        {turn &&
          turn.proposals.map((p) => {
            const key = `${entry.session}:${p.id}`;
            return (
              <ProposalView key={key} pkey={key} proposal={p} m={m} s={s} sectionTarget={sectionTarget} done={inserted[key]} onInsert={onInsert} writing={writing} />
            );
          })}
      </article>
    </>
  );
}

interface ProposalViewProps {
  pkey: string;
  proposal: ChatProposal;
  m: Translate;
  s: Styles;
  sectionTarget: string;
  done: { ok: boolean; text: string } | undefined;
  onInsert: (key: string, proposal: ChatProposal, target: string) => string | undefined;
  writing: boolean;
}

function ProposalView({ pkey, proposal: p, m, s, sectionTarget, done, onInsert, writing }: ProposalViewProps) {
  const [target, setTarget] = React.useState(sectionTarget);
  const [error, setError] = React.useState<string | undefined>(undefined);
  const pieces = React.useMemo(() => answerPieces(p.text, [], p.problems), [p]);
  const mode = m(p.mode === 'replace' ? 'chat.proposal.mode.replace' : 'chat.proposal.mode.append');
  return (
    <div className={s.proposal} data-testid="chat-proposal" data-proposal={p.id} data-initiated={p.initiatedBy} data-from-workbook={String(p.fromWorkbookText)}>
      <p className={s.proposalTitle}>{m('chat.proposal.title')}</p>
      {p.initiatedBy === 'model' && (
        <p className={s.warn} data-proposal-note="model">
          <Warning16Regular aria-hidden />
          <span>{m('chat.proposal.model')}</span>
        </p>
      )}
      {p.fromWorkbookText && (
        <p className={s.warn} data-proposal-note="workbook">
          <Warning16Regular aria-hidden />
          <span>{m('chat.proposal.workbook')}</span>
        </p>
      )}
      <p className={s.muted}>
        {p.target.kind === 'cell'
          ? m('chat.proposal.target-cell', { ref: formatRef(p.target.sheet, p.target.cell), mode })
          : m('chat.proposal.target-section', { title: p.target.title })}
      </p>
      <p className={s.proposalText} lang="zh-CN" data-proposal-text>
        {pieces.map((x, i) =>
          x.problem ? (
            <mark key={i} className={s.problem} data-problem={x.problem.kind} title={x.problem.reason}>
              {x.text}
            </mark>
          ) : (
            <React.Fragment key={i}>{x.text}</React.Fragment>
          ),
        )}
      </p>
      {p.problems.length > 0 && (
        <p className={s.warn}>
          <Warning16Regular aria-hidden />
          <span>{m('chat.proposal.problems', { n: p.problems.length })}</span>
        </p>
      )}
      {p.reason && <p className={s.muted}>{m('chat.proposal.reason', { reason: p.reason })}</p>}
      {done ? (
        <MessageBar intent={done.ok ? 'success' : 'error'} data-testid="chat-proposal-result">
          <MessageBarBody>{done.text}</MessageBarBody>
        </MessageBar>
      ) : (
        <div className={s.row}>
          {p.target.kind === 'section' && (
            <Field className={s.grow} label={m('draft.target')} validationState={error ? 'error' : 'none'} validationMessage={error}>
              <Input
                size="small"
                value={target}
                onChange={(_, d) => {
                  setTarget(d.value);
                  setError(undefined);
                }}
                data-testid="chat-proposal-target"
              />
            </Field>
          )}
          <Button
            size="small"
            // a proposal the user did not ask for, or that repeats workbook text, is not the obvious next click
            appearance={p.initiatedBy === 'user' && !p.fromWorkbookText && p.problems.length === 0 ? 'primary' : 'secondary'}
            icon={<TextAddT20Regular />}
            disabled={writing}
            onClick={() => setError(onInsert(pkey, p, target))}
            data-testid="chat-proposal-insert"
          >
            {m('chat.proposal.insert')}
          </Button>
        </div>
      )}
    </div>
  );
}
