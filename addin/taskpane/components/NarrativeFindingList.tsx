/**
 * Narrative findings: severity, where the paragraph is, the claim highlighted inside its paragraph, the message.
 * Errors and warnings are listed; infos are counted and listed on request. A click (or Enter) on a finding located
 * in a workbook cell selects that cell.
 */
import * as React from 'react';
import { Badge, Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { CellRef } from '../../../src/model/address';
import type { NarrativeFinding } from '../../../src/narrative/check';
import type { Severity } from '../../../src/rules/types';
import { excerpt, orderFindings } from '../narrative';
import type { Translate } from '../messages';

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    outlineStyle: 'none',
    ':focus-visible': { outlineStyle: 'solid', outlineWidth: tokens.strokeWidthThick, outlineColor: tokens.colorStrokeFocus2 },
  },
  clickable: { cursor: 'pointer', ':hover': { boxShadow: tokens.shadow4, backgroundColor: tokens.colorNeutralBackground1Hover } },
  error: { borderLeftColor: tokens.colorPaletteRedBorderActive },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorderActive },
  info: {},
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  where: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase300, color: tokens.colorNeutralForeground1, overflowWrap: 'anywhere' },
  claim: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `2px solid ${tokens.colorPaletteMarigoldBorderActive}`,
    padding: '0 1px',
  },
  claimError: { backgroundColor: tokens.colorPaletteRedBackground2, borderBottomColor: tokens.colorPaletteRedBorderActive },
  message: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  muted: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface NarrativeFindingListProps {
  m: Translate;
  findings: NarrativeFinding[];
  /** the label of a finding's location ("情况说明!A24", "粘贴文本 ¶3") */
  where: (f: NarrativeFinding) => string;
  /** the cell a click selects; none for pasted text */
  cellOf?: (f: NarrativeFinding) => CellRef | undefined;
  onSelectCells: (refs: CellRef[]) => void;
  label: string;
  testId: string;
}

const BADGE: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

export function NarrativeFindingList({ m, findings, where, cellOf, onSelectCells, label, testId }: NarrativeFindingListProps) {
  const s = useStyles();
  const [showInfos, setShowInfos] = React.useState(false);
  const ordered = React.useMemo(() => orderFindings(findings), [findings]);
  const infos = ordered.filter((f) => f.severity === 'info').length;
  const shown = showInfos ? ordered : ordered.filter((f) => f.severity !== 'info');
  return (
    <div data-testid={testId}>
      <div className={s.row}>
        <p className={s.muted} data-narrative-counts>
          {m('narrative.counts', {
            errors: findings.filter((f) => f.severity === 'error').length,
            warnings: findings.filter((f) => f.severity === 'warning').length,
            infos,
          })}
        </p>
        {infos > 0 && (
          <Button size="small" appearance="transparent" onClick={() => setShowInfos((v) => !v)} data-show-infos>
            {showInfos ? m('narrative.infos.hide') : m('narrative.infos.show', { n: infos })}
          </Button>
        )}
      </div>
      {shown.length === 0 ? (
        <p className={s.muted}>{m('narrative.clean')}</p>
      ) : (
        <ul className={s.list} aria-label={label}>
          {shown.map((f, i) => {
            const ref = cellOf?.(f);
            const ex = excerpt(f.paragraph, f.span);
            const at = where(f);
            const go = ref ? () => onSelectCells([ref]) : undefined;
            return (
              <li
                key={`${at}:${f.span.start}:${f.rule}:${i}`}
                className={mergeClasses(s.card, s[f.severity], go && s.clickable)}
                data-narrative-finding={f.rule}
                data-severity={f.severity}
                data-where={at}
                tabIndex={0}
                aria-label={go ? m('narrative.goto-label', { cell: at }) : undefined}
                onClick={go}
                onKeyDown={(e) => {
                  if (go && e.key === 'Enter') {
                    e.preventDefault();
                    go();
                  }
                }}
              >
                <div className={s.head}>
                  <Badge appearance="tint" color={BADGE[f.severity]} size="small">
                    {m(`badge.${f.severity}`)}
                  </Badge>
                  <span className={s.where}>{at}</span>
                </div>
                <p className={s.text} data-paragraph>
                  {ex.cutBefore && '…'}
                  {ex.before}
                  <mark className={mergeClasses(s.claim, f.severity === 'error' && s.claimError)} data-claim title={m('narrative.claim')}>
                    {ex.claim}
                  </mark>
                  {ex.after}
                  {ex.cutAfter && '…'}
                </p>
                <p className={s.message} data-message>
                  {f.message}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
