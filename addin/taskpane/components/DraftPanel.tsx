/**
 * Drafts of the standard 情况说明 sections: pick a section, read its paragraphs with the placeholders (【待补充：…】)
 * highlighted, copy them, or insert them into consecutive cells from a target the user gives (sheet!A1). Nothing is
 * written before the user confirms the insert.
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
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  tokens,
} from '@fluentui/react-components';
import { Copy20Regular, TextAddT20Regular } from '@fluentui/react-icons';
import type { Lang } from '../../../src/i18n';
import { kindName } from '../../../src/i18n/kinds';
import type { CellRef } from '../../../src/model/address';
import type { Workbook } from '../../../src/model/workbook';
import type { DraftSection } from '../../../src/narrative/draft';
import { a1 } from '../../../src/model/address';
import { draftPieces, occupiedCells, parseTarget, targetCells } from '../narrative';
import type { Translate } from '../messages';
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
});

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
  errorText: (e: unknown) => string;
}

type Notice = { intent: 'success' | 'error' | 'info'; text: string } | undefined;

export function DraftPanel({ m, lang, sections, workbook, initialTarget, defaultSheet, onWrite, errorText }: DraftPanelProps) {
  const s = useStyles();
  const [sectionId, setSectionId] = React.useState<string | undefined>(sections.find((x) => x.paragraphs.length > 0)?.id ?? sections[0]?.id);
  const [target, setTarget] = React.useState(initialTarget ? cellLabel(initialTarget) : '');
  const [targetError, setTargetError] = React.useState<string | undefined>(undefined);
  const [confirming, setConfirming] = React.useState<{ cells: CellRef[]; overwrite: CellRef[] } | undefined>(undefined);
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

  const askInsert = () => {
    setNotice(undefined);
    const parsed = parseTarget(target, workbook, defaultSheet);
    if (!parsed.ok) {
      setTargetError(parsed.reason === 'format' ? m('draft.target.format') : m('draft.target.sheet'));
      return;
    }
    setTargetError(undefined);
    const cells = targetCells(parsed, paragraphs.length);
    const overwrite = [...occupiedCells(workbook, cells), ...cells.filter((c) => written.current.has(cellLabel(c)))];
    const seen = new Set<string>();
    setConfirming({ cells, overwrite: overwrite.filter((c) => !seen.has(cellLabel(c)) && !!seen.add(cellLabel(c))) });
  };

  const rangeOf = (cells: CellRef[]) =>
    cells.length === 1 ? cellLabel(cells[0]) : cellLabel({ sheet: cells[0].sheet, cell: `${cells[0].cell}:${cells[cells.length - 1].cell}` });

  const insert = async () => {
    if (!confirming) return;
    const { cells } = confirming;
    setWriting(true);
    try {
      for (let i = 0; i < cells.length; i++) {
        await onWrite(cells[i], paragraphs[i].text);
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
          onClick={askInsert}
          disabled={paragraphs.length === 0 || writing}
          data-testid="draft-insert"
        >
          {m('draft.insert')}
        </Button>
      </div>
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
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void insert()} disabled={writing} data-testid="draft-confirm">
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
