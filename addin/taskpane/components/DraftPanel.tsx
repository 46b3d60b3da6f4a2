/**
 * Drafts of the standard 情况说明 sections: pick a section, read its paragraphs with the placeholders (【待补充：…】)
 * highlighted, copy them, or insert them into consecutive cells from a target the user gives (sheet!A1). Nothing is
 * written before the user confirms the insert.
 *
 * With a language model set up (and its data notice accepted): polish the section, draft its reasons for change from
 * the user's material (with none, the library's questions are shown and the model is not called), or draft the
 * performance summary (src/llm/draft.ts). The result shows its status — verified, rejected with the offending spans
 * marked, or needs material — and is inserted through the same target and confirm; a rejected text only after a
 * confirm that names what could not be verified and an explicit acknowledgement.
 */
import * as React from 'react';
import {
  Badge,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Option,
  Spinner,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { Copy20Regular, Sparkle20Regular, Stop20Regular, TextAddT20Regular, Warning16Regular } from '@fluentui/react-icons';
import { isCrossfootError } from '../../../src/errors';
import type { Lang } from '../../../src/i18n';
import { draftWithModel, type LlmDraftResult, type LlmDraftTask } from '../../../src/llm/draft';
import { dataNotice } from '../../../src/llm/notice';
import type { PromptSet } from '../../../src/llm/prompts';
import type { ChatModel } from '../../../src/llm/types';
import { kindName } from '../../../src/i18n/kinds';
import type { CellRef } from '../../../src/model/address';
import type { Workbook } from '../../../src/model/workbook';
import type { DraftSection } from '../../../src/narrative/draft';
import { a1 } from '../../../src/model/address';
import { draftInput, insertRules, insertableParagraphs, materialOf, resultLines, type DraftBase, type InsertRules } from '../llm/draft-view';
import { knownTextOf, staleCells } from '../llm/chat-view';
import type { LlmState } from '../llm/settings';
import { draftPieces, occupiedCells, parseTarget, targetCells } from '../narrative';
import type { Translate } from '../messages';
import { DataNoticeView } from './DataNotice';
import { cellLabel } from './FindingCard';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  paragraphs: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
  },
  paragraph: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, overflowWrap: 'anywhere', textIndent: '2em' },
  placeholder: {
    backgroundColor: tokens.colorPaletteLightTealBackground2,
    color: tokens.colorNeutralForeground1,
    outline: `1px dashed ${tokens.colorPaletteLightTealBorderActive}`,
    borderRadius: tokens.borderRadiusSmall,
    padding: '0 2px',
  },
  muted: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  target: { flexGrow: 1, minWidth: '140px' },
  overwrite: { color: tokens.colorPaletteRedForeground1 },
  llm: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  llmTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  result: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
  },
  resultHead: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  lineTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  problem: {
    backgroundColor: tokens.colorPaletteRedBackground2,
    color: tokens.colorPaletteRedForeground2,
    borderBottom: `2px solid ${tokens.colorPaletteRedBorder2}`,
    borderRadius: tokens.borderRadiusSmall,
    padding: '0 1px',
  },
  material: { backgroundColor: tokens.colorPaletteYellowBackground2, borderBottom: `2px dotted ${tokens.colorPaletteYellowBorder2}`, padding: '0 1px' },
  warn: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorPaletteRedForeground1, display: 'flex', gap: tokens.spacingHorizontalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});

/** The language model, as the Narrative tab's drafting needs it (TaskPane → NarrativePanel → DraftPanel). */
export interface DraftLlm {
  state: LlmState;
  /** the client of ready settings */
  model: ChatModel | undefined;
  prompts: PromptSet;
  /** the requests go through the development server's proxy (said in the notice) */
  proxy: boolean;
  onOpenSettings: () => void;
}

export interface DraftPanelProps {
  m: Translate;
  lang: Lang;
  sections: DraftSection[];
  /** the workbook of the last check: sheet names, and which target cells already hold something */
  workbook: Workbook;
  /** prefilled target: the first empty cell below the narrative */
  initialTarget?: CellRef;
  /** the sheet a bare address ("A78") refers to */
  defaultSheet?: string;
  /** writes one cell (host.writeText): called only from the confirm button */
  onWrite: (ref: CellRef, text: string) => Promise<void>;
  /** reads the workbook as it is now: just before writing, cells edited since the check are not overwritten */
  readWorkbook?: () => Promise<Workbook>;
  errorText: (e: unknown) => string;
  /** the language model drafting (absent: only the deterministic drafts) */
  llm?: DraftLlm;
  /** the facts, recognition, year and department of the checked workbook, for the model's drafting */
  base?: DraftBase;
}

/** What the confirm dialog writes: one text a cell, and for a model's text what it must name. */
interface Confirming {
  cells: CellRef[];
  overwrite: CellRef[];
  texts: string[];
  rules?: InsertRules;
}

type Notice = { intent: 'success' | 'error' | 'info'; text: string } | undefined;

export function DraftPanel({ m, lang, sections, workbook, initialTarget, defaultSheet, onWrite, readWorkbook, errorText, llm, base }: DraftPanelProps) {
  const s = useStyles();
  const [sectionId, setSectionId] = React.useState<string | undefined>(sections.find((x) => x.paragraphs.length > 0)?.id ?? sections[0]?.id);
  const [target, setTarget] = React.useState(initialTarget ? cellLabel(initialTarget) : '');
  const [targetError, setTargetError] = React.useState<string | undefined>(undefined);
  const [confirming, setConfirming] = React.useState<Confirming | undefined>(undefined);
  /** the acknowledgement a rejected text needs before its confirm button works */
  const [acknowledged, setAcknowledged] = React.useState(false);
  const [writing, setWriting] = React.useState(false);
  const [notice, setNotice] = React.useState<Notice>(undefined);
  /** cells written from this pane since the last check (the checked workbook does not know them) */
  const written = React.useRef(new Set<string>());
  const targetId = React.useId();

  const section = sections.find((x) => x.id === sectionId);
  const paragraphs = section?.paragraphs ?? [];
  const placeholders = paragraphs.reduce((n, p) => n + p.placeholders.length, 0);

  if (sections.length === 0) return <p className={s.muted}>{m('draft.none')}</p>;

  const copy = async () => {
    const text = paragraphs.map((p) => p.text).join('\n');
    try {
      if (!navigator.clipboard) throw new Error('clipboard');
      await navigator.clipboard.writeText(text);
      setNotice({ intent: 'success', text: m('draft.copied') });
    } catch {
      setNotice({ intent: 'info', text: m('draft.copy-failed') });
    }
  };

  /** the confirm of writing `texts` one a cell from the target; `rules` for a model's text */
  const askInsert = (texts: string[], rules?: InsertRules) => {
    setNotice(undefined);
    const parsed = parseTarget(target, workbook, defaultSheet);
    if (!parsed.ok) {
      setTargetError(parsed.reason === 'format' ? m('draft.target.format') : m('draft.target.sheet'));
      return;
    }
    setTargetError(undefined);
    const cells = targetCells(parsed, texts.length);
    const overwrite = [...occupiedCells(workbook, cells), ...cells.filter((c) => written.current.has(cellLabel(c)))];
    const seen = new Set<string>();
    setAcknowledged(false);
    setConfirming({ cells, texts, rules, overwrite: overwrite.filter((c) => !seen.has(cellLabel(c)) && !!seen.add(cellLabel(c))) });
  };

  const rangeOf = (cells: CellRef[]) =>
    cells.length === 1 ? cellLabel(cells[0]) : cellLabel({ sheet: cells[0].sheet, cell: `${cells[0].cell}:${cells[cells.length - 1].cell}` });

  const insert = async () => {
    if (!confirming) return;
    const { cells, texts } = confirming;
    setWriting(true);
    try {
      // the target cells as they are now: one edited since the check (other than by this pane) is not overwritten
      if (readWorkbook) {
        const checked = knownTextOf(workbook, new Map());
        const stale = staleCells(cells.filter((c) => !written.current.has(cellLabel(c))), checked, await readWorkbook());
        if (stale.length > 0) {
          setNotice({ intent: 'error', text: m('draft.stale', { cells: stale.map(cellLabel).join(', ') }) });
          return;
        }
      }
      for (let i = 0; i < cells.length; i++) {
        await onWrite(cells[i], texts[i]);
        written.current.add(cellLabel(cells[i]));
      }
      setNotice({ intent: 'success', text: m('draft.inserted', { n: cells.length, range: rangeOf(cells) }) });
      // the next insert goes below this one
      const last = parseTarget(cellLabel(cells[cells.length - 1]), workbook);
      if (last.ok) setTarget(cellLabel({ sheet: last.ref.sheet, cell: a1(last.row + 1, last.col) }));
    } catch (e) {
      setNotice({ intent: 'error', text: m('draft.insert-failed', { detail: errorText(e) }) });
    } finally {
      setWriting(false);
      setConfirming(undefined);
    }
  };

  return (
    <div className={s.root} data-testid="drafts">
      <p className={s.muted}>{m('draft.intro')}</p>
      <Field label={m('draft.section')}>
        <Dropdown
          size="small"
          value={section?.title ?? ''}
          selectedOptions={sectionId ? [sectionId] : []}
          onOptionSelect={(_, d) => {
            if (d.optionValue) setSectionId(d.optionValue);
            setNotice(undefined);
          }}
          data-testid="draft-section"
        >
          {sections.map((x) => (
            <Option key={x.id} value={x.id} text={x.title} data-section={x.id}>
              {x.title}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {section && (
        <div className={s.paragraphs} data-testid="draft" data-section={section.id} lang="zh-CN">
          {paragraphs.length === 0 && <p className={s.muted}>{m('draft.empty')}</p>}
          {paragraphs.map((p, i) => (
            <p key={i} className={s.paragraph} data-draft-paragraph={i}>
              {draftPieces(p.text, p.placeholders).map((piece, j) =>
                piece.placeholder !== undefined ? (
                  <mark key={j} className={s.placeholder} data-placeholder={piece.placeholder} title={m('draft.placeholder-title', { label: piece.placeholder })}>
                    {piece.text}
                  </mark>
                ) : (
                  <React.Fragment key={j}>{piece.text}</React.Fragment>
                ),
              )}
            </p>
          ))}
          {section.missing && section.missing.length > 0 && (
            <p className={s.muted} lang={lang}>
              {m('draft.missing', { tables: section.missing.map((k) => kindName(k, lang)).join(lang === 'zh-CN' ? '、' : ', ') })}
            </p>
          )}
          {placeholders > 0 && (
            <p className={s.muted} lang={lang}>
              {m('draft.placeholders', { n: placeholders })}
            </p>
          )}
        </div>
      )}
      <div className={s.row}>
        <Button size="small" icon={<Copy20Regular />} onClick={() => void copy()} disabled={paragraphs.length === 0} data-testid="draft-copy">
          {m('draft.copy')}
        </Button>
      </div>
      <div className={s.row}>
        <Field
          className={s.target}
          label={{ children: m('draft.target'), id: targetId }}
          hint={m('draft.target-hint')}
          validationState={targetError ? 'error' : 'none'}
          validationMessage={targetError}
        >
          <Input
            size="small"
            value={target}
            onChange={(_, d) => {
              setTarget(d.value);
              setTargetError(undefined);
            }}
            placeholder="情况说明!A1"
            data-testid="draft-target"
          />
        </Field>
        <Button
          size="small"
          appearance="primary"
          icon={<TextAddT20Regular />}
          onClick={() => askInsert(paragraphs.map((p) => p.text))}
          disabled={paragraphs.length === 0 || writing}
          data-testid="draft-insert"
        >
          {m('draft.insert')}
        </Button>
      </div>
      {llm && base && section && (
        <LlmDraft
          key={section.id}
          m={m}
          lang={lang}
          llm={llm}
          base={base}
          sectionId={section.id}
          hasParagraphs={paragraphs.length > 0}
          writing={writing}
          onInsert={askInsert}
          errorText={errorText}
        />
      )}
      {notice && (
        <MessageBar intent={notice.intent} data-testid="draft-notice">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      <Dialog open={confirming !== undefined} onOpenChange={(_, d) => !d.open && !writing && setConfirming(undefined)} modalType="modal">
        <DialogSurface aria-describedby={undefined}>
          <DialogBody>
            <DialogTitle>{m('draft.confirm.title')}</DialogTitle>
            <DialogContent>
              {confirming && <p>{m('draft.confirm.body', { n: confirming.cells.length, range: rangeOf(confirming.cells) })}</p>}
              {confirming && confirming.overwrite.length > 0 && (
                <p className={s.overwrite} data-overwrite>
                  {m('draft.confirm.overwrite', { cells: confirming.overwrite.map(cellLabel).join(', ') })}
                </p>
              )}
              {confirming?.rules && confirming.rules.fromMaterial.length > 0 && (
                <p data-confirm="material">{m('llmdraft.confirm.material', { items: confirming.rules.fromMaterial.join('、') })}</p>
              )}
              {confirming?.rules?.needsAcknowledgement && (
                <>
                  <p className={s.overwrite} data-confirm="unverified">
                    {m('llmdraft.confirm.unverified', { items: confirming.rules.unverified.join('、') })}
                  </p>
                  <Checkbox checked={acknowledged} onChange={(_, d) => setAcknowledged(d.checked === true)} label={m('llmdraft.confirm.ack')} data-testid="draft-confirm-ack" />
                </>
              )}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => void insert()}
                disabled={writing || (confirming?.rules?.needsAcknowledgement === true && !acknowledged)}
                data-testid="draft-confirm"
              >
                {m('draft.confirm.ok')}
              </Button>
              <Button onClick={() => setConfirming(undefined)} disabled={writing}>
                {m('draft.confirm.cancel')}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}

const TASKS: readonly LlmDraftTask[] = ['polish', 'reasons', 'performance'];

interface LlmDraftProps {
  m: Translate;
  lang: Lang;
  llm: DraftLlm;
  base: DraftBase;
  /** the section shown: polish and reasons work on it */
  sectionId: string;
  /** the deterministic draft of the section has paragraphs (polish needs them) */
  hasParagraphs: boolean;
  writing: boolean;
  /** the parent's target and confirm (the same as the deterministic draft's) */
  onInsert: (texts: string[], rules: InsertRules) => void;
  errorText: (e: unknown) => string;
}

type Outcome = { task: LlmDraftTask; result: LlmDraftResult } | { task: LlmDraftTask; error: string } | { task: LlmDraftTask; stopped: true };

/** The language model's drafting for one section (remounted when the section changes: a result belongs to its section). */
function LlmDraft({ m, lang, llm, base, sectionId, hasParagraphs, writing, onInsert, errorText }: LlmDraftProps) {
  const s = useStyles();
  const [material, setMaterial] = React.useState('');
  const [running, setRunning] = React.useState<LlmDraftTask | undefined>(undefined);
  const [outcome, setOutcome] = React.useState<Outcome | undefined>(undefined);
  const controller = React.useRef<AbortController | undefined>(undefined);
  const notice = React.useMemo(() => (llm.state.status === 'ready' ? dataNotice(llm.state.config, lang, { host: 'addin' }) : undefined), [llm.state, lang]);

  React.useEffect(() => () => controller.current?.abort(), []);

  const taskName = (task: LlmDraftTask) => m(`llmdraft.${task}`);

  const run = async (task: LlmDraftTask) => {
    if (!llm.model || running) return;
    const abort = new AbortController();
    controller.current = abort;
    setRunning(task);
    setOutcome(undefined);
    try {
      const input = draftInput(base, task === 'performance' ? undefined : [sectionId], materialOf(material, m('llmdraft.material.name')));
      const structuredOutput = llm.state.status === 'ready' ? llm.state.config.structuredOutput : undefined;
      const result = await draftWithModel(task, input, { model: llm.model, prompts: llm.prompts, lang, structuredOutput, signal: abort.signal });
      setOutcome({ task, result });
    } catch (e) {
      if (abort.signal.aborted || (isCrossfootError(e) && e.code === 'llm-cancelled')) setOutcome({ task, stopped: true });
      else setOutcome({ task, error: errorText(e) });
    } finally {
      if (controller.current === abort) controller.current = undefined;
      setRunning(undefined);
    }
  };

  const state = llm.state;
  const bar = (intent: 'info' | 'warning' | 'error', text: string) => (
    <MessageBar intent={intent} layout="multiline" data-testid="llmdraft-state" data-state={state.status}>
      <MessageBarBody>{text}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={llm.onOpenSettings}>
          {m('llm.configure')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );

  return (
    <section className={s.llm} data-testid="llmdraft" aria-label={m('llmdraft.heading')}>
      <h4 className={s.llmTitle}>{m('llmdraft.heading')}</h4>
      <p className={s.muted}>{m('llmdraft.intro')}</p>
      {state.status === 'unset' && bar('info', m('llm.unset'))}
      {state.status === 'unaccepted' && bar('warning', m('llm.unaccepted'))}
      {state.status === 'invalid' && bar('error', m('llm.invalid', { detail: state.error.localized(lang) }))}
      {notice && <DataNoticeView notice={notice} m={m} compact proxy={llm.proxy} testId="llmdraft-notice" />}
      <Field label={m('llmdraft.material')} hint={m('llmdraft.material.hint')}>
        <Textarea
          value={material}
          onChange={(_, d) => setMaterial(d.value)}
          placeholder={m('llmdraft.material.placeholder')}
          resize="vertical"
          rows={3}
          data-testid="llmdraft-material"
        />
      </Field>
      <div className={s.row}>
        {TASKS.map((task) => (
          <Button
            key={task}
            size="small"
            icon={running === task ? <Spinner size="extra-tiny" /> : <Sparkle20Regular />}
            onClick={() => void run(task)}
            disabled={!llm.model || running !== undefined || writing || (task === 'polish' && !hasParagraphs)}
            data-testid={`llmdraft-${task}`}
          >
            {taskName(task)}
          </Button>
        ))}
        {running && (
          <Button size="small" appearance="subtle" icon={<Stop20Regular />} onClick={() => controller.current?.abort()} data-testid="llmdraft-stop">
            {m('llmdraft.stop')}
          </Button>
        )}
      </div>
      {running && <Spinner size="extra-tiny" labelPosition="after" label={m('llmdraft.running', { task: taskName(running) })} />}
      {outcome && 'stopped' in outcome && <p className={s.muted} data-testid="llmdraft-stopped">{m('llmdraft.stopped')}</p>}
      {outcome && 'error' in outcome && (
        <MessageBar intent="error" layout="multiline" data-testid="llmdraft-error">
          <MessageBarBody>{outcome.error}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && 'result' in outcome && <LlmDraftResultView m={m} s={s} result={outcome.result} writing={writing} onInsert={onInsert} />}
    </section>
  );
}

function LlmDraftResultView({
  m,
  s,
  result,
  writing,
  onInsert,
}: {
  m: Translate;
  s: ReturnType<typeof useStyles>;
  result: LlmDraftResult;
  writing: boolean;
  onInsert: (texts: string[], rules: InsertRules) => void;
}) {
  const { lines, general } = React.useMemo(() => resultLines(result), [result]);
  const rules = React.useMemo(() => insertRules(result), [result]);
  const blocking = result.problems.filter((p) => p.blocking);
  const marks = result.problems.filter((p) => !p.blocking);
  const color = result.status === 'verified' ? 'success' : result.status === 'rejected' ? 'danger' : 'warning';
  return (
    <div className={s.result} data-testid="llmdraft-result" data-status={result.status} data-task={result.task}>
      <div className={s.resultHead}>
        <Badge appearance="filled" color={color} data-testid="llmdraft-status">
          {m(`llmdraft.status.${result.status}`)}
        </Badge>
        {result.promptVersion && <span className={s.muted}>{m('llmdraft.meta', { attempts: result.attempts, version: result.promptVersion })}</span>}
      </div>
      <p className={s.muted}>
        {result.status === 'verified' ? m('llmdraft.verified') : result.status === 'rejected' ? m('llmdraft.rejected') : m('llmdraft.needs-material')}
      </p>
      {result.message && <p className={s.muted} data-testid="llmdraft-message">{result.message}</p>}
      {lines.length > 0 && (
        <div lang="zh-CN" data-testid="llmdraft-text">
          {lines.map(({ line, pieces }, i) =>
            line.kind === 'title' ? (
              <p key={i} className={s.lineTitle}>
                {line.text}
              </p>
            ) : (
              <p key={i} className={s.paragraph} data-llm-paragraph={i}>
                {pieces.map((p, j) =>
                  p.problem ? (
                    <mark
                      key={j}
                      className={p.problem.blocking ? s.problem : s.material}
                      data-problem={p.problem.kind}
                      data-blocking={String(p.problem.blocking)}
                      title={p.problem.reason}
                    >
                      {p.text}
                    </mark>
                  ) : (
                    <React.Fragment key={j}>{p.text}</React.Fragment>
                  ),
                )}
              </p>
            ),
          )}
        </div>
      )}
      {blocking.length > 0 && (
        <div data-testid="llmdraft-problems">
          <p className={s.warn}>
            <Warning16Regular aria-hidden />
            <span>{m('llmdraft.problems', { n: blocking.length })}</span>
          </p>
          <ul className={s.list}>
            {blocking.map((p, i) => (
              <li key={i}>
                {p.text && general.indexOf(p) < 0 ? <mark className={s.problem}>{p.text}</mark> : null} {p.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {marks.length > 0 && <p className={s.muted}>{m('llmdraft.material-marks', { n: marks.length })}</p>}
      {result.questions && result.questions.length > 0 && (
        <div data-testid="llmdraft-questions">
          {result.status !== 'needs-material' && <p className={s.muted}>{m('llmdraft.questions')}</p>}
          <ul className={s.list}>
            {result.questions.map((q, i) => (
              <li key={i}>{q}</li>
            ))}
          </ul>
        </div>
      )}
      {!rules.none && (
        <div className={s.row}>
          <Button
            size="small"
            appearance={rules.needsAcknowledgement ? 'secondary' : 'primary'}
            icon={<TextAddT20Regular />}
            onClick={() => onInsert(insertableParagraphs(result), rules)}
            disabled={writing}
            data-testid="llmdraft-insert"
          >
            {rules.needsAcknowledgement ? m('llmdraft.insert-anyway') : m('draft.insert')}
          </Button>
        </div>
      )}
    </div>
  );
}
