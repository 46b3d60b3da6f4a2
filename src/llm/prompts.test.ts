import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadPromptSet, promptsDir } from './prompt-files';
import { parsePrompt, PROMPT_VARIABLES, PromptError, renderPrompt, type PromptTask } from './prompts';

const ROOT = path.join(__dirname, '..', '..');
const prompts = loadPromptSet();

describe('the prompt files', () => {
  it('are found from the sources and from the build (dist/src/llm)', () => {
    expect(promptsDir()).toBe(path.join(ROOT, 'prompts'));
    expect(promptsDir(path.join(ROOT, 'dist', 'src', 'llm'))).toBe(path.join(ROOT, 'prompts'));
    expect(() => promptsDir(path.join(ROOT, 'test', 'fixtures', 'books', 'x', 'y'))).toThrow(/prompt files are missing/);
  });

  it('include a Chinese prompt for every drafting task', () => {
    for (const task of ['reasons', 'performance', 'polish']) expect(Object.keys(prompts)).toContain(`${task}.zh-CN`);
  });

  it.each(Object.keys(loadPromptSet()))('%s parses, has a version, and uses only variables its task supplies', (name) => {
    const p = parsePrompt(name, prompts[name]);
    expect(p.version).toMatch(/\S/);
    expect(p.system.length).toBeGreaterThan(50);
    expect(p.user.length).toBeGreaterThan(5);
    const task = name.split('.')[0] as PromptTask;
    expect(Object.keys(PROMPT_VARIABLES)).toContain(task);
    const supplied: readonly string[] = PROMPT_VARIABLES[task];
    expect(p.variables.filter((v) => !supplied.includes(v))).toEqual([]);
    // every variable supplied renders, and nothing of the template syntax is left but the escaped examples
    const vars = Object.fromEntries(supplied.map((v) => [v, `<${v}>`]));
    const r = renderPrompt(prompts, task, 'zh-CN', vars);
    expect(`${r.system}\n${r.user}`).not.toMatch(/\\\{\{/);
    for (const v of p.variables) expect(`${r.system}\n${r.user}`).toContain(`<${v}>`);
  });

  it('drafting prompts use the variables that carry the data (figures, material, the answer format)', () => {
    for (const task of ['reasons', 'performance', 'polish'] as const) {
      const used = parsePrompt(task, prompts[`${task}.zh-CN`]).variables;
      expect(used).toEqual(expect.arrayContaining(['数字清单', '输出格式']));
    }
    expect(parsePrompt('reasons', prompts['reasons.zh-CN']).variables).toEqual(expect.arrayContaining(['材料', '待说明的变动']));
    expect(parsePrompt('performance', prompts['performance.zh-CN']).variables).toEqual(expect.arrayContaining(['材料', '绩效表格']));
    expect(parsePrompt('polish', prompts['polish.zh-CN']).variables).toContain('草稿');
  });
});

describe('parsePrompt / renderPrompt', () => {
  const file = 'version: t-7\n\n## system\n写{{文档类型}}。占位符写成 \\{{收入合计}}。\n\n## user\n{{材料}}\n';

  it('reads the version, the two parts and the variables; an escaped placeholder is literal', () => {
    const p = parsePrompt('x.zh-CN', file);
    expect(p).toEqual({ name: 'x.zh-CN', version: 't-7', system: '写{{文档类型}}。占位符写成 \\{{收入合计}}。', user: '{{材料}}', variables: ['文档类型', '材料'] });
    const r = renderPrompt({ 'x.zh-CN': file }, 'x', 'en-US', { 文档类型: '部门决算', 材料: 'A{{B}}' });
    expect(r).toEqual({ name: 'x.zh-CN', version: 't-7', system: '写部门决算。占位符写成 {{收入合计}}。', user: 'A{{B}}' });
  });

  it('prefers the file of the language asked for', () => {
    const set = { 'x.zh-CN': file, 'x.en-US': 'version: e1\n## system\nWrite {{文档类型}}.\n## user\nGo.' };
    expect(renderPrompt(set, 'x', 'en-US', { 文档类型: 'a budget' }).system).toBe('Write a budget.');
  });

  it('refuses a file without a version, without both parts, and a variable with no value', () => {
    expect(() => parsePrompt('a', '## system\nx\n## user\ny')).toThrow(PromptError);
    expect(() => parsePrompt('a', 'version: 1\n## system\nx')).toThrow(/needs a "## system" and a "## user"/);
    expect(() => parsePrompt('a', 'version: 1\nstray\n## system\nx\n## user\ny')).toThrow(/text before/);
    expect(() => renderPrompt({ 'x.zh-CN': file }, 'x', 'zh-CN', { 文档类型: 'y' })).toThrow(/no value for \{\{材料\}\}/);
    expect(() => renderPrompt({}, 'nothing', 'zh-CN', {})).toThrow(/no prompt file/);
  });

  it('loads every .md file of the folder', () => {
    expect(fs.readdirSync(path.join(ROOT, 'prompts')).filter((f) => f.endsWith('.md')).length).toBe(Object.keys(prompts).length);
  });
});
