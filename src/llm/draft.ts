/**
 * Grounded drafting with a language model. The model never supplies a figure: it writes prose around placeholders
 * (`{{基本支出}}`) naming figures that crossfoot lists for it — figures of the deterministic draft (facts, and exact
 * arithmetic on facts) or facts — and crossfoot renders every placeholder from the facts. The final text then goes
 * through the verifier (./verify): a number it cannot verify, a direction word that contradicts the facts, a
 * placeholder that names nothing is a problem. Any problem → one retry with the verifier's complaint; still wrong →
 * status 'rejected' with the problems' spans, never returned as accepted. Answers are structured (JSON validated with
 * zod; JSON Schema where the endpoint takes it, JSON mode otherwise; one retry on invalid JSON).
 *
 * Tasks:
 * - `reasons` (变动原因): fills the 【待补充：变动原因】 slots of the deterministic draft, only from material the user
 *   supplies (notes, a project list, last year's narrative). With no material the model is not called: the result is
 *   'needs-material' with the questions to answer (which changes need a reason, the largest changes first). Numbers
 *   taken from the material are marked “from your material, not verified against the tables” (non-blocking).
 * - `performance` (绩效自评综述): from the workbook's performance self-evaluation forms (绩效自评表, recognised and
 *   turned into facts: each form's 预算数, 执行数, 得分, 总分 and the number of project forms are placeholders rendered
 *   from the facts, the completion rate 执行数 ÷ 预算数 and the totals over the projects are computed from them, so the
 *   verifier checks every one of them — a wrong 执行率 or 执行数 is blocked) and the user's material. The forms' indicator
 *   rows (targets, actuals) are passed as material: their numbers are marked, not verified. Sheets that only look like a
 *   self-evaluation form (not recognised) are passed as material too; with no form and no material, 'needs-material'.
 * - `polish`: rewrites the deterministic draft's wording; its figures must stay exactly the draft's (same numbers,
 *   same placeholders 【待补充：…】, no new direction word), paragraph for paragraph.
 *
 * No Node built-ins: the add-in bundles this module.
 */
import { z } from 'zod';
import { formatAmount } from '../amount/parse';
import { isCrossfootError } from '../errors';
import { exact } from '../arith/decimal';
import { roundHalfUp } from '../arith/interval';
import { performanceForms, wanAmount, type Fact, type FactBase, type FactPeriod } from '../facts';
import { t, type Lang } from '../i18n';
import type { Recognition } from '../model/table';
import type { Workbook } from '../model/workbook';
import { draftSections, type DraftFigure, type DraftParagraph, type DraftSection, type DraftStyle } from '../narrative/draft';
import { parseNumberTokens, unitFamily, type NumberToken, type Span } from '../narrative/extract';
import { DIRECTION_WORDS, FLAT_WORDS } from '../narrative/extract/lexicon';
import { COMPLAINT, draftMessages } from './draft-messages';
import { renderPrompt, type PromptSet } from './prompts';
import type { CallOptions, ChatMessage, ChatModel, LlmConfig, ResponseFormat } from './types';
import { verifyText, type VerifyKind, type VerifyProblem } from './verify';

export type LlmDraftTask = 'reasons' | 'performance' | 'polish';
export const LLM_DRAFT_TASKS: readonly LlmDraftTask[] = ['reasons', 'performance', 'polish'];

/** Text the user supplied for the draft: notes, a project list, last year's narrative. */
export interface DraftMaterial {
  /** where it came from (a file name), shown to the model as the material's title */
  name: string;
  text: string;
}

export interface LlmDraftInput {
  facts: FactBase;
  recognition: Recognition;
  /** the workbook (performance: sheets that look like self-assessment tables) */
  workbook?: Workbook;
  /** last year's facts: changes, their rates and directions */
  prior?: FactBase;
  year?: number;
  department?: string;
  /** section ids or families of the deterministic draft (reasons, polish); default all */
  sections?: string[];
  style?: DraftStyle;
  material?: DraftMaterial[];
}

export interface LlmDraftOptions {
  model: ChatModel;
  prompts: PromptSet;
  /** language of messages, questions and problem reasons (the draft itself is Chinese) */
  lang?: Lang;
  /** as configured for the endpoint: 'json_object' (or 'none') sends JSON mode from the start */
  structuredOutput?: LlmConfig['structuredOutput'];
  signal?: AbortSignal;
  /** streaming of the model's raw answer (JSON) */
  onDelta?: (text: string) => void;
  /** called once, just before the first request (the CLI prints the data notice then) */
  beforeRequest?: () => void;
  temperature?: number;
}

export interface LlmDraftLine {
  kind: 'title' | 'paragraph';
  sectionId?: string;
  text: string;
  /** offset of the line in the result's text */
  start: number;
}

export type LlmDraftStatus = 'verified' | 'rejected' | 'needs-material';

export interface LlmDraftResult {
  task: LlmDraftTask;
  status: LlmDraftStatus;
  /** the lines joined with "\n"; '' when nothing was drafted */
  text: string;
  lines: LlmDraftLine[];
  /**
   * problems of the text (spans into `text`): for 'rejected' the blocking ones that made it so (and any marks);
   * for 'verified' only non-blocking marks (numbers from the user's material)
   */
  problems: VerifyProblem[];
  /** requests made to the model */
  attempts: number;
  /** what the user should know: why material is needed, why the draft was rejected, what is marked */
  message?: string;
  /** needs-material: what to answer; reasons: the changes the material did not explain */
  questions?: string[];
  /** the version line of the prompt file used */
  promptVersion?: string;
}

// ── placeholders: the figures the model may cite ─────────────────────────────────────────────────────────────────

interface Placeholder {
  name: string;
  /** the text it renders to: the figure as the draft prints it, with its unit when the draft prints one */
  value: string;
  description: string;
}

const KIND_SUFFIX: Record<DraftFigure['kind'], string> = {
  amount: '',
  count: '',
  share: '占比',
  change: '增减额',
  'change-rate': '增减率',
  'completion-rate': '完成率',
};
const PERIOD_WORD: Record<FactPeriod, string> = { current: '', budget: '预算', 'initial-budget': '年初预算', 'full-year-budget': '全年预算' };
const SCOPE_WORD: Array<[string, string]> = [
  ['gb.', '一般公共预算'],
  ['fiscal.', '财政拨款'],
  ['gov-fund.', '政府性基金'],
  ['state-capital.', '国有资本经营'],
];

/** Names compared the way a model may retype them: no spaces, one kind of bracket and quote. */
function normName(name: string): string {
  return name
    .replace(/\s+/g, '')
    .replace(/[（(]/g, '(')
    .replace(/[）)]/g, ')')
    .replace(/[“”"‘’'「」]/g, '');
}

class Placeholders {
  private readonly byId = new Map<string, Placeholder>();
  private readonly byName = new Map<string, Placeholder>();
  private readonly byNorm = new Map<string, Placeholder>();

  constructor(private readonly facts: FactBase) {}

  private label(key: string): string {
    return this.facts.byKey(key)?.labels[0] ?? key;
  }

  private add(id: string, candidates: string[], value: string, description: string): Placeholder {
    const had = this.byId.get(id);
    if (had) return had;
    let name = candidates.find((c) => c && !this.byNorm.has(normName(c)));
    for (let i = 2; !name; i++) if (!this.byNorm.has(normName(`${candidates[0]}（${i}）`))) name = `${candidates[0]}（${i}）`;
    const p: Placeholder = { name, value, description };
    this.byId.set(id, p);
    this.byName.set(name, p);
    this.byNorm.set(normName(name), p);
    return p;
  }

  private candidates(key: string, suffix: string): string[] {
    const fact = this.facts.byKey(key);
    const label = this.label(key);
    const period = fact ? PERIOD_WORD[fact.period] : '';
    const withPeriod = period && !label.includes(period) ? `${label}${period}` : label;
    const scope = SCOPE_WORD.find(([prefix]) => key.startsWith(prefix))?.[1];
    const withScope = scope && !withPeriod.includes(scope) ? `${scope}${withPeriod}` : withPeriod;
    return [...new Set([`${label}${suffix}`, `${withPeriod}${suffix}`, `${withScope}${suffix}`])];
  }

  /** a figure of a deterministic paragraph, printed there as `value` */
  figure(f: DraftFigure, value: string, paragraph: string): Placeholder {
    const label = this.label(f.factKey);
    const before = paragraph.slice(Math.max(0, f.span[0] - 8), f.span[0]);
    const dir = [...DIRECTION_WORDS].reverse().find((w) => before.includes(w.word))?.word ?? '增减';
    const base = f.inputs?.[1] ? this.label(f.inputs[1].factKey) : '';
    const cell = `${f.cell.sheet}!${f.cell.cell}`;
    const description =
      f.kind === 'share'
        ? `${label}占${base || '合计'}的比例`
        : f.kind === 'change'
          ? `${label}比上年${dir}的数额`
          : f.kind === 'change-rate'
            ? `${label}比上年${dir}的幅度`
            : f.kind === 'completion-rate'
              ? `${label}决算数占预算数的比例（完成率）`
              : `${label}（${cell}）`;
    return this.add(`${f.factKey}|${f.kind}|${value}`, this.candidates(f.factKey, KIND_SUFFIX[f.kind]), value, description);
  }

  /** a fact (in 万元) */
  fact(f: Fact): Placeholder | undefined {
    const a = wanAmount(f);
    if (!a || a.value === null) return undefined;
    const value = `${formatAmount(a.value, Math.max(0, Math.min(2, a.decimals)))}万元`;
    return this.add(`${f.key}|fact|${value}`, this.candidates(f.key, ''), value, `${this.label(f.key)}（${f.cell.sheet}!${f.cell.cell}）`);
  }

  /** a figure that is not a money fact: a count, a score, a computed rate or sum (its value as rendered) */
  value(id: string, candidates: string[], value: string, description: string): Placeholder {
    return this.add(id, candidates, value, description);
  }

  lookup(name: string): Placeholder | undefined {
    return this.byName.get(name) ?? this.byNorm.get(normName(name));
  }

  /** the list for the prompt, in order of first use */
  list(): string {
    const all = [...this.byName.values()];
    return all.length === 0 ? COMPLAINT.none : all.map((p) => `- {{${p.name}}}：${p.value}（${p.description}）`).join('\n');
  }
}

/** A deterministic paragraph with its figures as placeholders (the figure and the unit the draft prints after it). */
function withPlaceholders(p: DraftParagraph, ph: Placeholders): string {
  let text = p.text;
  for (const f of [...p.figures].sort((a, b) => b.span[0] - a.span[0])) {
    const end = f.unit && p.text.startsWith(f.unit, f.span[1]) ? f.span[1] + f.unit.length : f.span[1];
    const h = ph.figure(f, p.text.slice(f.span[0], end), p.text);
    text = `${text.slice(0, f.span[0])}{{${h.name}}}${text.slice(end)}`;
  }
  return text;
}

const PLACEHOLDER_RE = /\{\{\s*([^{}\n]+?)\s*\}\}/g;
const UNITS = ['万元', '亿元', '元', '%', '个百分点'];

/** The model's text with its placeholders rendered; placeholders that name nothing stay as written and are listed. */
function renderModelText(text: string, ph: Placeholders): { text: string; unknown: Array<{ span: Span; name: string }> } {
  let out = '';
  let last = 0;
  const unknown: Array<{ span: Span; name: string }> = [];
  for (const m of text.matchAll(PLACEHOLDER_RE)) {
    out += text.slice(last, m.index);
    last = m.index! + m[0].length;
    const h = ph.lookup(m[1]);
    if (!h) {
      unknown.push({ span: { start: out.length, end: out.length + m[0].length }, name: m[1] });
      out += m[0];
      continue;
    }
    out += h.value;
    // “{{基本支出}}万元”: the unit is in the rendered figure already
    const unit = UNITS.find((u) => h.value.endsWith(u) && text.startsWith(u, last));
    if (unit) last += unit.length;
  }
  return { text: out + text.slice(last), unknown };
}

// ── the conversation: structured answers, retries ────────────────────────────────────────────────────────────────

interface Evaluation {
  lines: Array<Omit<LlmDraftLine, 'start'>>;
  /** problems with spans into the lines joined by "\n" */
  problems: VerifyProblem[];
  /** the blocking problems the model can fix (in text it wrote): a retry is asked for them */
  fixable: VerifyProblem[];
  questions?: string[];
}

/** JSON out of an answer: a bare object, or one inside a ``` fence or surrounding words. */
function parseJsonAnswer(content: string): { ok: true; value: unknown } | { ok: false; error: string } {
  let s = content.trim();
  const fence = /```(?:json)?\s*([\s\S]*?)```/i.exec(s);
  if (fence) s = fence[1].trim();
  if (!s.startsWith('{')) {
    const a = s.indexOf('{');
    const b = s.lastIndexOf('}');
    if (a >= 0 && b > a) s = s.slice(a, b + 1);
  }
  try {
    return { ok: true, value: JSON.parse(s) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema) as Record<string, unknown>;
  return rest;
}

function formatDescription(schema: z.ZodType, example: unknown): string {
  return `JSON Schema：${JSON.stringify(jsonSchemaOf(schema))}\n示例：${JSON.stringify(example)}`;
}

function joinLines(lines: Array<Omit<LlmDraftLine, 'start'>>): { text: string; lines: LlmDraftLine[] } {
  let offset = 0;
  const out = lines.map((l) => {
    const line = { ...l, start: offset };
    offset += l.text.length + 1;
    return line;
  });
  return { text: lines.map((l) => l.text).join('\n'), lines: out };
}

function complaintOf(problems: VerifyProblem[]): string {
  const seen = new Set<string>();
  const items = problems
    .map((p) => `- “${p.text}”：${p.reason}`)
    .filter((x) => (seen.has(x) ? false : (seen.add(x), true)))
    .slice(0, 20);
  return [COMPLAINT.intro, ...items, COMPLAINT.rule].join('\n');
}

interface Conversation<T> {
  task: LlmDraftTask;
  schema: z.ZodType<T>;
  system: string;
  user: string;
  promptVersion: string;
  /** the answer's text, verified, in a language */
  evaluate: (value: T, lang: Lang) => Evaluation;
}

async function converse<T>(c: Conversation<T>, options: LlmDraftOptions): Promise<LlmDraftResult> {
  const lang = options.lang ?? 'zh-CN';
  const msg = (key: 'rejected.json' | 'rejected.verify' | 'verified.marked') => t(draftMessages, lang, key);
  const messages: ChatMessage[] = [
    { role: 'system', content: c.system },
    { role: 'user', content: c.user },
  ];
  let mode: 'json_schema' | 'json_object' = (options.structuredOutput ?? 'json_schema') === 'json_schema' ? 'json_schema' : 'json_object';
  const schema = jsonSchemaOf(c.schema);
  let attempts = 0;
  let announced = false;
  const ask = async (): Promise<string> => {
    if (!announced) {
      announced = true;
      options.beforeRequest?.();
    }
    const responseFormat: ResponseFormat = mode === 'json_schema' ? { type: 'json_schema', name: `crossfoot_${c.task}`, schema } : { type: 'json_object' };
    const call: CallOptions = {};
    if (options.signal) call.signal = options.signal;
    if (options.onDelta) call.onDelta = options.onDelta;
    try {
      attempts++;
      const r = await options.model.complete({ messages, responseFormat, temperature: options.temperature ?? 0.2 }, call);
      return r.content;
    } catch (e) {
      // a provider without JSON Schema refuses the request (400/422): JSON mode, the schema is in the prompt anyway
      if (mode === 'json_schema' && isCrossfootError(e) && e.code === 'llm-http' && (e.params.reason === 'unsupported' || e.params.status === '400' || e.params.status === '422')) {
        mode = 'json_object';
        attempts--;
        return ask();
      }
      throw e;
    }
  };

  let jsonRetried = false;
  let verifyRetried = false;
  for (;;) {
    const content = await ask();
    const parsed = parseJsonAnswer(content);
    const valid = parsed.ok ? c.schema.safeParse(parsed.value) : undefined;
    if (!parsed.ok || !valid!.success) {
      const error = !parsed.ok ? parsed.error : z.prettifyError(valid!.error!);
      if (!jsonRetried) {
        jsonRetried = true;
        messages.push({ role: 'assistant', content }, { role: 'user', content: `${COMPLAINT.intro}\n- ${COMPLAINT.json(error)}` });
        continue;
      }
      return { task: c.task, status: 'rejected', text: '', lines: [], problems: [], attempts, message: msg('rejected.json'), promptVersion: c.promptVersion };
    }
    // decide in the prompt's language (the complaint goes back to the model), report in the user's
    const ev = c.evaluate(valid!.data as T, 'zh-CN');
    if (ev.fixable.length > 0 && !verifyRetried) {
      verifyRetried = true;
      messages.push({ role: 'assistant', content }, { role: 'user', content: complaintOf(ev.fixable) });
      continue;
    }
    const final = lang === 'zh-CN' ? ev : c.evaluate(valid!.data as T, lang);
    const joined = joinLines(final.lines);
    const rejected = final.problems.some((p) => p.blocking);
    const result: LlmDraftResult = {
      task: c.task,
      status: rejected ? 'rejected' : 'verified',
      text: joined.text,
      lines: joined.lines,
      problems: final.problems,
      attempts,
      promptVersion: c.promptVersion,
    };
    if (rejected) result.message = msg('rejected.verify');
    else if (final.problems.length > 0) result.message = msg('verified.marked');
    if (final.questions && final.questions.length > 0) result.questions = final.questions;
    return result;
  }
}

// ── shared pieces ─────────────────────────────────────────────────────────────────────────────────────────────────

function documentType(recognition: Recognition, facts: FactBase): string {
  const kinds = recognition.tables.map((tb) => tb.kind);
  if (kinds.some((k) => k.startsWith('juesuan.'))) return '部门决算';
  if (kinds.some((k) => k.startsWith('yusuan.'))) return '部门预算';
  return facts.facts.some((f) => f.kind.startsWith('yusuan.')) ? '部门预算' : '部门决算';
}

function materialText(material: DraftMaterial[]): string {
  if (material.length === 0) return COMPLAINT.none;
  return material.map((m, i) => `<<<材料${i + 1}：${m.name}\n${m.text.trim()}\n>>>`).join('\n\n');
}

const nonEmpty = (material: DraftMaterial[] | undefined) => (material ?? []).filter((m) => m.text.trim() !== '');

function commonVars(input: LlmDraftInput): Record<string, string> {
  return {
    文档类型: documentType(input.recognition, input.facts),
    部门: input.department ?? '（未注明）',
    年度: input.year !== undefined ? String(input.year) : '（未注明）',
  };
}

function draftOf(input: LlmDraftInput): DraftSection[] {
  return draftSections(input.facts, input.recognition, {
    prior: input.prior,
    sections: input.sections,
    style: input.style,
    year: input.year,
    department: input.department,
  });
}

/** Verify the joined lines; the problems that fall in `modelSpans` (text the model wrote) are the fixable ones. */
function verifyLines(
  lines: Array<Omit<LlmDraftLine, 'start'>>,
  input: LlmDraftInput,
  lang: Lang,
  extra: { figures?: DraftFigure[]; material?: string[]; modelSpans?: Span[]; problems?: VerifyProblem[] },
): Pick<Evaluation, 'problems' | 'fixable'> {
  const { text } = joinLines(lines);
  const r = verifyText(text, input.facts, { reportYear: input.year, prior: input.prior, lang, figures: extra.figures, material: extra.material });
  const problems = [...r.problems, ...(extra.problems ?? [])].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const inModel = (p: VerifyProblem) => !extra.modelSpans || extra.modelSpans.some((s) => s.start < p.span.end && p.span.start < s.end);
  return { problems, fixable: problems.filter((p) => p.blocking && inModel(p)) };
}

function unknownPlaceholderProblems(unknown: Array<{ span: Span; name: string }>, offset: number, text: string, lang: Lang): VerifyProblem[] {
  return unknown.map((u) => {
    const span = { start: u.span.start + offset, end: u.span.end + offset };
    return {
      span,
      text: text.slice(span.start, span.end),
      kind: 'unlinked' as VerifyKind,
      reason: t(draftMessages, lang, 'problem.unknown-placeholder', { name: u.name }),
      blocking: true,
    };
  });
}

// ── reasons (变动原因) ─────────────────────────────────────────────────────────────────────────────────────────────

const ReasonsAnswer = z.object({
  reasons: z.array(
    z.object({
      id: z.string().describe('待说明的变动的编号，如 R1'),
      text: z.string().describe('原因；材料没有说明时为空字符串'),
    }),
  ),
});

interface Slot {
  id: string;
  section: DraftSection;
  paragraph: DraftParagraph;
  /** index of the reason placeholder in the paragraph's placeholders */
  index: number;
  /** the size of the change the slot explains (for ordering the questions), when the draft computed it */
  magnitude: number;
}

/**
 * What a reason slot explains, for a question: the sentence up to the slot without its “主要原因是”, with the draft's
 * placeholders shown as ……; when that sentence names no figure (“支出决算数与年初预算数存在差异的主要原因：”), the
 * paragraph up to the slot (the item and its figures come first). Long contexts keep their beginning and end.
 */
function slotSentence(p: DraftParagraph, at: number): string {
  const before = p.text.slice(0, at);
  const start = Math.max(before.lastIndexOf('。'), before.lastIndexOf('；')) + 1;
  const strip = (x: string) =>
    x
      .replace(/【待补充：[^】]*】/g, '……')
      .replace(/[，,：:]?\s*的?主要原因(是|为)?[：:]?\s*$/, '')
      .replace(/[，,：:；\s]+$/, '')
      .trim();
  const lead = strip(before.slice(start));
  const text = /\d|……/.test(lead) ? lead : strip(before);
  return text.length > 140 ? `${text.slice(0, 60)}……${text.slice(-70)}` : text;
}

async function draftReasons(input: LlmDraftInput, options: LlmDraftOptions): Promise<LlmDraftResult> {
  const lang = options.lang ?? 'zh-CN';
  const sections = draftOf(input);
  const slots: Slot[] = [];
  for (const section of sections) {
    for (const paragraph of section.paragraphs) {
      paragraph.placeholders.forEach((ph, index) => {
        if (ph.kind !== 'reason') return;
        const change = paragraph.figures.filter((f) => f.kind === 'change' && f.span[1] <= ph.span[0]).pop();
        slots.push({ id: '', section, paragraph, index, magnitude: change ? Math.abs(Number(change.printed.replace(/,/g, ''))) : 0 });
      });
    }
  }
  slots.forEach((s, i) => (s.id = `R${i + 1}`));
  // the largest changes first (stable: document order among equals and when nothing was computed)
  const ordered = [...slots].sort((a, b) => b.magnitude - a.magnitude);
  const base: Pick<LlmDraftResult, 'task' | 'attempts'> = { task: 'reasons', attempts: 0 };

  if (slots.length === 0) return { ...base, status: 'verified', text: '', lines: [], problems: [], message: t(draftMessages, lang, 'reasons.none-needed') };
  const material = nonEmpty(input.material);
  if (material.length === 0) {
    const questions = ordered.map(question);
    if (!input.prior) questions.push(t(draftMessages, lang, 'question.no-prior'));
    return { ...base, status: 'needs-material', text: '', lines: [], problems: [], message: t(draftMessages, lang, 'reasons.needs-material'), questions };
  }

  const ph = new Placeholders(input.facts);
  const paragraphs = [...new Set(slots.map((s) => s.paragraph))];
  const listed = paragraphs.map((p) => {
    // figures as placeholders, each reason slot as its id 【R1】 (slots are in text order: the first remaining
    // 【待补充：变动原因】 is the next slot's)
    const own = slots.filter((s) => s.paragraph === p);
    let text = withPlaceholders(p, ph);
    for (const s of own) {
      const [a, b] = p.placeholders[s.index].span;
      text = text.replace(p.text.slice(a, b), `【${s.id}】`);
    }
    return `${own.map((s) => s.id).join('、')}（${own[0].section.title}）：${text}`;
  });
  const prompt = renderPrompt(options.prompts, 'reasons', 'zh-CN', {
    ...commonVars(input),
    数字清单: ph.list(),
    待说明的变动: listed.join('\n'),
    材料: materialText(material),
    输出格式: formatDescription(ReasonsAnswer, { reasons: [{ id: 'R1', text: '（根据材料写出的原因）' }, { id: 'R2', text: '' }] }),
  });
  const figures = sections.flatMap((s) => s.paragraphs.flatMap((p) => p.figures));

  return converse(
    {
      task: 'reasons',
      schema: ReasonsAnswer,
      system: prompt.system,
      user: prompt.user,
      promptVersion: prompt.version,
      evaluate: (answer, l) => {
        const byId = new Map<string, string>();
        const extra: VerifyProblem[] = [];
        for (const r of answer.reasons) byId.set(r.id.trim().replace(/[【】\s]/g, '').toUpperCase(), r.text);
        const lines: Array<Omit<LlmDraftLine, 'start'>> = [];
        const modelSpans: Span[] = [];
        const unexplained: Slot[] = [];
        let offset = 0;
        let lastSection: DraftSection | undefined;
        const push = (line: Omit<LlmDraftLine, 'start'>) => {
          lines.push(line);
          offset += line.text.length + 1;
        };
        for (const p of paragraphs) {
          const own = slots.filter((s) => s.paragraph === p);
          const section = own[0].section;
          if (section !== lastSection) {
            push({ kind: 'title', sectionId: section.id, text: section.title });
            lastSection = section;
          }
          let text = '';
          let last = 0;
          for (const s of own) {
            const [a, b] = p.placeholders[s.index].span;
            text += p.text.slice(last, a);
            last = b;
            const written = (byId.get(s.id) ?? '').trim().replace(/[。；;.，,\s]+$/, '').replace(/^主要原因(是|为)?[：:]?/, '');
            if (!written) {
              text += p.text.slice(a, b);
              unexplained.push(s);
              continue;
            }
            const rendered = renderModelText(written, ph);
            const start = offset + text.length;
            extra.push(...unknownPlaceholderProblems(rendered.unknown, start, '', l));
            modelSpans.push({ start, end: start + rendered.text.length });
            text += rendered.text;
          }
          text += p.text.slice(last);
          push({ kind: 'paragraph', sectionId: section.id, text });
        }
        const joined = joinLines(lines).text;
        for (const e of extra) e.text = joined.slice(e.span.start, e.span.end);
        const v = verifyLines(lines, input, l, { figures, material: material.map((m) => m.text), modelSpans, problems: extra });
        const questions = unexplained.length > 0 ? [t(draftMessages, l, 'reasons.unexplained'), ...unexplained.map(question)] : undefined;
        return { lines, ...v, questions };
      },
    },
    options,
  );

  function question(s: Slot): string {
    return t(draftMessages, lang, 'question.reason', { section: s.section.title, sentence: slotSentence(s.paragraph, s.paragraph.placeholders[s.index].span[0]) });
  }
}

// ── performance (绩效自评综述) ───────────────────────────────────────────────────────────────────────────────────

const PerformanceAnswer = z.object({
  paragraphs: z.array(z.string().describe('一段综述；需用户补充处写“【待补充：…】”')).min(1),
});

/** Facts a performance summary may cite: total and project spending, the projects of 预算11表. */
const PERFORMANCE_FACTS = /^((gb|fiscal)\.)?expenditure\.(total|project)$|^projects\.(total|item\.)/;

/**
 * Sheets that look like performance self-assessment tables (绩效自评表 / 绩效评价表 in their first rows) and hold no
 * recognised table or narrative: their text, row by row, for the model (as material: their figures are not checked).
 */
export function performanceSheets(workbook: Workbook | undefined, recognition: Recognition): Array<{ name: string; text: string }> {
  if (!workbook) return [];
  const used = new Set([...recognition.tables.map((tb) => tb.sheet), ...recognition.narrativeSheets]);
  const out: Array<{ name: string; text: string }> = [];
  for (const sheet of workbook.sheets) {
    if (used.has(sheet.name)) continue;
    const rows = sheet.rows.map((r) => (r ?? []).map((c) => (c?.text ?? '').replace(/\s+/g, ' ').trim()));
    const head = rows.slice(0, 6).flat().join(' ');
    if (!/绩效(自评|评价)/.test(head) && !/绩效(自评|评价)/.test(sheet.name)) continue;
    const lines = rows
      .map((cells) => cells.filter((x) => x !== '').join('\t'))
      .filter((l) => l !== '')
      .slice(0, 300);
    out.push({ name: sheet.name, text: lines.join('\n').slice(0, 20_000) });
  }
  return out;
}

/** A figure of the performance draft (computed or restated from facts): verified by construction. */
function perfFigure(kind: DraftFigure['kind'], printed: string, unit: string, fact: Fact): DraftFigure {
  return { factKey: fact.key, cell: fact.cell, span: [0, 0], printed, kind, unit };
}

interface PerformanceTables {
  /** the forms for the prompt, figures as placeholders, indicators as printed */
  text: string;
  /** the forms' indicator rows and texts as printed: numbers the model may copy, marked as not verified */
  indicators: string;
  /** the computed figures (completion rates, totals over the projects) */
  figures: DraftFigure[];
  forms: number;
}

/**
 * The recognised self-evaluation forms for the prompt: per form its figures as placeholders (rendered from the facts:
 * 预算数, 执行数, the completion rate 执行数 ÷ 预算数 at the decimals the form prints its 执行率 with, 得分, 总分), its
 * indicators as printed and a reference sentence (N29); before them the number of project forms and the totals of
 * their budgets and actuals (N27).
 */
function performanceTables(input: LlmDraftInput, ph: Placeholders): PerformanceTables {
  const forms = performanceForms(input.recognition);
  const figures: DraftFigure[] = [];
  const out: string[] = [];
  const indicators: string[] = [];
  if (forms.length === 0) return { text: '', indicators: '', figures, forms: 0 };
  const facts = input.facts;
  const fact = (k: string) => facts.byKey(k);
  const money = (f: Fact | undefined) => (f ? ph.fact(f) : undefined);
  const score = (f: Fact | undefined, words: string) => {
    if (!f || f.value.value === null) return undefined;
    const v = f.value.value.toFixed(Math.max(0, f.value.decimals));
    return ph.value(`${f.key}|score`, [f.labels[0] ?? `${words}`], `${v}分`, `${words}（${f.cell.sheet}!${f.cell.cell}）`);
  };
  const ref = (p: Placeholder | undefined) => (p ? `{{${p.name}}}` : '（表中未填）');
  const projects = forms.filter((f) => f.form.scope === 'project');
  const count = fact('performance.projects.count');
  if (count) {
    const p = ph.value('performance.projects.count', ['自评项目个数', '项目绩效自评表张数'], `${count.value.raw}个`, `项目绩效自评表的张数，即一级项目个数（${count.cell.sheet}!${count.cell.cell}）`);
    figures.push(perfFigure('count', count.value.raw, '个', count));
    out.push(`项目绩效自评表共 ${ref(p)}（一级项目）。`);
  }
  for (const m of ['budget', 'actual'] as const) {
    const xs = projects.map((f) => fact(`${f.prefix}.${m}`)).map((f) => (f ? wanAmount(f) : undefined));
    if (projects.length < 2 || xs.some((x) => !x || x.value === null)) continue;
    const d = Math.max(...xs.map((x) => x!.decimals), 0);
    const sum = xs.reduce((a, x) => a.plus(x!.value!), exact(0));
    const printed = formatAmount(sum, Math.min(2, d));
    const first = fact(`${projects[0].prefix}.${m}`)!;
    const word = m === 'budget' ? '全年预算数' : '执行数';
    const p = ph.value(`performance.projects.${m}`, [`自评项目${word}合计`], `${printed}万元`, `${projects.length} 张项目绩效自评表的${word}之和`);
    figures.push(perfFigure('amount', printed, '万元', first));
    out.push(`${projects.length} 个项目的${word}合计 ${ref(p)}。`);
  }
  let k = 0;
  for (const { table, form, prefix } of forms) {
    const budget = fact(`${prefix}.budget`) ?? fact(`${prefix}.initial-budget`);
    const actual = fact(`${prefix}.actual`);
    const rate = fact(`${prefix}.rate`);
    const title = form.scope === 'overall' ? `部门整体绩效自评表（工作表“${table.sheet}”）` : `项目绩效自评表 ${++k}：${form.name ?? table.title}（工作表“${table.sheet}”）`;
    const lines = [`【${title}】`];
    if (form.scope === 'overall' && form.name) lines.push(`单位：${form.name}`);
    if (form.department) lines.push(`主管部门：${form.department}`);
    const pb = money(budget);
    const pa = money(actual);
    let pr: Placeholder | undefined;
    const a = budget && wanAmount(budget);
    const b = actual && wanAmount(actual);
    if (a?.value && b?.value && !a.value.isZero()) {
      const d = rate && rate.value.kind === 'percent' ? Math.max(0, rate.value.decimals) : 2;
      const printed = roundHalfUp(b.value.times(100).div(a.value), d).toFixed(d);
      const note = rate ? `；表中执行率印为 ${rate.value.raw}` : '';
      pr = ph.value(`${prefix}.completion`, [`${(budget!.labels[0] ?? '').replace(/全年预算数$|预算数$/, '')}完成率`], `${printed}%`, `执行数 ÷ 预算数${note}`);
      figures.push(perfFigure('completion-rate', printed, '%', actual!));
    }
    lines.push(`预算数：${ref(pb)}；执行数：${ref(pa)}；执行率（执行数÷预算数）：${ref(pr)}`);
    const ps = score(fact(`${prefix}.score`), `${form.name ?? '部门整体'}预算执行得分`);
    const pt = score(fact(`${prefix}.total-score`), `${form.name ?? '部门整体'}自评总分`);
    if (ps || pt) lines.push(`预算执行得分：${ref(ps)}；总分：${ref(pt)}`);
    if (form.scope === 'overall') {
      const pbasic = money(fact(`${prefix}.basic`));
      const pproj = money(fact(`${prefix}.project`));
      if (pbasic || pproj) lines.push(`基本支出总额：${ref(pbasic)}；项目支出总额：${ref(pproj)}`);
    }
    const rows = form.indicators.map((i) => {
      const path = [i.goal, i.level1, i.level2, i.name].filter(Boolean).join('/');
      const parts = [`年度指标值 ${i.target?.text ?? '—'}`, `实际完成值 ${i.actual?.text ?? '—'}`];
      if (i.score?.text) parts.push(`得分 ${i.score.text.replace(/\s*分$/, '')}分`);
      if (i.deviation?.text) parts.push(`偏差原因 ${i.deviation.text}`);
      return `- ${path}：${parts.join('，')}`;
    });
    if (rows.length > 0) lines.push('绩效指标（照录，数字未核对）：', ...rows);
    if (form.deviation) lines.push(`偏差大或目标未完成原因分析：${form.deviation}`);
    if (form.improvement) lines.push(`改进措施及结果应用方案：${form.improvement}`);
    indicators.push(...rows, form.deviation ?? '', form.improvement ?? '');
    if (form.scope === 'project') lines.push(`参考句式：${k}.${form.name ?? ''}项目绩效自评综述：项目全年预算数为${ref(pb)}，执行数为${ref(pa)}，完成预算的${ref(pr)}。`);
    out.push(lines.join('\n'));
  }
  return { text: out.join('\n\n'), indicators: indicators.filter(Boolean).join('\n'), figures, forms: forms.length };
}

async function draftPerformance(input: LlmDraftInput, options: LlmDraftOptions): Promise<LlmDraftResult> {
  const lang = options.lang ?? 'zh-CN';
  const sheets = performanceSheets(input.workbook, input.recognition);
  const material = nonEmpty(input.material);
  const ph = new Placeholders(input.facts);
  const forms = performanceTables(input, ph);
  if (forms.forms === 0 && sheets.length === 0 && material.length === 0) {
    return {
      task: 'performance',
      status: 'needs-material',
      text: '',
      lines: [],
      problems: [],
      attempts: 0,
      message: t(draftMessages, lang, 'performance.none'),
      questions: [t(draftMessages, lang, 'performance.needs-material')],
    };
  }
  const seen = new Set<string>();
  for (const f of input.facts.facts) {
    if (!PERFORMANCE_FACTS.test(f.key) || seen.has(f.key) || seen.size >= 60) continue;
    seen.add(f.key);
    ph.fact(input.facts.byKey(f.key) ?? f);
  }
  const blocks = [...(forms.text ? [forms.text] : []), ...sheets.map((s) => `<<<工作表：${s.name}\n${s.text}\n>>>`)];
  const tables = blocks.length === 0 ? COMPLAINT.noTables : blocks.join('\n\n');
  const prompt = renderPrompt(options.prompts, 'performance', 'zh-CN', {
    ...commonVars(input),
    数字清单: ph.list(),
    绩效表格: tables,
    材料: materialText(material),
    输出格式: formatDescription(PerformanceAnswer, { paragraphs: ['（第一段）', '（第二段）'] }),
  });
  const sources = [...material.map((m) => m.text), ...sheets.map((s) => s.text), ...(forms.indicators ? [forms.indicators] : [])];
  const result = await converse(
    {
      task: 'performance',
      schema: PerformanceAnswer,
      system: prompt.system,
      user: prompt.user,
      promptVersion: prompt.version,
      evaluate: (answer, l) => {
        const lines: Array<Omit<LlmDraftLine, 'start'>> = [];
        const extra: VerifyProblem[] = [];
        let offset = 0;
        for (const p of answer.paragraphs.map((x) => x.trim()).filter((x) => x !== '')) {
          const r = renderModelText(p, ph);
          extra.push(...unknownPlaceholderProblems(r.unknown, offset, '', l));
          lines.push({ kind: 'paragraph', sectionId: 'performance', text: r.text });
          offset += r.text.length + 1;
        }
        const joined = joinLines(lines).text;
        for (const e of extra) e.text = joined.slice(e.span.start, e.span.end);
        if (lines.length === 0) {
          const empty: VerifyProblem = { span: { start: 0, end: 0 }, text: '', kind: 'unlinked', reason: t(draftMessages, l, 'problem.empty'), blocking: true };
          return { lines, problems: [empty], fixable: [empty] };
        }
        return { lines, ...verifyLines(lines, input, l, { material: sources, figures: forms.figures, problems: extra }) };
      },
    },
    options,
  );
  const notes: string[] = [];
  if (forms.forms > 0) notes.push(t(draftMessages, lang, 'performance.forms', { forms: forms.forms }));
  if (sheets.length > 0) notes.push(t(draftMessages, lang, 'performance.sheets', { sheets: sheets.map((x) => `“${x.name}”`).join('、') }));
  if (notes.length > 0) result.message = `${notes.join('')}${result.message ?? ''}`;
  return result;
}

// ── polish ────────────────────────────────────────────────────────────────────────────────────────────────────────

const PolishAnswer = z.object({
  paragraphs: z.array(z.string().describe('润色后的一段，与草稿的段落一一对应')),
});

const FLAT_RE = new RegExp(FLAT_WORDS.join('|'), 'g');
const DIR_RE = new RegExp(
  DIRECTION_WORDS.map((w) => w.word)
    .sort((a, b) => b.length - a.length)
    .join('|'),
  'g',
);

function directionsOf(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.replace(/【[^】]*】/g, (x) => ' '.repeat(x.length)).matchAll(DIR_RE)) {
    out.set(DIRECTION_WORDS.find((w) => w.word === m[0])!.direction, m[0]);
  }
  for (const m of text.matchAll(FLAT_RE)) out.set('flat', m[0]);
  return out;
}

const tokenKey = (tok: NumberToken) => `${tok.value.toString()}|${unitFamily(tok) === 'money' ? 'money' : (tok.unit ?? '')}`;

async function draftPolish(input: LlmDraftInput, options: LlmDraftOptions): Promise<LlmDraftResult> {
  const sections = draftOf(input).filter((s) => s.paragraphs.some((p) => p.text.trim() !== ''));
  const ph = new Placeholders(input.facts);
  const items = sections.flatMap((s) => s.paragraphs.filter((p) => p.text.trim() !== '').map((p) => ({ section: s, paragraph: p })));
  const numbered = items.map((x, i) => `P${i + 1}：${withPlaceholders(x.paragraph, ph)}`);
  const prompt = renderPrompt(options.prompts, 'polish', 'zh-CN', {
    ...commonVars(input),
    数字清单: ph.list(),
    草稿: numbered.join('\n'),
    输出格式: formatDescription(PolishAnswer, { paragraphs: ['（P1 润色后）', '（P2 润色后）'] }),
  });
  const figures = items.flatMap((x) => x.paragraph.figures);
  return converse(
    {
      task: 'polish',
      schema: PolishAnswer,
      system: prompt.system,
      user: prompt.user,
      promptVersion: prompt.version,
      evaluate: (answer, l) => {
        const polished = answer.paragraphs.map((p) => p.trim().replace(/^P\d+[：:]\s*/, ''));
        if (polished.length !== items.length) {
          const problem: VerifyProblem = {
            span: { start: 0, end: 0 },
            text: '',
            kind: 'unlinked',
            reason: t(draftMessages, l, 'problem.polish-paragraphs', { expected: items.length, got: polished.length }),
            blocking: true,
          };
          return { lines: [], problems: [problem], fixable: [problem] };
        }
        const lines: Array<Omit<LlmDraftLine, 'start'>> = [];
        const extra: VerifyProblem[] = [];
        let offset = 0;
        let lastSection: DraftSection | undefined;
        const push = (line: Omit<LlmDraftLine, 'start'>) => {
          lines.push(line);
          offset += line.text.length + 1;
        };
        items.forEach((item, i) => {
          if (item.section !== lastSection) {
            push({ kind: 'title', sectionId: item.section.id, text: item.section.title });
            lastSection = item.section;
          }
          const r = renderModelText(polished[i], ph);
          const start = offset;
          extra.push(...unknownPlaceholderProblems(r.unknown, start, '', l));
          extra.push(...polishDifferences(item.paragraph.text, r.text, start, l));
          push({ kind: 'paragraph', sectionId: item.section.id, text: r.text });
        });
        const joined = joinLines(lines).text;
        for (const e of extra) e.text = joined.slice(e.span.start, e.span.end);
        return { lines, ...verifyLines(lines, input, l, { figures, problems: extra }) };
      },
    },
    options,
  );
}

/**
 * What a polished paragraph changed of its draft that it must not: a number the draft does not print (or prints
 * fewer times), a number or a 【待补充：…】 left out, a direction the draft does not state.
 */
function polishDifferences(draft: string, polished: string, offset: number, lang: Lang): VerifyProblem[] {
  const out: VerifyProblem[] = [];
  // what is missing has no place in the polished text: an empty span at the paragraph's end (listed, not marked)
  const whole = { start: offset + polished.length, end: offset + polished.length };
  const counts = new Map<string, number>();
  for (const tok of parseNumberTokens(draft)) counts.set(tokenKey(tok), (counts.get(tokenKey(tok)) ?? 0) + 1);
  for (const tok of parseNumberTokens(polished)) {
    const k = tokenKey(tok);
    const n = counts.get(k) ?? 0;
    if (n > 0) counts.set(k, n - 1);
    else {
      const span = { start: offset + tok.span.start, end: offset + (tok.unitSpan?.end ?? tok.span.end) };
      const text = polished.slice(tok.span.start, tok.unitSpan?.end ?? tok.span.end);
      out.push({ span, text, kind: unitFamily(tok) === 'percent' ? 'percentage' : unitFamily(tok) === 'count' ? 'count' : 'amount', reason: t(draftMessages, lang, 'problem.polish-added', { text }), blocking: true });
    }
  }
  for (const tok of parseNumberTokens(draft)) {
    const k = tokenKey(tok);
    if ((counts.get(k) ?? 0) > 0) {
      counts.set(k, counts.get(k)! - 1);
      out.push({ span: whole, text: '', kind: 'unlinked', reason: t(draftMessages, lang, 'problem.polish-dropped', { text: `${tok.raw}${tok.unit ?? ''}` }), blocking: true });
    }
  }
  const holes = (s: string) => [...s.matchAll(/【待补充：[^】]*】/g)].map((m) => m[0]);
  const left = holes(polished);
  for (const h of holes(draft)) {
    const i = left.indexOf(h);
    if (i >= 0) left.splice(i, 1);
    else out.push({ span: whole, text: '', kind: 'unlinked', reason: t(draftMessages, lang, 'problem.polish-dropped', { text: h }), blocking: true });
  }
  const before = directionsOf(draft);
  for (const [direction, word] of directionsOf(polished)) {
    if (before.has(direction)) continue;
    const at = polished.indexOf(word);
    out.push({
      span: { start: offset + at, end: offset + at + word.length },
      text: word,
      kind: 'direction',
      reason: t(draftMessages, lang, 'problem.polish-direction', { word }),
      blocking: true,
    });
  }
  return out;
}

// ── entry point ───────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Draft `task` with the model. Resolves to a result whose status says whether the text may be used ('verified'),
 * must not be ('rejected', with the problems marked), or needs the user's material first ('needs-material', the
 * model not called). Rejects only for the model's failures (CrossfootError llm-*) and cancellation.
 */
export async function draftWithModel(task: LlmDraftTask, input: LlmDraftInput, options: LlmDraftOptions): Promise<LlmDraftResult> {
  switch (task) {
    case 'reasons':
      return draftReasons(input, options);
    case 'performance':
      return draftPerformance(input, options);
    case 'polish':
      return draftPolish(input, options);
  }
}
