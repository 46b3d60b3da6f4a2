/** Generic pack: applies to every recognised table (declared note formulas, subject-code hierarchy). */
import { TABLE_KINDS } from '../../model/table';
import type { RulePack } from '../types';

export const genericPack: RulePack = {
  id: 'generic',
  version: '1.0.0',
  description: { 'zh-CN': '通用规则：表注公式、科目层级合计', 'en-US': 'Generic rules: formulas printed in table notes, subject-code footing' },
  rules: [
    {
      id: 'generic.declared-formula',
      description: { 'zh-CN': '表注中列明的计算公式', 'en-US': 'Formula printed in the table note' },
      severity: 'error',
      given: { kinds: [...TABLE_KINDS] },
      then: { fn: 'declaredFormulas' },
    },
    {
      id: 'generic.code-footing',
      description: {
        'zh-CN': '科目层级合计：合计 = Σ类，类 = Σ款，款 = Σ项',
        'en-US': 'Subject-code footing: total = Σ classes, class = Σ sections, section = Σ items',
      },
      severity: 'error',
      given: { kinds: [...TABLE_KINDS] },
      then: { fn: 'codeFooting' },
    },
  ],
};
