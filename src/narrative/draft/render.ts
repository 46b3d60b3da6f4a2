/**
 * The renderer: sentence templates (data, see ./wording) with named slots `{name}` filled from slot values into a
 * paragraph that records where every number and every placeholder landed.
 */
import { formatAmount } from '../../amount/parse';
import Decimal from 'decimal.js';
import type { DraftFigure, DraftParagraph, DraftPlaceholder, PlaceholderKind } from './types';

/** Half-up rounding to `decimals`, printed with that many decimals (and thousands separators when asked). */
export function formatDecimal(value: Decimal, decimals: number, thousands = false): string {
  return formatAmount(value, decimals, { thousands });
}

/** The text of a placeholder. */
export function placeholderText(label: string): string {
  return `【待补充：${label}】`;
}

export class ParagraphBuilder {
  private text = '';
  private readonly figures: DraftFigure[] = [];
  private readonly placeholders: DraftPlaceholder[] = [];

  add(s: string): this {
    this.text += s;
    return this;
  }

  /** a number, recorded with its span; the unit text (when given) follows it unrecorded */
  figure(fig: Omit<DraftFigure, 'span'>, unitText = fig.unit): this {
    const start = this.text.length;
    this.text += fig.printed;
    this.figures.push({ ...fig, span: [start, this.text.length] });
    this.text += unitText;
    return this;
  }

  placeholder(kind: PlaceholderKind, label: string): this {
    const start = this.text.length;
    this.text += placeholderText(label);
    this.placeholders.push({ kind, label, span: [start, this.text.length] });
    return this;
  }

  get length(): number {
    return this.text.length;
  }

  build(): DraftParagraph {
    return { text: this.text, figures: [...this.figures], placeholders: [...this.placeholders] };
  }
}

/** A slot value: literal text, a writer (a figure, a placeholder, a nested template), or several in a row. */
export type Slot = string | ((b: ParagraphBuilder) => void) | Slot[];
export type Slots = Record<string, Slot | undefined>;

function write(b: ParagraphBuilder, slot: Slot): void {
  if (typeof slot === 'string') b.add(slot);
  else if (typeof slot === 'function') slot(b);
  else for (const s of slot) write(b, s);
}

const SLOT_RE = /\{([A-Za-z][\w.-]*)\}/g;

/** The slot names a template uses, in order. */
export function slotNames(template: string): string[] {
  return [...template.matchAll(SLOT_RE)].map((m) => m[1]);
}

/**
 * Render `template` into `b`. Every `{name}` must have a slot (a template that names a slot the drafter does not
 * fill is a bug in the template data, caught by the tests).
 */
export function render(b: ParagraphBuilder, template: string, slots: Slots = {}): void {
  let last = 0;
  for (const m of template.matchAll(SLOT_RE)) {
    b.add(template.slice(last, m.index));
    const slot = slots[m[1]];
    if (slot === undefined) throw new Error(`draft template slot {${m[1]}} has no value: ${template}`);
    write(b, slot);
    last = m.index! + m[0].length;
  }
  b.add(template.slice(last));
}

/** A nested template as a slot. */
export function tpl(template: string, slots: Slots = {}): Slot {
  return (b) => render(b, template, slots);
}

/** Slots joined by a separator (“；”, “、”), skipping undefined ones. */
export function join(parts: Array<Slot | undefined>, sep: string): Slot {
  const kept = parts.filter((p): p is Slot => p !== undefined);
  const out: Slot[] = [];
  kept.forEach((p, i) => {
    if (i > 0) out.push(sep);
    out.push(p);
  });
  return out;
}

/** One paragraph from a template. */
export function paragraph(template: string, slots: Slots = {}): DraftParagraph {
  const b = new ParagraphBuilder();
  render(b, template, slots);
  return b.build();
}
