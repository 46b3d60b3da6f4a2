/**
 * The data notice (src/llm/notice.ts): what leaves the machine, for which task, to which endpoint. In full in the
 * settings (before anything can be sent), compact above the chat and the drafting buttons (the endpoint always
 * visible, the list on request).
 */
import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ShieldKeyhole20Regular } from '@fluentui/react-icons';
import type { DataNotice } from '../../../src/llm/notice';
import type { Translate } from '../messages';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorPaletteMarigoldBorder1}`,
    backgroundColor: tokens.colorPaletteMarigoldBackground1,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground1,
  },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  icon: { flexShrink: 0, color: tokens.colorPaletteMarigoldForeground1 },
  title: { margin: 0, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, flexGrow: 1 },
  text: { margin: 0, overflowWrap: 'anywhere' },
  endpoint: { margin: 0, overflowWrap: 'anywhere' },
  details: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

export interface DataNoticeViewProps {
  notice: DataNotice;
  m: Translate;
  /** compact: title and endpoint, the rest behind a toggle */
  compact?: boolean;
  /** the requests go through the development server's proxy */
  proxy?: boolean;
  testId?: string;
}

export function DataNoticeView({ notice, m, compact = false, proxy = false, testId = 'llm-notice' }: DataNoticeViewProps) {
  const s = useStyles();
  const [open, setOpen] = React.useState(!compact);
  const detailsId = React.useId();
  return (
    <section className={s.box} data-testid={testId} data-endpoint={notice.endpoint} data-location={notice.location} aria-label={notice.title}>
      <div className={s.head}>
        <ShieldKeyhole20Regular className={s.icon} aria-hidden />
        <h3 className={s.title}>{notice.title}</h3>
        {compact && (
          <Button size="small" appearance="transparent" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen(!open)} data-testid={`${testId}-toggle`}>
            {open ? m('llm.notice.hide') : m('llm.notice.details')}
          </Button>
        )}
      </div>
      {compact && !open ? (
        <p className={s.endpoint}>{m('llm.notice.to', { endpoint: notice.endpoint, model: notice.model })}</p>
      ) : (
        <div id={detailsId} className={s.details}>
          <p className={s.text}>{notice.intro}</p>
          <ul className={s.list}>
            {notice.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
          {notice.remarks.map((r) => (
            <p key={r} className={s.text}>
              {r}
            </p>
          ))}
          {proxy && <p className={s.text}>{m('llm.notice.proxy')}</p>}
        </div>
      )}
    </section>
  );
}
