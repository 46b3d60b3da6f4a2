/**
 * The prompt files as the add-in gets them: webpack bundles every prompts/<task>.<lang>.md as a string (`asset/source`,
 * webpack.config.js) into a context module; this turns such a context into the `PromptSet` of src/llm/prompts.ts
 * (`reasons.zh-CN` → the file's text), exactly as `loadPromptSet()` does from the folder in Node.
 * Kept apart from ./prompts.ts (which calls webpack's require.context) so that node tests can run it.
 */
import type { PromptSet } from '../../../src/llm/prompts';

/** The part of a webpack context module used here: its keys ("./reasons.zh-CN.md") and the module of a key. */
export interface PromptContext {
  keys(): string[];
  (key: string): unknown;
}

export function promptSetFromContext(context: PromptContext): PromptSet {
  const out: Record<string, string> = {};
  for (const key of [...context.keys()].sort()) {
    const m = /^(?:.*\/)?([\w-]+\.[A-Za-z]{2}-[A-Za-z]{2})\.md$/.exec(key);
    if (!m) continue;
    const mod = context(key);
    const text = typeof mod === 'string' ? mod : (mod as { default?: unknown } | null)?.default;
    if (typeof text !== 'string') throw new Error(`prompt file ${key} was not bundled as text (webpack asset/source)`);
    out[m[1]] = text;
  }
  return out;
}
