/**
 * Node only: the package's prompt files (prompts/*.md) as a PromptSet. Found from this module's own place, so that it
 * works from the sources (src/llm/, tests with ts-jest) and from the build (dist/src/llm/, the CLI), whatever the
 * working directory. The add-in does not import this module: it bundles the files (webpack `asset/source`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PromptSet } from './prompts';

/**
 * The prompts/ folder of the package, from the folder of this module: src/llm/ (sources) → ../../prompts;
 * dist/src/llm/ (the build) → ../../../prompts.
 */
export function promptsDir(from: string = __dirname): string {
  const candidates = [path.join(from, '..', '..', 'prompts'), path.join(from, '..', '..', '..', 'prompts')];
  const found = candidates.find((d) => fs.existsSync(path.join(d, 'reasons.zh-CN.md')));
  if (!found) throw new Error(`crossfoot: the prompt files are missing (looked in ${candidates.join(', ')})`);
  return found;
}

/** Every `<task>.<lang>.md` of the folder (default: the package's), by name without `.md`. */
export function loadPromptSet(dir: string = promptsDir()): PromptSet {
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(dir).sort()) {
    const m = /^([\w-]+\.[A-Za-z]{2}-[A-Za-z]{2})\.md$/.exec(f);
    if (m) out[m[1]] = fs.readFileSync(path.join(dir, f), 'utf8');
  }
  return out;
}
