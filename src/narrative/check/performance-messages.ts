/** zh-CN / en-US messages of the narrative's performance sentences against the self-evaluation forms (./performance). */
import { defineMessages } from '../../i18n';

interface AmountParams {
  subject: string;
  name: string;
  printed: string;
  value: string;
  cell: string;
}

export const performanceNarrativeMessages = defineMessages(
  {
    year: (p: { printed: string; year: number }) => `情况说明称在 ${p.printed} 年度部门决算中反映项目绩效自评结果，但本决算是 ${p.year} 年度的。`,
    count: (p: { printed: string; forms: number; cell: string }) =>
      `情况说明称共涉及 ${p.printed} 个一级项目，但工作簿中有 ${p.forms} 张项目绩效自评表（第一张在 ${p.cell}）。`,
    units: (p: { printed: string; forms: number; cell: string }) =>
      `情况说明称对 ${p.printed} 个部门（单位）开展整体支出绩效自评，但工作簿中有 ${p.forms} 张部门整体绩效自评表（第一张在 ${p.cell}）。`,
    funds: (p: { printed: string; n: number; budget: string; actual: string }) =>
      `情况说明称 ${p.n} 个项目的自评资金为 ${p.printed} 万元，但 ${p.n} 张项目绩效自评表的预算数合计 ${p.budget} 万元，执行数合计 ${p.actual} 万元。`,
    'funds-scope': (p: { printed: string; n: number; forms: number }) =>
      `情况说明称开展绩效自评的项目有 ${p.n} 个（资金 ${p.printed} 万元），工作簿中的项目绩效自评表有 ${p.forms} 张：口径不同，资金无法核对。`,
    overall: (p: { printed: string; actual: string; cell: string }) =>
      `情况说明称部门整体支出绩效自评的资金为 ${p.printed} 万元，但部门整体绩效自评表的执行数为 ${p.actual} 万元（${p.cell}）。`,
    'overall-basis': (p: { printed: string; actual: string; cell: string; project: string }) =>
      `情况说明称部门整体支出绩效自评的资金为 ${p.printed} 万元，这是整体绩效自评表的项目支出总额；部门整体支出执行数为 ${p.actual} 万元（${p.cell}）。`,
    budget: (p: AmountParams) => `情况说明中“${p.subject}”项目全年预算数为 ${p.printed} 万元，但“${p.name}”项目绩效自评表为 ${p.value} 万元（${p.cell}）。`,
    actual: (p: AmountParams) => `情况说明中“${p.subject}”项目执行数为 ${p.printed} 万元，但“${p.name}”项目绩效自评表为 ${p.value} 万元（${p.cell}）。`,
    rate: (p: { subject: string; printed: string; expected: string; actual: string; budget: string }) =>
      `情况说明中“${p.subject}”完成预算的 ${p.printed}%：按自评表中金额的精度，${p.actual} ÷ ${p.budget} 应为 ${p.expected}%。`,
    name: (p: { subject: string; name: string }) => `情况说明中的“${p.subject}”没有同名的项目绩效自评表，按名称和数字对应到“${p.name}”。`,
    unlinked: (p: { subject: string }) => `情况说明中“${p.subject}”的绩效自评综述找不到对应的项目绩效自评表，无法核对。`,
  },
  {
    year: (p: { printed: string; year: number }) => `The narrative reports the projects' self-evaluation "in the ${p.printed} final accounts", but these are the ${p.year} accounts.`,
    count: (p: { printed: string; forms: number; cell: string }) =>
      `The narrative counts ${p.printed} first-level projects, but the workbook holds ${p.forms} project self-evaluation forms (the first at ${p.cell}).`,
    units: (p: { printed: string; forms: number; cell: string }) =>
      `The narrative evaluates ${p.printed} department(s) as a whole, but the workbook holds ${p.forms} department self-evaluation form(s) (the first at ${p.cell}).`,
    funds: (p: { printed: string; n: number; budget: string; actual: string }) =>
      `The narrative gives the ${p.n} evaluated projects ${p.printed} (10k yuan), but the ${p.n} project forms' budgets add up to ${p.budget} and their actuals to ${p.actual}.`,
    'funds-scope': (p: { printed: string; n: number; forms: number }) =>
      `The narrative counts ${p.n} evaluated projects (funds ${p.printed}), the workbook holds ${p.forms} project forms: a different scope, so the funds cannot be checked.`,
    overall: (p: { printed: string; actual: string; cell: string }) =>
      `The narrative gives the department self-evaluation funds as ${p.printed}, but the department form's actual is ${p.actual} (${p.cell}).`,
    'overall-basis': (p: { printed: string; actual: string; cell: string; project: string }) =>
      `The narrative gives the department self-evaluation funds as ${p.printed}, which is the form's project expenditure; the department's actual spending is ${p.actual} (${p.cell}).`,
    budget: (p: AmountParams) => `The narrative gives "${p.subject}" a full-year budget of ${p.printed}, but the "${p.name}" form prints ${p.value} (${p.cell}).`,
    actual: (p: AmountParams) => `The narrative gives "${p.subject}" an actual of ${p.printed}, but the "${p.name}" form prints ${p.value} (${p.cell}).`,
    rate: (p: { subject: string; printed: string; expected: string; actual: string; budget: string }) =>
      `The narrative's completion of "${p.subject}", ${p.printed}%: at the precision of the form's amounts ${p.actual} ÷ ${p.budget} gives ${p.expected}%.`,
    name: (p: { subject: string; name: string }) => `No project form is named "${p.subject}"; by its name and figures it is "${p.name}".`,
    unlinked: (p: { subject: string }) => `No project self-evaluation form matches the narrative's summary of "${p.subject}"; it cannot be checked.`,
  },
);
