/**
 * `draft --format text`: the drafts for people. A header (file, regime, year, department, template; where last year's
 * figures came from), the placeholder legend, then each section: `[id] title` and its paragraphs, placeholders
 * highlighted on a colour terminal; a note under a section whose tables are missing; a closing count. The frame is in
 * the user's language; the drafts are Chinese disclosure text in every language.
 */
import { t, type Lang } from '../../i18n';
import { kindName } from '../../i18n/kinds';
import type { DraftParagraph } from '../../narrative/draft';
import type { DraftReport } from '../commands/draft';
import { cliMessages } from '../messages';
import { makeStyle } from './style';

export interface DraftTextOptions {
  lang: Lang;
  colors?: boolean;
}

function paint(p: DraftParagraph, yellow: (s: string) => string): string {
  if (p.placeholders.length === 0) return p.text;
  let out = '';
  let last = 0;
  for (const ph of [...p.placeholders].sort((a, b) => a.span[0] - b.span[0])) {
    out += p.text.slice(last, ph.span[0]) + yellow(p.text.slice(ph.span[0], ph.span[1]));
    last = ph.span[1];
  }
  return out + p.text.slice(last);
}

export function formatDraftText(report: DraftReport, options: DraftTextOptions): string {
  const { lang } = options;
  const st = makeStyle(options.colors ?? false);
  const lines: string[] = [];
  const regime =
    report.regime === undefined
      ? undefined
      : report.regime === 'juesuan'
        ? t(cliMessages, lang, 'draft.regime.juesuan')
        : t(cliMessages, lang, 'draft.regime.yusuan');
  const template =
    report.template === 'shanghai' ? t(cliMessages, lang, 'draft.template.shanghai') : t(cliMessages, lang, 'draft.template.national');
  lines.push(
    st.bold(
      t(cliMessages, lang, 'draft.header', {
        file: report.file,
        regime,
        year: report.year,
        department: report.department,
        template,
      }),
    ),
  );
  if (!report.regime) {
    lines.push(t(cliMessages, lang, 'draft.no-tables'));
    return `${lines.join('\n')}\n`;
  }
  lines.push(report.prior !== undefined ? t(cliMessages, lang, 'draft.prior', { file: report.prior }) : t(cliMessages, lang, 'draft.no-prior'));
  lines.push(st.dim(t(cliMessages, lang, 'draft.legend')));
  let placeholders = 0;
  for (const s of report.sections) {
    lines.push('');
    lines.push(`${st.dim(`[${s.id}]`)} ${st.bold(s.title)}`);
    for (const p of s.paragraphs) {
      placeholders += p.placeholders.length;
      lines.push(paint(p, st.yellow));
    }
    if (s.missing && s.missing.length > 0) {
      const kinds = s.missing.map((k) => kindName(k, lang)).join(lang === 'zh-CN' ? '、' : ', ');
      const key = s.paragraphs.length === 0 ? 'draft.missing' : 'draft.missing-partly';
      lines.push(st.yellow(t(cliMessages, lang, key, { kinds })));
    }
  }
  lines.push('');
  lines.push(t(cliMessages, lang, 'draft.summary', { sections: report.sections.length, placeholders }));
  return `${lines.join('\n')}\n`;
}
