/**
 * The prompt files bundled into the add-in (webpack `asset/source`, see webpack.config.js): every prompts/*.md at
 * build time, so a new task's prompt file needs no change here. Browser bundle only (webpack's require.context).
 */
import type { PromptSet } from '../../../src/llm/prompts';
import { promptSetFromContext, type PromptContext } from './prompt-set';

// webpack's module API (the add-in's tsconfig has no Node or webpack types)
declare const require: { context(directory: string, useSubdirectories: boolean, regExp: RegExp): PromptContext };

export const bundledPrompts: PromptSet = promptSetFromContext(require.context('../../../prompts', false, /\.md$/));
