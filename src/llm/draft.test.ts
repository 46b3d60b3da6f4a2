import { CrossfootError } from '../errors';
import { loadBook, priorOf, type LoadedBook } from '../../test/support/books';
import { scriptedChatModel, type ScriptedStep } from '../../test/support/scripted-chat-model';
import { draftWithModel, performanceSheets, type LlmDraftInput, type LlmDraftOptions, type LlmDraftTask } from './draft';
import { loadPromptSet } from './prompt-files';
import type { ChatModel, ChatRequest } from './types';

const prompts = loadPromptSet();

const userText = (r: ChatRequest) => r.messages.filter((m) => m.role === 'user')[0].content ?? '';
const lastUser = (r: ChatRequest) => r.messages.filter((m) => m.role === 'user').pop()!.content ?? '';
/** the placeholder names the prompt lists */
const namesOf = (r: ChatRequest) => [...userText(r).matchAll(/^- \{\{([^}]+)\}\}：/gm)].map((m) => m[1]);
const json = (x: unknown) => ({ content: JSON.stringify(x) });

function inputOf(book: LoadedBook, extra: Partial<LlmDraftInput> = {}): LlmDraftInput {
  return { facts: book.facts, recognition: book.recognition, workbook: book.workbook, year: book.year, department: book.department, ...extra };
}

async function run(task: LlmDraftTask, input: LlmDraftInput, steps: ScriptedStep[], options: Partial<LlmDraftOptions> = {}) {
  const model = scriptedChatModel(steps);
  const result = await draftWithModel(task, input, { model, prompts, ...options });
  return { result, model };
}

const material = [{ name: 'notes.txt', text: '2023年新增医保信息化项目3个，医保经办人员增加2人。' }];

describe('reasons (变动原因)', () => {
  let book: LoadedBook;
  let input: LlmDraftInput;
  beforeAll(async () => {
    book = await loadBook('seed-001');
    const prior = await priorOf('seed-001', { 'income.grand-total': '430.86', 'expenditure.grand-total': '430.86' });
    input = inputOf(book, { prior, sections: ['juesuan.overview'] });
  });

  it('without material asks instead of inventing: the model is never called', async () => {
    const { result, model } = await run('reasons', inputOf(book), []);
    expect(model.requests).toHaveLength(0);
    expect(result.status).toBe('needs-material');
    expect(result.text).toBe('');
    expect(result.message).toMatch(/只能根据您提供的材料/);
    expect(result.questions![0]).toBe('收入支出决算总体情况说明：“与2022年度相比，收、支总计……”——主要原因是什么？');
    // without last year's workbook the questions say what it would add
    expect(result.questions!.at(-1)).toMatch(/没有上年报表/);
    // whitespace is no material
    expect((await run('reasons', { ...input, material: [{ name: 'x', text: ' \n ' }] }, [])).result.status).toBe('needs-material');
  });

  it('orders the questions by the size of the change when last year is known', async () => {
    const b = await loadBook('seed-002');
    const prior = await priorOf('seed-002', { 'income.grand-total': '1,650.00', 'expenditure.grand-total': '1,650.00', 'three-public.actual.reception': '12.62', 'three-public.actual.total': '12.62' });
    const { result } = await run('reasons', inputOf(b, { prior }), [], { lang: 'en-US' });
    expect(result.questions![0]).toBe('收入支出决算总体情况说明: "与2021年度相比，收、支总计各增加59.37万元，增长3.60%" — what is the main reason?');
    expect(result.questions![1]).toMatch(/比2021年度减少1\.20万元，下降9\.51%/);
  });

  it('a correct draft is accepted: placeholders rendered from the facts, material numbers marked', async () => {
    const { result, model } = await run('reasons', { ...input, material }, [
      (req) => {
        const change = namesOf(req).find((n) => n.endsWith('增减额'))!;
        return json({ reasons: [{ id: 'R1', text: `新增医保信息化项目3个，支出相应增加{{${change}}}。` }] });
      },
    ]);
    expect(result.status).toBe('verified');
    expect(result.attempts).toBe(1);
    expect(result.text).toBe(
      '收入支出决算总体情况说明\n2023年度收、支总计442.86万元。与2022年度相比，收、支总计各增加12.00万元，增长2.79%，主要原因是新增医保信息化项目3个，支出相应增加12.00万元。',
    );
    expect(result.lines.map((l) => l.kind)).toEqual(['title', 'paragraph']);
    expect(result.problems.map((p) => [p.text, p.blocking, p.source])).toEqual([['3个', false, 'material']]);
    expect(result.text.slice(result.problems[0].span.start, result.problems[0].span.end)).toBe('3个');
    expect(result.message).toMatch(/来自您提供的材料/);
    expect(result.promptVersion).toBe('reasons-1');
    // the request: JSON Schema, the material as data in the user message only, the slot shown as 【R1】
    const req = model.requests[0];
    expect(req.responseFormat).toMatchObject({ type: 'json_schema', name: 'crossfoot_reasons' });
    expect(req.messages[0].role).toBe('system');
    expect(req.messages[0].content).not.toContain('医保经办人员');
    expect(userText(req)).toContain('<<<材料1：notes.txt\n2023年新增医保信息化项目3个');
    expect(userText(req)).toMatch(/R1（收入支出决算总体情况说明）：2023年度收、支总计\{\{[^}]+\}\}。.*主要原因是【R1】。/);
    expect(userText(req)).not.toMatch(/442\.86万元。与/); // the figures go as placeholders, their values in the list
  });

  it('a draft with a wrong number is retried with the verifier’s complaint, then rejected with the span marked', async () => {
    const wrong = json({ reasons: [{ id: 'R1', text: '新增医保信息化项目3个，支出增加50.00万元' }] });
    const { result, model } = await run('reasons', { ...input, material }, [wrong, wrong]);
    expect(model.requests).toHaveLength(2);
    expect(result.status).toBe('rejected');
    expect(result.attempts).toBe(2);
    expect(result.message).toMatch(/未被采用/);
    const blocking = result.problems.filter((p) => p.blocking);
    expect(blocking.map((p) => [p.kind, p.text])).toEqual([['change', '50.00万元']]);
    expect(result.text.slice(blocking[0].span.start, blocking[0].span.end)).toBe('50.00万元');
    // the second request carries the first answer and the complaint
    const second = model.requests[1];
    expect(second.messages.at(-2)).toEqual({ role: 'assistant', content: wrong.content });
    expect(lastUser(second)).toMatch(/上一次回答有下列问题/);
    expect(lastUser(second)).toContain('“50.00万元”');
  });

  it('a corrected second answer is accepted', async () => {
    const { result, model } = await run('reasons', { ...input, material }, [
      json({ reasons: [{ id: 'R1', text: '支出增加50.00万元' }] }),
      json({ reasons: [{ id: 'R1', text: '新增医保信息化项目' }] }),
    ]);
    expect(model.requests).toHaveLength(2);
    expect(result.status).toBe('verified');
    expect(result.text).toContain('主要原因是新增医保信息化项目。');
    expect(result.problems).toEqual([]);
  });

  it('malformed JSON is retried once; twice malformed is rejected', async () => {
    const once = await run('reasons', { ...input, material }, [{ content: '{"reasons": [{"id": "R1", "text": "新增项目"' }, json({ reasons: [{ id: 'R1', text: '新增医保信息化项目' }] })]);
    expect(once.result.status).toBe('verified');
    expect(once.result.attempts).toBe(2);
    expect(lastUser(once.model.requests[1])).toMatch(/不是符合格式的 JSON/);
    // an answer in a fence is fine, the schema is checked
    const fenced = await run('reasons', { ...input, material }, ['```json\n{"reasons":[{"id":"R1","text":"新增医保信息化项目"}]}\n```'].map((c) => ({ content: c })));
    expect(fenced.result.status).toBe('verified');
    const twice = await run('reasons', { ...input, material }, [{ content: 'not json' }, json({ reasons: 'R1: 新增项目' })]);
    expect(twice.result.status).toBe('rejected');
    expect(twice.result.message).toMatch(/没有按要求返回 JSON/);
    expect(twice.result.text).toBe('');
    expect(twice.model.requests).toHaveLength(2);
  });

  it('a placeholder that names no figure is a problem; a slot the material does not explain keeps its placeholder', async () => {
    const bad = json({ reasons: [{ id: 'R1', text: '支出增加{{不存在的数字}}' }] });
    const { result } = await run('reasons', { ...input, material }, [bad, bad]);
    expect(result.status).toBe('rejected');
    expect(result.problems.filter((p) => p.blocking).map((p) => p.text)).toEqual(['{{不存在的数字}}']);
    const empty = await run('reasons', { ...input, material }, [json({ reasons: [{ id: 'R1', text: '' }] })]);
    expect(empty.result.status).toBe('verified');
    expect(empty.result.text).toContain('主要原因是【待补充：变动原因】。');
    expect(empty.result.questions![0]).toMatch(/材料没有说明/);
  });

  it('falls back to JSON mode when the endpoint refuses JSON Schema, and starts with it when configured so', async () => {
    const requests: ChatRequest[] = [];
    const model: ChatModel = {
      endpoint: 'http://127.0.0.1:9/v1',
      model: 'm',
      async complete(req) {
        requests.push(req);
        if (req.responseFormat?.type === 'json_schema') {
          throw new CrossfootError('llm-http', { endpoint: 'http://127.0.0.1:9/v1', status: '400', reason: 'unsupported', detail: 'response_format json_schema' });
        }
        return { content: JSON.stringify({ reasons: [{ id: 'R1', text: '新增医保信息化项目' }] }), toolCalls: [], finishReason: 'stop' };
      },
    };
    let notices = 0;
    const r = await draftWithModel('reasons', { ...input, material }, { model, prompts, beforeRequest: () => notices++ });
    expect(r.status).toBe('verified');
    expect(requests.map((q) => q.responseFormat?.type)).toEqual(['json_schema', 'json_object']);
    expect(r.attempts).toBe(1);
    expect(notices).toBe(1);
    const configured = await run('reasons', { ...input, material }, [json({ reasons: [{ id: 'R1', text: '新增医保信息化项目' }] })], { structuredOutput: 'json_object' });
    expect(configured.model.requests[0].responseFormat).toEqual({ type: 'json_object' });
    // the prompt carries the schema in any case
    expect(configured.model.requests[0].messages[0].content).toContain('"reasons"');
  });

  it('other failures of the endpoint are not hidden', async () => {
    const model: ChatModel = {
      endpoint: 'e',
      model: 'm',
      complete: async () => {
        throw new CrossfootError('llm-unreachable', { endpoint: 'http://127.0.0.1:9/v1', detail: 'ECONNREFUSED' });
      },
    };
    await expect(draftWithModel('reasons', { ...input, material }, { model, prompts })).rejects.toMatchObject({ code: 'llm-unreachable' });
  });
});

describe('performance (绩效自评综述)', () => {
  let book: LoadedBook;
  beforeAll(async () => {
    book = await loadBook('seed-003');
  });

  it('says the workbook has no performance table and asks for material, without calling the model', async () => {
    const { result, model } = await run('performance', inputOf(book), []);
    expect(model.requests).toHaveLength(0);
    expect(result.status).toBe('needs-material');
    expect(result.message).toBe('本工作簿中没有可识别的绩效自评表。');
    expect(result.questions).toEqual([expect.stringMatching(/请提供绩效自评材料/)]);
  });

  it('drafts from the material: table figures by placeholder, the material’s numbers marked', async () => {
    const notes = [{ name: '自评.txt', text: '共对7个项目开展绩效自评，平均得分95.5分。' }];
    const { result, model } = await run('performance', inputOf(book, { material: notes }), [
      (req) => {
        const project = namesOf(req).find((n) => /项目支出/.test(n))!;
        return json({ paragraphs: [`本部门对7个项目开展绩效自评，涉及项目支出{{${project}}}，平均得分95.5分。`, '发现的问题：【待补充：发现的问题】。'] });
      },
    ]);
    expect(result.status).toBe('verified');
    expect(result.text).toBe('本部门对7个项目开展绩效自评，涉及项目支出920.15万元，平均得分95.5分。\n发现的问题：【待补充：发现的问题】。');
    expect(result.problems.map((p) => [p.text, p.blocking])).toEqual([
      ['7个', false],
      ['95.5分', false],
    ]);
    expect(userText(model.requests[0])).toContain('（本工作簿中没有可识别的绩效自评表）');
    // a number neither in the tables nor in the material is blocked
    const invented = json({ paragraphs: ['本部门对7个项目开展绩效自评，涉及资金520万元，平均得分95.5分。'] });
    const bad = await run('performance', inputOf(book, { material: notes }), [invented, invented]);
    expect(bad.result.status).toBe('rejected');
    expect(bad.result.problems.filter((p) => p.blocking).map((p) => p.text)).toEqual(['520万元']);
  });

  it('uses a sheet that looks like a self-assessment table as material, and says so', async () => {
    const workbook = {
      ...book.workbook,
      sheets: [
        ...book.workbook.sheets,
        {
          name: '项目绩效自评表',
          index: 99,
          hidden: false,
          merges: [],
          rows: [
            [{ row: 1, col: 1, value: '2024年度项目支出绩效自评表', text: '2024年度项目支出绩效自评表' }],
            [
              { row: 2, col: 1, value: '项目名称', text: '项目名称' },
              { row: 2, col: 2, value: '医疗救助经费', text: '医疗救助经费' },
            ],
            [
              { row: 3, col: 1, value: '执行率', text: '执行率' },
              { row: 3, col: 2, value: 0.98, text: '98%' },
            ],
          ],
        },
      ],
    };
    expect(performanceSheets(workbook, book.recognition).map((s) => s.name)).toEqual(['项目绩效自评表']);
    const { result, model } = await run('performance', inputOf(book, { workbook }), [json({ paragraphs: ['医疗救助经费项目执行率98%。'] })]);
    expect(userText(model.requests[0])).toContain('<<<工作表：项目绩效自评表\n2024年度项目支出绩效自评表\n项目名称\t医疗救助经费\n执行率\t98%\n>>>');
    expect(result.status).toBe('verified');
    expect(result.problems.map((p) => [p.text, p.blocking])).toEqual([['98%', false]]);
    expect(result.message).toMatch(/^工作表“项目绩效自评表”像是绩效自评表/);
  });
});

describe('polish', () => {
  let book: LoadedBook;
  let input: LlmDraftInput;
  beforeAll(async () => {
    book = await loadBook('seed-001');
    input = inputOf(book, { sections: ['juesuan.income', 'juesuan.expenditure'] });
  });

  /** the draft paragraphs of the prompt, with placeholders, as the model saw them */
  const draftLines = (req: ChatRequest) => [...userText(req).matchAll(/^P\d+：(.*)$/gm)].map((m) => m[1]);

  it('rewording that keeps every figure is accepted, and the figures are the draft’s', async () => {
    const { result, model } = await run('polish', input, [(req) => json({ paragraphs: draftLines(req).map((p) => p.replace('其中：', '其中，').replace(/^2023年度/, '2023年')) })]);
    expect(draftLines(model.requests[0])).toHaveLength(2);
    expect(draftLines(model.requests[0])[0]).not.toMatch(/\d{3}\.\d{2}/);
    expect(result.status).toBe('verified');
    expect(result.problems).toEqual([]);
    expect(result.text).toBe(
      '收入决算情况说明\n2023年收入合计442.86万元。其中，财政拨款收入442.86万元，占本年收入100.00%。\n' +
        '支出决算情况说明\n2023年支出合计442.86万元。其中，基本支出243.12万元，占本年支出54.90%；项目支出199.74万元，占本年支出45.10%。',
    );
  });

  it('a figure typed by the model, a dropped figure and a changed direction are rejected', async () => {
    const typed = (req: ChatRequest) => json({ paragraphs: draftLines(req).map((p, i) => (i === 1 ? p.replace(/\{\{基本支出\}\}/, '243.21万元') : p)) });
    const r1 = await run('polish', input, [typed, typed]);
    expect(r1.result.status).toBe('rejected');
    expect(r1.result.problems.filter((p) => p.blocking).map((p) => p.text)).toEqual(expect.arrayContaining(['243.21万元']));
    expect(lastUser(r1.model.requests[1])).toContain('243.21万元');

    const dropped = (req: ChatRequest) => json({ paragraphs: draftLines(req).map((p, i) => (i === 1 ? p.replace(/，占本年支出\{\{[^}]+\}\}；/, '；') : p)) });
    const r2 = await run('polish', input, [dropped, dropped]);
    expect(r2.result.status).toBe('rejected');
    expect(r2.result.problems.map((p) => p.reason)).toEqual(expect.arrayContaining([expect.stringMatching(/润色稿漏掉了草稿中的“54\.90%”/)]));

    const direction = (req: ChatRequest) => json({ paragraphs: draftLines(req).map((p, i) => (i === 0 ? `${p}比上年有所增加。` : p)) });
    const r3 = await run('polish', input, [direction, direction]);
    expect(r3.result.status).toBe('rejected');
    expect(r3.result.problems.filter((p) => p.kind === 'direction').map((p) => p.text)).toEqual(['增加']);
  });

  it('a polished text with another number of paragraphs is sent back', async () => {
    const { result, model } = await run('polish', input, [
      (req) => json({ paragraphs: [draftLines(req).join('')] }),
      (req) => json({ paragraphs: draftLines(req) }),
    ]);
    expect(model.requests).toHaveLength(2);
    expect(lastUser(model.requests[1])).toMatch(/润色稿有 1 段，草稿有 2 段/);
    expect(result.status).toBe('verified');
  });
});
