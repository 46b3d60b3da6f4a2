/**
 * The language model settings: endpoint, model, API key (a password field), structured-output mode, timeout, the dev
 * server's proxy; the data notice of what would be sent, computed from the form as it is typed; the user's explicit
 * consent to that notice; test connection, save, forget.
 *
 * Nothing is sent before an endpoint is set and the box under the notice is ticked (Test and Save need it). The
 * values go to the add-in's own storage (../../host/storage.ts), never into the workbook; the key is never shown in
 * a message (the client redacts it) and never logged.
 */
import * as React from 'react';
import {
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
  MessageBarBody,
  Option,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { Delete20Regular, PlugConnected20Regular } from '@fluentui/react-icons';
import { CrossfootError } from '../../../src/errors';
import type { Lang } from '../../../src/i18n';
import { dataNotice } from '../../../src/llm/notice';
import type { LlmConfig } from '../../../src/llm/types';
import type { AddinStorage } from '../../host/storage';
import {
  acceptanceOf,
  browserChatModel,
  EMPTY_SETTINGS,
  forgetLlmSettings,
  llmConfigOf,
  saveLlmSettings,
  STRUCTURED_MODES,
  testConnection,
  type LlmSettings,
  type StructuredMode,
} from '../llm/settings';
import type { Translate } from '../messages';
import { DataNoticeView } from './DataNotice';

const useStyles = makeStyles({
  surface: { maxWidth: '560px' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  intro: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, lineHeight: tokens.lineHeightBase200 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  structured: { flexGrow: 1, minWidth: '180px' },
  timeout: { width: '120px' },
  fill: { width: '100%', minWidth: 0 },
  muted: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  pending: {
    margin: 0,
    padding: tokens.spacingVerticalS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

export interface LlmSettingsDialogProps {
  open: boolean;
  m: Translate;
  lang: Lang;
  storage: AddinStorage;
  /** the stored settings */
  settings: LlmSettings | undefined;
  /** the stored settings could not be read */
  damaged: boolean;
  /** window.location.origin: the proxy's base */
  pageOrigin?: string;
  /** after a save (the new settings) or a forget (undefined) */
  onChange: (settings: LlmSettings | undefined, status: string) => void;
  onClose: () => void;
  errorText: (e: unknown) => string;
}

type Check = { config: LlmConfig; error?: undefined } | { config?: undefined; error: CrossfootError | undefined };

function checkForm(form: LlmSettings): Check {
  try {
    return { config: llmConfigOf(form) };
  } catch (e) {
    if (e instanceof CrossfootError) return { error: e };
    throw e;
  }
}

type Result = { intent: 'success' | 'error' | 'warning'; text: string } | undefined;

export function LlmSettingsDialog({ open, m, lang, storage, settings, damaged, pageOrigin, onChange, onClose, errorText }: LlmSettingsDialogProps) {
  const s = useStyles();
  const [form, setForm] = React.useState<LlmSettings>(settings ?? EMPTY_SETTINGS);
  const [touched, setTouched] = React.useState(false);
  const [result, setResult] = React.useState<Result>(undefined);
  const [testing, setTesting] = React.useState(false);
  const [saving, setSaving] = React.useState(false);
  const test = React.useRef<AbortController | undefined>(undefined);

  // each opening starts from what is stored
  React.useEffect(() => {
    if (!open) return;
    setForm(settings ?? EMPTY_SETTINGS);
    setTouched(false);
    setResult(damaged && !settings ? { intent: 'warning', text: m('llm.settings.damaged') } : undefined);
    return () => {
      test.current?.abort();
      test.current = undefined;
    };
    // only on opening: the form is not reset while the user types
  }, [open]);

  const check = React.useMemo(() => checkForm(form), [form]);
  const config = check.config;
  const notice = React.useMemo(() => (config ? dataNotice(config, lang, { host: 'addin' }) : undefined), [config, lang]);
  const accepted = config !== undefined && form.accepted === acceptanceOf(config);
  // said once the user leaves a field or tries to test or save, not at every keystroke
  const showError = check.error && touched ? check.error.localized(lang) : undefined;

  const update = (patch: Partial<LlmSettings>) => {
    setForm((f) => ({ ...f, ...patch }));
    setResult(undefined);
  };

  const needConsent = (): boolean => {
    setTouched(true);
    if (!config) return false;
    if (!accepted) {
      setResult({ intent: 'warning', text: m('llm.settings.accept-required') });
      return false;
    }
    return true;
  };

  const runTest = async () => {
    if (!needConsent()) return;
    test.current?.abort();
    const controller = new AbortController();
    test.current = controller;
    setTesting(true);
    setResult(undefined);
    try {
      const model = browserChatModel(form, { pageOrigin });
      const { ms } = await testConnection(model, controller.signal);
      if (!controller.signal.aborted) {
        setResult({ intent: 'success', text: m('llm.settings.test-ok', { model: model.model, seconds: (ms / 1000).toFixed(1) }) });
      }
    } catch (e) {
      if (!controller.signal.aborted) setResult({ intent: 'error', text: errorText(e) });
    } finally {
      if (test.current === controller) test.current = undefined;
      setTesting(false);
    }
  };

  const save = async () => {
    if (!needConsent() || !config) return;
    setSaving(true);
    const next: LlmSettings = { ...form, accepted: acceptanceOf(config) };
    try {
      await saveLlmSettings(storage, next);
      onChange(next, m('llm.settings.saved'));
      onClose();
    } catch (e) {
      setResult({ intent: 'error', text: m('llm.settings.save-failed', { detail: errorText(e) }) });
    } finally {
      setSaving(false);
    }
  };

  const forget = async () => {
    test.current?.abort();
    try {
      await forgetLlmSettings(storage);
      setForm(EMPTY_SETTINGS);
      setTouched(false);
      onChange(undefined, m('llm.settings.cleared'));
      setResult({ intent: 'success', text: m('llm.settings.cleared') });
    } catch (e) {
      setResult({ intent: 'error', text: m('llm.settings.save-failed', { detail: errorText(e) }) });
    }
  };

  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()} modalType="modal">
      <DialogSurface className={s.surface} aria-describedby={undefined} data-testid="llm-settings">
        <DialogBody>
          <DialogTitle>{m('llm.settings.title')}</DialogTitle>
          <DialogContent>
            <form
              className={s.form}
              onSubmit={(e) => {
                e.preventDefault();
                void save();
              }}
              autoComplete="off"
            >
              <p className={s.intro}>{m('llm.settings.intro')}</p>
              <Field label={m('llm.settings.base-url')} hint={m('llm.settings.base-url.hint')}>
                <Input
                  value={form.baseURL}
                  onChange={(_, d) => update({ baseURL: d.value })}
                  placeholder="https://api.deepseek.com/v1"
                  inputMode="url"
                  spellCheck={false}
                  onBlur={() => form.baseURL.trim() !== '' && setTouched(true)}
                  data-testid="llm-base-url"
                />
              </Field>
              <Field label={m('llm.settings.model')} hint={m('llm.settings.model.hint')}>
                <Input value={form.model} onChange={(_, d) => update({ model: d.value })} placeholder="deepseek-chat" spellCheck={false} data-testid="llm-model" />
              </Field>
              <Field label={m('llm.settings.api-key')} hint={m('llm.settings.api-key.hint')}>
                <Input
                  type="password"
                  value={form.apiKey}
                  onChange={(_, d) => update({ apiKey: d.value })}
                  autoComplete="new-password"
                  spellCheck={false}
                  data-testid="llm-api-key"
                />
              </Field>
              <div className={s.row}>
                <Field label={m('llm.settings.structured')} className={s.structured}>
                  <Dropdown
                    value={m(`llm.settings.structured.${form.structuredOutput}`)}
                    selectedOptions={[form.structuredOutput]}
                    onOptionSelect={(_, d) => d.optionValue && update({ structuredOutput: d.optionValue as StructuredMode })}
                    data-testid="llm-structured"
                  >
                    {STRUCTURED_MODES.map((mode) => (
                      <Option key={mode} value={mode}>
                        {m(`llm.settings.structured.${mode}`)}
                      </Option>
                    ))}
                  </Dropdown>
                </Field>
                <Field label={m('llm.settings.timeout')} hint={m('llm.settings.timeout.hint')} className={s.timeout}>
                  <Input
                    className={s.fill}
                    value={form.timeout}
                    onChange={(_, d) => update({ timeout: d.value })}
                    onBlur={() => form.timeout.trim() !== '' && setTouched(true)}
                    placeholder="60"
                    inputMode="decimal"
                    data-testid="llm-timeout"
                  />
                </Field>
              </div>
              <Field hint={m('llm.settings.proxy.hint')}>
                <Checkbox checked={form.useProxy} onChange={(_, d) => update({ useProxy: d.checked === true })} label={m('llm.settings.proxy')} data-testid="llm-proxy" />
              </Field>

              {showError && (
                <MessageBar intent="error" layout="multiline" data-testid="llm-settings-error">
                  <MessageBarBody>{showError}</MessageBarBody>
                </MessageBar>
              )}
              {notice ? <DataNoticeView notice={notice} m={m} proxy={form.useProxy} testId="llm-settings-notice" /> : <p className={s.pending}>{m('llm.settings.notice-pending')}</p>}
              <Checkbox
                checked={accepted}
                disabled={!config}
                onChange={(_, d) => config && update({ accepted: d.checked === true ? acceptanceOf(config) : undefined })}
                label={m('llm.settings.accept')}
                data-testid="llm-accept"
              />
              <div className={s.row}>
                <Button
                  icon={testing ? <Spinner size="extra-tiny" /> : <PlugConnected20Regular />}
                  onClick={() => void runTest()}
                  disabled={testing || !config}
                  data-testid="llm-test"
                >
                  {testing ? m('llm.settings.testing') : m('llm.settings.test')}
                </Button>
              </div>
              {result && (
                <MessageBar intent={result.intent} data-testid="llm-settings-result" layout="multiline">
                  <MessageBarBody>{result.text}</MessageBarBody>
                </MessageBar>
              )}
              <p className={s.muted}>{m(`llm.settings.storage.${storage.kind}`)}</p>
            </form>
          </DialogContent>
          <DialogActions fluid>
            <Button appearance="primary" onClick={() => void save()} disabled={saving || !config} data-testid="llm-save">
              {m('llm.settings.save')}
            </Button>
            <Button icon={<Delete20Regular />} onClick={() => void forget()} disabled={!settings && form === EMPTY_SETTINGS} data-testid="llm-forget">
              {m('llm.settings.clear')}
            </Button>
            <Button onClick={onClose} data-testid="llm-close">
              {m('llm.settings.close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
