/**
 * The fact base: key access (preferred printing first) and subject-phrase lookup (exact label, normalised label,
 * function-subject name/code match), ordered by the lookup hint, the lexicon and the key's home table.
 */
import { classCodeForName } from '../recognise/catalog';
import { homeRank } from './keys';
import { normSubject, parseFunctionSubject, type SubjectPart } from './normalise';
import type { Fact, FactBase, LookupHint } from './types';

export interface RankedLabel {
  label: string;
  /** lower is the better default for this label */
  rank: number;
}

interface Candidate {
  fact: Fact;
  tier: number;
  rank: number;
}

const PERIOD_NEAR: Record<string, string[]> = {
  budget: ['budget', 'full-year-budget', 'initial-budget'],
  'full-year-budget': ['full-year-budget', 'budget', 'initial-budget'],
  'initial-budget': ['initial-budget', 'budget', 'full-year-budget'],
  current: ['current'],
};

export function createFactBase(facts: Fact[], ranks: Map<Fact, RankedLabel[]>): FactBase {
  const order = new Map(facts.map((f, i) => [f, i]));
  const prefer = (a: Fact, b: Fact) => homeRank(a.key, a.kind) - homeRank(b.key, b.kind) || order.get(a)! - order.get(b)!;

  const byKey = new Map<string, Fact[]>();
  for (const f of facts) {
    const list = byKey.get(f.key);
    if (list) list.push(f);
    else byKey.set(f.key, [f]);
  }
  for (const list of byKey.values()) list.sort(prefer);

  const exactIndex = new Map<string, Array<{ fact: Fact; rank: number }>>();
  const normIndex = new Map<string, Array<{ fact: Fact; rank: number }>>();
  const push = (m: Map<string, Array<{ fact: Fact; rank: number }>>, k: string, fact: Fact, rank: number) => {
    const list = m.get(k);
    if (list) list.push({ fact, rank });
    else m.set(k, [{ fact, rank }]);
  };
  for (const f of facts) {
    for (const { label, rank } of ranks.get(f) ?? f.labels.map((label, i) => ({ label, rank: i }))) {
      push(exactIndex, label.trim(), f, rank);
      push(normIndex, normSubject(label), f, rank);
    }
  }

  // function-subject directory: code → normalised names printed for it
  const subjectNames = new Map<string, Set<string>>();
  for (const f of facts) {
    if (!f.code || !/^\d+$/.test(f.code) || f.code.startsWith('3')) continue;
    const set = subjectNames.get(f.code) ?? new Set<string>();
    for (const l of f.labels) if (!/[（(]|-/.test(l)) set.add(normSubject(l));
    subjectNames.set(f.code, set);
  }

  function resolveCode(parts: SubjectPart[]): string | undefined {
    let code = '';
    const sorted = [...parts].sort((a, b) => a.level - b.level);
    for (const p of sorted) {
      const width = p.level === 1 ? 3 : p.level === 2 ? 5 : 7;
      if (p.digits) {
        if (p.digits.length === width) code = p.digits;
        else if (p.digits.length === 2 && code.length === width - 2) code += p.digits;
        else return undefined;
        continue;
      }
      const name = normSubject(p.name);
      if (!name) return undefined;
      const matches = [...subjectNames.entries()]
        .filter(([c, names]) => c.length === width && c.startsWith(code) && (names.has(name) || (p.level === 1 && names.has(`${name}支出`))))
        .map(([c]) => c);
      if (matches.length > 0) {
        code = matches.sort()[0];
        continue;
      }
      if (p.level === 1) {
        const c = classCodeForName(name) ?? classCodeForName(`${name}支出`);
        if (c) {
          code = c;
          continue;
        }
      }
      return undefined;
    }
    return code || undefined;
  }

  function lookup(subject: string, hint?: LookupHint): Fact[] {
    const found = new Map<Fact, Candidate>();
    const take = (fact: Fact, tier: number, rank: number) => {
      const have = found.get(fact);
      if (!have || tier < have.tier || (tier === have.tier && rank < have.rank)) found.set(fact, { fact, tier, rank });
    };
    const raw = subject.trim();
    if (!raw) return [];
    for (const { fact, rank } of exactIndex.get(raw) ?? []) take(fact, 0, rank);
    for (const { fact, rank } of normIndex.get(normSubject(raw)) ?? []) take(fact, 1, rank);
    const parts = parseFunctionSubject(raw);
    if (parts) {
      const code = resolveCode(parts);
      if (code) {
        for (const f of facts) {
          if (f.code !== code) continue;
          const measure = f.key.slice(f.key.lastIndexOf('.') + 1);
          const family = f.key.startsWith('gb.') ? 0 : f.key.startsWith('fiscal.') ? 1 : f.key.startsWith('income.') ? 5 : 2;
          take(f, 2, (measure === 'total' ? 0 : 100) + family * 10);
        }
      }
    }
    const scoreScope = (f: Fact) => (hint?.scope === undefined || f.scope === hint.scope ? 0 : 1);
    const scorePeriod = (f: Fact) => {
      if (hint?.period === undefined) return 0;
      const near = PERIOD_NEAR[hint.period] ?? [hint.period];
      const i = near.indexOf(f.period);
      return i < 0 ? near.length : i;
    };
    return [...found.values()]
      .sort(
        (a, b) =>
          a.tier - b.tier ||
          scoreScope(a.fact) - scoreScope(b.fact) ||
          scorePeriod(a.fact) - scorePeriod(b.fact) ||
          a.rank - b.rank ||
          prefer(a.fact, b.fact),
      )
      .map((c) => c.fact);
  }

  return {
    facts,
    byKey: (key) => byKey.get(key)?.[0],
    all: (key) => [...(byKey.get(key) ?? [])],
    lookup,
  };
}
