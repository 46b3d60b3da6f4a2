/** zh-CN / en-US messages of grounded drafting with a language model (src/llm/draft.ts). */
import { defineMessages } from '../i18n';

export const draftMessages = defineMessages(
  {
    'question.reason': (p: { section: string; sentence: string }) => `${p.section}：“${p.sentence}”——主要原因是什么？`,
    'question.no-prior': '（没有上年报表，变动额和增减方向无法算出；提供上年工作簿后可以写得更具体。）',
    'reasons.none-needed': '草稿中没有需要说明原因的变动。',
    'reasons.needs-material':
      '变动原因只能根据您提供的材料起草（如情况说明的素材、项目清单、上年的情况说明），不会凭空编写。请先提供材料，并回答下列问题：',
    'reasons.unexplained': '材料没有说明下列变动的原因，草稿中保留了“【待补充：变动原因】”：',
    'performance.none': '本工作簿中没有可识别的绩效自评表。',
    'performance.needs-material': '请提供绩效自评材料（部门整体和项目支出绩效自评表或自评报告的文字），草稿只根据这些材料和报表数字起草。',
    'performance.sheets': (p: { sheets: string }) =>
      `工作表${p.sheets}像是绩效自评表：勾稽助手不能把其中的数字与其他报表核对，只把它们作为材料使用，草稿中来自这些表的数字会被标注。`,
    'performance.forms': (p: { forms: number }) =>
      `草稿根据工作簿中的 ${p.forms} 张绩效自评表起草：预算数、执行数、执行率、得分和项目个数取自表中并已核对；绩效指标的目标值和完成值照录自表中，未与报表核对，草稿中会被标注。`,
    'rejected.json': '模型两次都没有按要求返回 JSON，草稿未被采用。',
    'rejected.verify': '模型的草稿中有与报表不符或无法核实的内容，要求它改正一次后仍然如此，草稿未被采用。标出的位置需要修改。',
    'verified.marked': '草稿中的报表数字都已核对；标出的数字来自您提供的材料，未与报表核对，请确认。',
    'problem.unknown-placeholder': (p: { name: string }) => `占位符 {{${p.name}}} 不在数字清单中，无法换成报表数字。`,
    'problem.polish-added': (p: { text: string }) => `润色稿多出了草稿中没有的数字“${p.text}”。`,
    'problem.polish-dropped': (p: { text: string }) => `润色稿漏掉了草稿中的“${p.text}”。`,
    'problem.polish-direction': (p: { word: string }) => `润色稿中的“${p.word}”改变了草稿的增减方向。`,
    'problem.polish-paragraphs': (p: { expected: number; got: number }) => `润色稿有 ${p.got} 段，草稿有 ${p.expected} 段，必须一一对应。`,
    'problem.unknown-id': (p: { id: string }) => `编号 ${p.id} 不在待说明的变动中。`,
    'problem.empty': '回答中没有任何段落。',
  },
  {
    'question.reason': (p: { section: string; sentence: string }) => `${p.section}: "${p.sentence}" — what is the main reason?`,
    'question.no-prior': '(Without last year’s workbook the change and its direction cannot be computed; give it to make the draft more specific.)',
    'reasons.none-needed': 'The draft has no change whose reason is to be given.',
    'reasons.needs-material':
      'Reasons for change are drafted only from material you provide (notes, a project list, last year’s narrative), never invented. Provide material first, answering these questions:',
    'reasons.unexplained': 'The material does not explain these changes; the draft keeps “【待补充：变动原因】” for them:',
    'performance.none': 'This workbook holds no performance self-assessment table that crossfoot recognises.',
    'performance.needs-material':
      'Provide the performance self-assessment material (the text of the department and project self-assessment tables or report); the draft is written only from it and the tables’ figures.',
    'performance.sheets': (p: { sheets: string }) =>
      `Sheet(s) ${p.sheets} look like performance self-assessment tables: their figures cannot be checked against the other tables, so they are used as material and marked in the draft.`,
    'performance.forms': (p: { forms: number }) =>
      `Drafted from the workbook's ${p.forms} performance self-evaluation form(s): budgets, actuals, execution rates, scores and the number of projects come from the forms and were verified; the indicators' targets and results are copied from the forms unverified, and marked in the draft.`,
    'rejected.json': 'Twice the model did not return the JSON asked for; the draft was not used.',
    'rejected.verify':
      'The model’s draft has figures that differ from the tables or cannot be verified, and still did after one request to correct them; the draft was not used. The marked places need changing.',
    'verified.marked': 'Every figure from the tables was verified; the marked figures come from your material and were not checked against the tables: confirm them.',
    'problem.unknown-placeholder': (p: { name: string }) => `The placeholder {{${p.name}}} is not in the list of figures; it cannot be replaced by a table figure.`,
    'problem.polish-added': (p: { text: string }) => `The polished text has a figure the draft does not: "${p.text}".`,
    'problem.polish-dropped': (p: { text: string }) => `The polished text leaves out "${p.text}" of the draft.`,
    'problem.polish-direction': (p: { word: string }) => `"${p.word}" in the polished text changes the draft's direction of change.`,
    'problem.polish-paragraphs': (p: { expected: number; got: number }) => `The polished text has ${p.got} paragraphs, the draft ${p.expected}: they must correspond one to one.`,
    'problem.unknown-id': (p: { id: string }) => `${p.id} is not one of the changes to explain.`,
    'problem.empty': 'The answer has no paragraph.',
  },
);

/** Text for the model (the prompts are Chinese): the complaint sent back with a retry. */
export const COMPLAINT = {
  intro: '你的上一次回答有下列问题。请改正后重新输出完整的 JSON 对象（不要解释）：',
  json: (error: string) => `回答不是符合格式的 JSON：${error}`,
  rule: '报表数字只能写数字清单中的占位符；材料中没有的内容写“【待补充：…】”，不要猜测；不要改变增减方向。',
  none: '（无）',
  noTables: '（本工作簿中没有可识别的绩效自评表）',
};
