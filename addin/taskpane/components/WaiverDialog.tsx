/** 出错说明 / Accept with reason: a dialog asking for the reason a finding is acceptable. */
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
  makeStyles,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import type { Finding } from '../../../src/rules/types';
import type { Translate } from '../messages';
import { cellLabel } from './FindingCard';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  quote: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalS },
  intro: { margin: 0, fontSize: tokens.fontSizeBase200 },
});

export interface WaiverDialogProps {
  finding: Finding | undefined;
  m: Translate;
  onCancel: () => void;
  onSave: (finding: Finding, reason: string) => Promise<void>;
}

export function WaiverDialog({ finding, m, onCancel, onSave }: WaiverDialogProps) {
  const s = useStyles();
  const [reason, setReason] = React.useState('');
  const [invalid, setInvalid] = React.useState(false);
  const [saving, setSaving] = React.useState(false);
  React.useEffect(() => {
    setReason('');
    setInvalid(false);
    setSaving(false);
  }, [finding?.id]);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!finding) return;
    if (!reason.trim()) {
      setInvalid(true);
      return;
    }
    setSaving(true);
    try {
      await onSave(finding, reason.trim());
    } finally {
      setSaving(false);
    }
  };
  return (
    <Dialog open={finding !== undefined} onOpenChange={(_, d) => !d.open && onCancel()} modalType="modal">
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{m('waiver.title')}</DialogTitle>
            <DialogContent className={s.content}>
              {finding && (
                <blockquote className={s.quote}>
                  <span className={s.cell}>{cellLabel(finding.location)}</span>
                  {finding.message}
                </blockquote>
              )}
              <p className={s.intro}>{m('waiver.intro')}</p>
              <Field label={m('waiver.reason')} required validationState={invalid ? 'error' : 'none'} validationMessage={invalid ? m('waiver.required') : undefined}>
                <Textarea
                  value={reason}
                  resize="vertical"
                  rows={4}
                  placeholder={m('waiver.placeholder')}
                  onChange={(_, d) => {
                    setReason(d.value);
                    if (d.value.trim()) setInvalid(false);
                  }}
                />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onCancel} disabled={saving}>
                {m('waiver.cancel')}
              </Button>
              <Button appearance="primary" type="submit" disabled={saving}>
                {m('waiver.save')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
