/** Generic pack: applies to every recognised table (declared note formulas, subject-code hierarchy, unit labels). */
import { TABLE_KINDS } from '../../model/table';
import type { RulePack } from '../types';

export const genericPack: RulePack = {
  id: 'generic',
  version: '1.1.0',
  description: {
    'zh-CN': '通用规则：表注公式、科目层级合计、金额单位标注',
    'en-US': 'Generic rules: formulas printed in table notes, subject-code footing, unit labels',
  },
  rules: [
    {
      id: 'generic.declared-formula',
      description: { 'zh-CN': '表注中列明的计算公式', 'en-US': 'Formula printed in the table note' },
      severity: 'error',
      given: { kinds: [...TABLE_KINDS] },
      then: { fn: 'declaredFormulas' },
    },
    {
      // a declared check that cannot be made must be visible: a reviewer would otherwise believe it was made
      id: 'generic.declared-formula-readable',
      description: {
        'zh-CN': '表注公式能够识别，且公式中的行次、栏次在表中都存在',
        'en-US': 'Formulas printed in table notes can be read, and the lines and columns they name exist in the table',
      },
      severity: 'warning',
      given: { kinds: [...TABLE_KINDS] },
      then: { fn: 'declaredFormulasReadable' },
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
    {
      // reported only from ties between tables: magnitudes alone (a 元 table of small figures) are not evidence
      id: 'generic.unit-label',
      description: {
        'zh-CN': '金额单位标注与表间勾稽一致：相同含义的数字不应只在相差 10000 倍时才相符',
        'en-US': 'Unit labels agree with the ties between tables: figures of the same meaning must not agree only 10,000 times apart',
      },
      severity: 'error',
      given: { kinds: [...TABLE_KINDS] },
      then: { fn: 'unitLabels' },
    },
  ],
};
