/** One finding: severity, cell, message, the figures, the suspected cell with its proposed value and reason, actions. */
import * as React from 'react';
import { Badge, Button, makeStyles, mergeClasses, tokens, Tooltip } from '@fluentui/react-components';
import {
  ArrowUndo16Regular,
  CheckmarkCircle16Filled,
  CommentCheckmark16Regular,
  ErrorCircle16Filled,
  Info16Filled,
  LightbulbFilament16Regular,
  Target16Regular,
  Warning16Filled,
} from '@fluentui/react-icons';
import { sheetRange } from '../../../src/cli/format/table-summary';
import type { CellRef } from '../../../src/model/address';
import type { Finding, Severity } from '../../../src/rules/types';
import { otherSheetCells } from '../model';
import type { Translate } from '../messages';

export function cellLabel(ref: CellRef): string {
  return sheetRange(ref.sheet, ref.cell);
}

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    paddingLeft: `calc(${tokens.spacingHorizontalM} + 3px)`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
    position: 'relative',
    cursor: 'pointer',
    outlineStyle: 'none',
    overflow: 'hidden',
    ':hover': { boxShadow: tokens.shadow4, backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': {
      outlineStyle: 'solid',
      outlineWidth: tokens.strokeWidthThick,
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: '1px',
    },
    '::before': {
      content: '""',
      position: 'absolute',
      left: 0,
      top: 0,
      bottom: 0,
      width: '3px',
    },
  },
  error: { '::before': { backgroundColor: tokens.colorPaletteRedBorderActive } },
  warning: { '::before': { backgroundColor: tokens.colorPaletteMarigoldBorderActive } },
  info: { '::before': { backgroundColor: tokens.colorNeutralStroke1 } },
  waived: { cursor: 'default', '::before': { backgroundColor: tokens.colorPaletteGreenBorderActive } },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minHeight: '24px' },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  grow: { flexGrow: 1 },
  message: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
    overflowWrap: 'anywhere',
    margin: 0,
  },
  figures: {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, minmax(0, 1fr))',
    gap: tokens.spacingHorizontalXS,
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusSmall,
  },
  figure: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  figureLabel: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3, margin: 0 },
  figureValue: {
    fontFamily: tokens.fontFamilyNumeric,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: 'tabular-nums',
    margin: 0,
    overflowWrap: 'anywhere',
  },
  negative: { color: tokens.colorPaletteRedForeground1 },
  allowance: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3 },
  suspect: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorPaletteMarigoldBackground1,
    border: `1px solid ${tokens.colorPaletteMarigoldBorder1}`,
    borderRadius: tokens.borderRadiusSmall,
  },
  suspectHead: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase200 },
  suspectTitle: { fontWeight: tokens.fontWeightSemibold, display: 'inline-flex', alignItems: 'center', gap: '4px' },
  proposed: { fontFamily: tokens.fontFamilyNumeric, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  reason: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  linkButton: {
    minWidth: 0,
    height: 'auto',
    padding: '0 2px',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForegroundLink,
  },
  others: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3, margin: 0 },
  actions: { display: 'flex', justifyContent: 'flex-end', gap: tokens.spacingHorizontalS },
  waiverReason: {
    fontSize: tokens.fontSizeBase200,
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorPaletteGreenBackground1,
    borderRadius: tokens.borderRadiusSmall,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  waiverMeta: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3 },
});

export function SeverityBadge({ severity, finding, m }: { severity: Severity; finding: Finding; m: Translate }) {
  if (severity === 'error') {
    return (
      <Badge appearance="tint" color="danger" shape="rounded" icon={<ErrorCircle16Filled />}>
        {m('badge.error')}
      </Badge>
    );
  }
  if (severity === 'warning') {
    return (
      <Badge appearance="tint" color="warning" shape="rounded" icon={<Warning16Filled />}>
        {m('badge.warning')}
      </Badge>
    );
  }
  const label = finding.verdict === 'rounding' ? m('verdict.rounding') : finding.status === 'cannot-evaluate' ? m('verdict.cannot') : m('badge.info');
  return (
    <Badge appearance="tint" color="informative" shape="rounded" icon={<Info16Filled />}>
      {label}
    </Badge>
  );
}

function isNegative(s: string | undefined): boolean {
  return s !== undefined && /^\s*[-−(（]/.test(s) && !/^\s*-?0(\.0*)?\s*$/.test(s);
}

export interface FindingCardProps {
  finding: Finding;
  m: Translate;
  /** the card is the list's current item (tab stop) */
  current: boolean;
  onActivate: (f: Finding) => void;
  onSelectCells: (refs: CellRef[]) => void;
  onAccept?: (f: Finding) => void;
  onRevoke?: (f: Finding) => void;
  onFocus?: () => void;
  formatDate?: (iso: string) => string;
}

export const FindingCard = React.forwardRef<HTMLDivElement, FindingCardProps>(function FindingCard(props, ref) {
  const { finding: f, m, current, onActivate, onSelectCells, onAccept, onRevoke, onFocus, formatDate } = props;
  const s = useStyles();
  const tab = current ? 0 : -1;
  const where = cellLabel(f.location);
  const hasFigures = f.expected !== undefined || f.actual !== undefined || f.difference !== undefined;
  const others = otherSheetCells(f);
  const stop = (e: React.SyntheticEvent) => e.stopPropagation();
  const waived = f.waived;
  return (
    <div
      ref={ref}
      role="listitem"
      tabIndex={tab}
      aria-label={`${where} ${f.message}`}
      data-finding={f.id}
      data-severity={f.severity}
      className={mergeClasses(s.card, waived ? s.waived : s[f.severity])}
      onClick={() => onActivate(f)}
      onFocus={onFocus}
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget) return;
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onActivate(f);
        }
      }}
    >
      <div className={s.head}>
        <SeverityBadge severity={f.severity} finding={f} m={m} />
        {waived && (
          <Badge appearance="tint" color="success" shape="rounded" icon={<CheckmarkCircle16Filled />}>
            {m('badge.waived')}
          </Badge>
        )}
        <span className={s.cell}>{where}</span>
        <span className={s.grow} />
        <Tooltip content={m('finding.goto-label', { cell: where })} relationship="label">
          <Button
            size="small"
            appearance="subtle"
            icon={<Target16Regular />}
            tabIndex={tab}
            onClick={(e) => {
              stop(e);
              onActivate(f);
            }}
          />
        </Tooltip>
      </div>
      <p className={s.message}>{f.message}</p>
      {hasFigures && (
        <dl className={s.figures}>
          {(
            [
              ['finding.expected', f.expected],
              ['finding.actual', f.actual],
              ['finding.difference', f.difference],
            ] as const
          ).map(([k, v]) => (
            <div className={s.figure} key={k}>
              <dt className={s.figureLabel}>{m(k)}</dt>
              <dd className={mergeClasses(s.figureValue, k === 'finding.difference' && isNegative(v) ? s.negative : undefined)} data-figure={k.slice(8)}>
                {v ?? '—'}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {f.allowance && f.verdict === 'rounding' && <span className={s.allowance}>{m('finding.allowance', { allowance: f.allowance })}</span>}
      {f.suspect && (
        <div className={s.suspect} data-suspect={`${f.suspect.sheet}!${f.suspect.cell}`}>
          <div className={s.suspectHead}>
            <span className={s.suspectTitle}>
              <LightbulbFilament16Regular />
              {m('finding.suspect')}
            </span>
            <Tooltip content={m('finding.goto-suspect', { cell: cellLabel(f.suspect) })} relationship="description">
              <Button
                appearance="transparent"
                className={s.linkButton}
                tabIndex={tab}
                onClick={(e) => {
                  stop(e);
                  onSelectCells([{ sheet: f.suspect!.sheet, cell: f.suspect!.cell }]);
                }}
              >
                {cellLabel(f.suspect)}
              </Button>
            </Tooltip>
            {f.suspect.proposed !== undefined && (
              <span>
                {m('finding.proposed')} <span className={s.proposed} data-proposed>{f.suspect.proposed}</span>
              </span>
            )}
          </div>
          <p className={s.reason}>{f.suspect.reason}</p>
        </div>
      )}
      {others.length > 0 && (
        <p className={s.others}>{m('finding.other-cells', { cells: others.slice(0, 6).map(cellLabel).join('、') + (others.length > 6 ? '…' : '') })}</p>
      )}
      {waived && (
        <>
          <p className={s.waiverReason} data-waiver-reason>
            {waived.reason}
          </p>
          <span className={s.waiverMeta}>
            {waived.author
              ? m('waived.by', { author: waived.author, date: formatDate ? formatDate(waived.at) : waived.at })
              : m('waived.at', { date: formatDate ? formatDate(waived.at) : waived.at })}
          </span>
        </>
      )}
      {(onAccept || onRevoke) && (
        <div className={s.actions}>
          {onAccept && (
            <Button
              size="small"
              appearance="secondary"
              icon={<CommentCheckmark16Regular />}
              tabIndex={tab}
              aria-label={m('finding.accept-label', { cell: where })}
              onClick={(e) => {
                stop(e);
                onAccept(f);
              }}
            >
              {m('finding.accept')}
            </Button>
          )}
          {onRevoke && (
            <Button
              size="small"
              appearance="subtle"
              icon={<ArrowUndo16Regular />}
              tabIndex={tab}
              onClick={(e) => {
                stop(e);
                onRevoke(f);
              }}
            >
              {m('waived.revoke')}
            </Button>
          )}
        </div>
      )}
    </div>
  );
});
