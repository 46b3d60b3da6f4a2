/**
 * The findings grouped by table, one roving tab stop for the whole list: ↑/↓ (and Home/End) move between findings,
 * Enter or Space goes to the finding's cells, Tab reaches the current finding's own buttons and then leaves the list.
 */
import * as React from 'react';
import { CounterBadge, makeStyles, tokens } from '@fluentui/react-components';
import { TableSimple20Regular } from '@fluentui/react-icons';
import type { Lang } from '../../../src/i18n';
import { kindName } from '../../../src/i18n/kinds';
import type { CellRef } from '../../../src/model/address';
import type { Finding } from '../../../src/rules/types';
import type { FindingGroup } from '../model';
import type { Translate } from '../messages';
import { FindingCard } from './FindingCard';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0 },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    minWidth: 0,
  },
  headingIcon: { color: tokens.colorNeutralForeground3, flexShrink: 0 },
  headingText: { display: 'flex', flexDirection: 'column', minWidth: 0, flexGrow: 1 },
  headingName: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  headingWhere: { fontSize: tokens.fontSizeBase100, fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace },
  cards: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export interface FindingListProps {
  groups: FindingGroup[];
  lang: Lang;
  m: Translate;
  label: string;
  describedBy?: string;
  onActivate: (f: Finding) => void;
  onSelectCells: (refs: CellRef[]) => void;
  onAccept?: (f: Finding) => void;
  onRevoke?: (f: Finding) => void;
  formatDate?: (iso: string) => string;
  /** show group headings (table names); off for a flat list */
  headings?: boolean;
  testId?: string;
}

export function FindingList(props: FindingListProps) {
  const { groups, lang, m, label, describedBy, onActivate, onSelectCells, onAccept, onRevoke, formatDate, headings = true, testId } = props;
  const s = useStyles();
  const flat = React.useMemo(() => groups.flatMap((g) => g.findings), [groups]);
  const [currentId, setCurrentId] = React.useState<string | undefined>(undefined);
  const refs = React.useRef(new Map<string, HTMLDivElement>());
  const baseId = React.useId();
  const current = flat.some((f) => f.id === currentId) ? currentId : flat[0]?.id;

  const move = (e: React.KeyboardEvent) => {
    if (flat.length === 0) return;
    const i = Math.max(0, flat.findIndex((f) => f.id === current));
    let next: number | undefined;
    if (e.key === 'ArrowDown') next = Math.min(flat.length - 1, i + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, i - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = flat.length - 1;
    if (next === undefined) return;
    e.preventDefault();
    const id = flat[next].id;
    setCurrentId(id);
    refs.current.get(id)?.focus();
  };

  return (
    <section aria-label={label} aria-describedby={describedBy} className={s.list} onKeyDown={move} data-testid={testId}>
      {groups.map((g, gi) => (
        <div key={g.id || '__other'} className={s.group} data-group={g.id}>
          {headings && (
            <h3 className={s.heading} title={g.table?.title} id={`${baseId}-h${gi}`}>
              <TableSimple20Regular className={s.headingIcon} />
              <span className={s.headingText}>
                <span className={s.headingName}>{g.table ? kindName(g.table.kind, lang) : m('group.other')}</span>
                {g.table && <span className={s.headingWhere}>{`${g.table.sheet}!${g.table.range}`}</span>}
              </span>
              <CounterBadge count={g.findings.length} appearance="ghost" color="informative" aria-label={m('group.count', { n: g.findings.length })} />
            </h3>
          )}
          <div className={s.cards} role="list" aria-labelledby={headings ? `${baseId}-h${gi}` : undefined} aria-label={headings ? undefined : label}>
            {g.findings.map((f) => (
              <FindingCard
                key={f.id}
                ref={(el) => {
                  if (el) refs.current.set(f.id, el);
                  else refs.current.delete(f.id);
                }}
                finding={f}
                m={m}
                current={f.id === current}
                onFocus={() => setCurrentId(f.id)}
                onActivate={onActivate}
                onSelectCells={onSelectCells}
                onAccept={onAccept}
                onRevoke={onRevoke}
                formatDate={formatDate}
              />
            ))}
          </div>
        </div>
      ))}
    </section>
  );
}
