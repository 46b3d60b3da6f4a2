/**
 * The narrative (情况说明) tab: the narrative findings of the last check (claims highlighted in their paragraphs, a
 * click selects the paragraph's cell), a box to check pasted text against the workbook's facts, and drafts of the
 * standard sections with Copy and Insert into cell (written only on the user's confirmed click), and — with a language
 * model set up — polished or completed by the model (DraftPanel).
 */
import * as React from 'react';
import { Button, Field, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import type { Lang } from '../../../src/i18n';
import type { CellRef } from '../../../src/model/address';
import type { Recognition } from '../../../src/model/table';
import type { Workbook } from '../../../src/model/workbook';
import { checkNarrative, type NarrativeFinding, type NarrativeResult } from '../../../src/narrative/check';
import { defaultTarget, narrativeSheet, narrativeView, pastedParagraphs } from '../narrative';
import type { Translate } from '../messages';
import { draftBase } from '../llm/draft-view';
import { DraftPanel, type DraftLlm } from './DraftPanel';
import { cellLabel } from './FindingCard';
import { NarrativeFindingList } from './NarrativeFindingList';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  body: { margin: 0, fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground2, lineHeight: tokens.lineHeightBase300 },
  heading: {
    margin: 0,
    marginTop: tokens.spacingVerticalS,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  muted: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export interface NarrativeCheck {
  workbook: Workbook;
  recognition: Recognition;
}

export interface NarrativePanelProps {
  m: Translate;
  lang: Lang;
  /** the workbook and recognition of the last check; undefined before any check */
  check: NarrativeCheck | undefined;
  onSelectCells: (refs: CellRef[]) => void;
  /** write one cell (host.writeText) */
  onWrite: (ref: CellRef, text: string) => Promise<void>;
  /** read the workbook as it is now (checked just before a draft is written) */
  readWorkbook?: () => Promise<Workbook>;
  errorText: (e: unknown) => string;
  /** the language model drafting (absent: only the deterministic drafts) */
  llm?: DraftLlm;
}

function cellOf(f: NarrativeFinding): CellRef {
  return f.location;
}

export function NarrativePanel({ m, lang, check, onSelectCells, onWrite, readWorkbook, errorText, llm }: NarrativePanelProps) {
  const s = useStyles();
  const view = React.useMemo(() => (check ? narrativeView(check.workbook, check.recognition, lang) : undefined), [check, lang]);
  const [pasted, setPasted] = React.useState('');
  const [pastedResult, setPastedResult] = React.useState<{ result: NarrativeResult; paragraphs: number } | undefined>(undefined);
  const [pasteError, setPasteError] = React.useState<string | undefined>(undefined);
  const sheet = check ? narrativeSheet(check.workbook, check.recognition) : undefined;
  const base = React.useMemo(() => (check && view ? draftBase(check.workbook, check.recognition, view.facts) : undefined), [check, view]);
  const target = React.useMemo(
    () => (check && view ? defaultTarget(check.workbook, check.recognition, view.paragraphs) : undefined),
    [check, view],
  );

  // pasted findings follow the language (and a new check's facts)
  const runPasted = React.useCallback(
    (text: string) => {
      if (!view) return;
      const paragraphs = pastedParagraphs(text, m('paste.source'));
      if (paragraphs.length === 0) {
        setPasteError(m('paste.empty'));
        setPastedResult(undefined);
        return;
      }
      setPasteError(undefined);
      setPastedResult({ result: checkNarrative(paragraphs, view.facts, { lang, reportYear: view.reportYear }), paragraphs: paragraphs.length });
    },
    [view, lang, m],
  );
  const checkedText = React.useRef<string | undefined>(undefined);
  React.useEffect(() => {
    if (checkedText.current !== undefined) runPasted(checkedText.current);
  }, [runPasted]);

  if (!check || !view) {
    return (
      <section className={s.root} data-testid="narrative">
        <h2 className={s.title}>{m('narrative.title')}</h2>
        <p className={s.body}>{m('narrative.body')}</p>
        <p className={s.muted} data-testid="narrative-no-check">
          {m('narrative.no-check')}
        </p>
      </section>
    );
  }

  return (
    <section className={s.root} data-testid="narrative">
      <h2 className={s.title}>{m('narrative.title')}</h2>
      {view.paragraphs.length > 0 ? (
        <div className={s.section}>
          <p className={s.muted} data-testid="narrative-summary">
            {m('narrative.summary', { paragraphs: view.paragraphs.length, claims: view.claims, passed: view.passed })}
          </p>
          <NarrativeFindingList
            m={m}
            findings={view.findings}
            where={(f) => cellLabel(f.location)}
            cellOf={cellOf}
            onSelectCells={onSelectCells}
            label={m('narrative.list')}
            testId="narrative-findings"
          />
        </div>
      ) : (
        <p className={s.muted}>{m('narrative.no-sheet')}</p>
      )}

      <h3 className={s.heading}>{m('paste.heading')}</h3>
      <div className={s.section}>
        <Field label={m('paste.label')} validationState={pasteError ? 'error' : 'none'} validationMessage={pasteError}>
          <Textarea
            value={pasted}
            onChange={(_, d) => setPasted(d.value)}
            placeholder={m('paste.placeholder')}
            resize="vertical"
            rows={4}
            data-testid="paste-text"
          />
        </Field>
        <div className={s.actions}>
          <Button
            size="small"
            onClick={() => {
              checkedText.current = pasted;
              runPasted(pasted);
            }}
            data-testid="paste-check"
          >
            {m('paste.check')}
          </Button>
        </div>
        {pastedResult && (
          <>
            <p className={s.muted} data-testid="paste-summary">
              {m('narrative.summary', { paragraphs: pastedResult.paragraphs, claims: pastedResult.result.claims, passed: pastedResult.result.passed })}
            </p>
            <NarrativeFindingList
              m={m}
              findings={pastedResult.result.findings}
              where={(f) => `${f.location.sheet} ${f.location.cell}`}
              onSelectCells={onSelectCells}
              label={m('paste.list')}
              testId="paste-findings"
            />
          </>
        )}
      </div>

      <h3 className={s.heading}>{m('draft.heading')}</h3>
      <DraftPanel
        key={`${view.sections.map((x) => x.id).join(',')}|${target ? cellLabel(target) : ''}`}
        m={m}
        lang={lang}
        sections={view.sections}
        workbook={check.workbook}
        initialTarget={target}
        defaultSheet={sheet}
        onWrite={onWrite}
        readWorkbook={readWorkbook}
        errorText={errorText}
        llm={llm}
        base={base}
      />
    </section>
  );
}
