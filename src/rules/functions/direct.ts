/**
 * Check functions that report findings of their own rather than relations (CheckSpec `declaredFormulasReadable`,
 * `unitLabels`): the engine calls them once every relation is evaluated, since the unit-label check reads the ties'
 * verdicts. `generate` (relations.ts) produces nothing for these rules.
 */
import type { Lang } from '../../i18n';
import type { RuleContext } from '../context';
import type { EvaluatedRelation, Finding, RuleDef } from '../types';
import { applies } from './relations';
import { declaredFormulaFindings } from './note-formulas';
import { unitLabelFindings } from './unit-labels';

export function directFindings(ctx: RuleContext, rules: RuleDef[], relations: EvaluatedRelation[], lang: Lang): Finding[] {
  const out: Finding[] = [];
  for (const rule of rules) {
    if (!applies(ctx, rule)) continue;
    if (rule.then.fn === 'declaredFormulasReadable') out.push(...declaredFormulaFindings(ctx, rule, lang));
    else if (rule.then.fn === 'unitLabels') out.push(...unitLabelFindings(ctx, rule, rules, relations, lang));
  }
  return out;
}
