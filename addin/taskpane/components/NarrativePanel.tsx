/**
 * The narrative (情况说明) tab. Checking the narrative against the tables and drafting come in a later issue; for now
 * the tab says so and lists the narrative sheets the recognition found (real data, no placeholder content).
 */
import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentText20Regular } from '@fluentui/react-icons';
import type { CellRef } from '../../../src/model/address';
import type { Translate } from '../messages';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: `${tokens.spacingVerticalM} 0` },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  body: { margin: 0, fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground2, lineHeight: tokens.lineHeightBase300 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  muted: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

export interface NarrativePanelProps {
  m: Translate;
  /** the narrative sheets of the last check; undefined before any check */
  sheets: string[] | undefined;
  onSelectCells: (refs: CellRef[]) => void;
}

export function NarrativePanel({ m, sheets, onSelectCells }: NarrativePanelProps) {
  const s = useStyles();
  return (
    <section className={s.root} data-testid="narrative">
      <h2 className={s.title}>{m('narrative.title')}</h2>
      <p className={s.body}>{m('narrative.body')}</p>
      <h3 className={s.heading}>{m('narrative.sheets')}</h3>
      {sheets === undefined && <p className={s.muted}>{m('narrative.no-sheets')}</p>}
      {sheets !== undefined && sheets.length === 0 && <p className={s.muted}>{m('narrative.none')}</p>}
      {sheets !== undefined && sheets.length > 0 && (
        <ul className={s.list}>
          {sheets.map((name) => (
            <li key={name}>
              <Button appearance="subtle" icon={<DocumentText20Regular />} onClick={() => onSelectCells([{ sheet: name, cell: 'A1' }])}>
                {name}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
