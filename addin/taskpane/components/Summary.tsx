/** The result at a glance: verdict line, four counts (errors, warnings, within rounding, cannot check), meta line. */
import * as React from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Filled, ErrorCircle20Filled, Warning20Filled } from '@fluentui/react-icons';
import type { Counts } from '../model';
import type { Translate } from '../messages';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  verdict: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase400,
    margin: 0,
  },
  verdictError: { color: tokens.colorPaletteRedForeground1 },
  verdictWarning: { color: tokens.colorPaletteMarigoldForeground1 },
  verdictClean: { color: tokens.colorPaletteGreenForeground1 },
  verdictText: { color: tokens.colorNeutralForeground1 },
  tiles: { display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', gap: tokens.spacingHorizontalS, margin: 0 },
  tile: {
    display: 'flex',
    flexDirection: 'column-reverse',
    justifyContent: 'flex-end',
    alignItems: 'flex-start',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    borderTop: `3px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  tileError: { borderTopColor: tokens.colorPaletteRedBorderActive },
  tileWarning: { borderTopColor: tokens.colorPaletteMarigoldBorderActive },
  tileRounding: { borderTopColor: tokens.colorPaletteBlueBorderActive },
  tileCannot: { borderTopColor: tokens.colorNeutralStrokeAccessible },
  label: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase100,
    color: tokens.colorNeutralForeground2,
    margin: 0,
    maxWidth: '100%',
    overflowWrap: 'anywhere',
  },
  value: {
    fontFamily: tokens.fontFamilyNumeric,
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: 'tabular-nums',
    margin: 0,
  },
  zero: { color: tokens.colorNeutralForeground4 },
  valueError: { color: tokens.colorPaletteRedForeground1 },
  valueWarning: { color: tokens.colorPaletteMarigoldForeground1 },
  meta: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, margin: 0 },
});

export interface SummaryProps {
  counts: Counts;
  tables: number;
  checkedAt: string;
  m: Translate;
}

export function Summary({ counts, tables, checkedAt, m }: SummaryProps) {
  const s = useStyles();
  let verdict: React.ReactNode;
  if (tables === 0) {
    verdict = (
      <p className={mergeClasses(s.verdict, s.verdictText)} data-verdict="no-tables">
        <Warning20Filled className={s.verdictWarning} />
        {m('verdict.no-tables')}
      </p>
    );
  } else if (counts.errors > 0) {
    verdict = (
      <p className={mergeClasses(s.verdict, s.verdictText)} data-verdict="errors">
        <ErrorCircle20Filled className={s.verdictError} />
        {m('verdict.errors', { errors: counts.errors, warnings: counts.warnings })}
      </p>
    );
  } else if (counts.warnings > 0) {
    verdict = (
      <p className={mergeClasses(s.verdict, s.verdictText)} data-verdict="warnings">
        <Warning20Filled className={s.verdictWarning} />
        {m('verdict.warnings', { warnings: counts.warnings })}
      </p>
    );
  } else {
    verdict = (
      <p className={mergeClasses(s.verdict, s.verdictText)} data-verdict="clean">
        <CheckmarkCircle20Filled className={s.verdictClean} />
        {m('verdict.clean')}
      </p>
    );
  }
  const tiles = [
    { key: 'errors', label: m('summary.errors'), n: counts.errors, tile: s.tileError, value: s.valueError },
    { key: 'warnings', label: m('summary.warnings'), n: counts.warnings, tile: s.tileWarning, value: s.valueWarning },
    { key: 'rounding', label: m('summary.rounding'), n: counts.rounding, tile: s.tileRounding, value: undefined },
    { key: 'cannot', label: m('summary.cannot'), n: counts.cannot, tile: s.tileCannot, value: undefined },
  ];
  const meta = [m('summary.tables', { n: tables }), m('summary.passed', { n: counts.passed })];
  if (counts.waived > 0) meta.push(m('summary.waived', { n: counts.waived }));
  meta.push(checkedAt);
  return (
    <section className={s.root} aria-label={m('summary.label')} data-testid="summary">
      {verdict}
      <dl className={s.tiles}>
        {tiles.map((t) => (
          <div key={t.key} className={mergeClasses(s.tile, t.tile)} data-count={t.key}>
            <dt className={s.label}>
              {t.label}
            </dt>
            <dd className={mergeClasses(s.value, t.n === 0 ? s.zero : t.value)}>{t.n}</dd>
          </div>
        ))}
      </dl>
      <p className={s.meta}>{meta.join(' · ')}</p>
    </section>
  );
}
