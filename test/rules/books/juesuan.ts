/**
 * A complete, consistent 部门决算 workbook (J1–J9, one table per sheet "表1"…"表9", 万元), laid out as the Wuhan
 * templates print it (行次/栏次, 合计 row first), with or without the formula notes. Every standard relation of the
 * juesuan pack holds in it; scenarios patch one cell to make a rule fail.
 *
 * Money: 一般公共预算 1,171.77 (basic 205.97 = personnel 174.04 + operating 31.93, project 965.80), 政府性基金 35.04
 * (opening 5.00 = closing 5.00), 国有资本经营 12.00, and 10.00 of non-fiscal income (其他收入 by default) spent on the
 * 2101502 project line. 三公: budget 28.00 / actual 25.93.
 */
import type { MemorySheetSpec } from '../../../src/adapters/memory';
import { sheet, table, threePublicWide, twoSided, type Num } from '../harness';

export type ThreePublicLayout = 'labelled' | 'wide' | 'vertical';
export type NonFiscal = 'superior-subsidy' | 'service' | 'business' | 'subordinate' | 'other';

export interface JuesuanBookOptions {
  /** print the Wuhan formula notes (then the template rules stay silent, the declared formulas run) */
  formulas?: boolean;
  /** 三公 table: wide with a 合计 row label (default), wide without label (Wuhan print), vertical (Jiangxi) */
  threePublic?: ThreePublicLayout;
  /** where the 10.00 of non-fiscal income comes from */
  nonFiscal?: NonFiscal;
  /** sheets to leave out ("表7") */
  omit?: string[];
}

const NON_FISCAL: NonFiscal[] = ['superior-subsidy', 'service', 'business', 'subordinate', 'other'];

/** J3 / J2 rows: code, name, total, basic, project (all spending, fiscal and not). */
const ALL_ROWS: Array<[string, string, number, number | null, number | null]> = [
  ['208', '社会保障和就业支出', 11.3, 11.3, null],
  ['20805', '行政事业单位养老支出', 11.3, 11.3, null],
  ['2080501', '行政单位离退休', 2.0, 2.0, null],
  ['2080505', '机关事业单位基本养老保险缴费支出', 9.3, 9.3, null],
  ['210', '卫生健康支出', 1153.95, 178.15, 975.8],
  ['21011', '行政事业单位医疗', 13.67, 13.67, null],
  ['2101101', '行政单位医疗', 4.78, 4.78, null],
  ['2101103', '公务员医疗补助', 8.89, 8.89, null],
  ['21015', '医疗保障管理事务', 1140.28, 164.48, 975.8],
  ['2101501', '行政运行', 164.48, 164.48, null],
  ['2101502', '一般行政管理事务', 975.8, null, 975.8],
  ['221', '住房保障支出', 16.52, 16.52, null],
  ['22102', '住房改革支出', 16.52, 16.52, null],
  ['2210201', '住房公积金', 16.52, 16.52, null],
  ['223', '国有资本经营预算支出', 12.0, null, 12.0],
  ['22301', '解决历史遗留问题及改革成本支出', 12.0, null, 12.0],
  ['2230105', '国有企业退休人员社会化管理补助支出', 12.0, null, 12.0],
  ['229', '其他支出', 35.04, null, 35.04],
  ['22960', '彩票公益金安排的支出', 35.04, null, 35.04],
  ['2296013', '用于城乡医疗救助的彩票公益金支出', 35.04, null, 35.04],
];
const ALL_TOTAL: [number, number, number] = [1228.81, 205.97, 1022.84];
/** codes whose spending includes the 10.00 of non-fiscal money */
const NON_FISCAL_CODES = new Set(['210', '21015', '2101502']);

/** J5: the general budget part of ALL_ROWS */
const GENERAL_CLASSES = new Set(['208', '210', '221']);
const general = (): Array<[string, string, number, number | null, number | null]> =>
  ALL_ROWS.filter(([code]) => GENERAL_CLASSES.has(code.slice(0, 3))).map(([code, name, t, b, p]) =>
    NON_FISCAL_CODES.has(code) ? [code, name, round(t - 10), b, p === null ? null : round(p - 10)] : [code, name, t, b, p],
  );

const round = (v: number) => Math.round(v * 100) / 100;

export function juesuanBook(opts: JuesuanBookOptions = {}): MemorySheetSpec[] {
  const f = opts.formulas ?? false;
  const nf = opts.nonFiscal ?? 'other';
  const note = (text: string, formula: string) => [text, ...(f ? [formula] : [])];
  const sheets: MemorySheetSpec[] = [];
  const add = (name: string, s: MemorySheetSpec) => {
    if (!opts.omit?.includes(name)) sheets.push(s);
  };
  const nfv = (k: NonFiscal): Num => (k === nf ? 10 : null);

  // —— 表1 收入支出决算总表 ——
  add(
    '表1',
    sheet(
      '表1',
      twoSided({
        title: '2022 年度收入支出决算总表（表 1）',
        income: { columns: ['金额'] },
        expenditure: { columns: ['金额'] },
        hangci: true,
        lanci: true,
        rows: [
          [['一、一般公共预算财政拨款收入', 1, 1171.77], ['一、一般公共服务支出', 13, null]],
          [['二、政府性基金预算财政拨款收入', 2, 35.04], ['八、社会保障和就业支出', 14, 11.3]],
          [['三、国有资本经营预算财政拨款收入', 3, 12.0], ['九、卫生健康支出', 15, 1153.95]],
          [['四、上级补助收入', 4, nfv('superior-subsidy')], ['十九、住房保障支出', 16, 16.52]],
          [['五、事业收入', 5, nfv('service')], ['二十一、国有资本经营预算支出', 17, 12.0]],
          [['六、经营收入', 6, nfv('business')], ['二十三、其他支出', 18, 35.04]],
          [['七、附属单位上缴收入', 7, nfv('subordinate')], null],
          [['八、其他收入', 8, nfv('other')], null],
          [['本年收入合计', 9, 1228.81], ['本年支出合计', 19, 1228.81]],
          [['使用非财政拨款结余', 10, null], ['结余分配', 20, null]],
          [['年初结转和结余', 11, 5.0], ['年末结转和结余', 21, 5.0]],
          [['总计', 12, 1233.81], ['总计', 22, 1233.81]],
        ],
        notes: note(
          '注：本表反映部门本年度的总收支和年末结转结余情况。',
          '9行=（1+2+3+4+5+6+7+8）行；12行=（9+10+11）行；19行=（13+14+…+18）行；22行=（19+20+21）行。',
        ),
      }),
    ),
  );

  // —— 表2 收入决算表 ——
  const incomeRow = (code: string, name: string, total: number): Num[] => {
    const other = NON_FISCAL_CODES.has(code) ? 10 : null;
    const fiscal = other ? round(total - 10) : total;
    return [code, name, total, fiscal, ...NON_FISCAL.map((k) => (k === nf ? other : null))];
  };
  add(
    '表2',
    sheet(
      '表2',
      table({
        title: '2022 年度收入决算表（表 2）',
        labels: ['功能分类科目编码', '科目名称'],
        columns: ['本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'],
        lanci: true,
        rows: [
          [null, '合计', 1228.81, 1218.81, ...NON_FISCAL.map((k) => nfv(k))],
          ...ALL_ROWS.map(([code, name, total]) => incomeRow(code, name, total)),
        ],
        notes: note('注：本表反映部门本年度取得的各项收入情况。', '1栏各行=（2+3+4+5+6+7）栏各行。'),
      }),
    ),
  );

  // —— 表3 支出决算表 ——
  add(
    '表3',
    sheet(
      '表3',
      table({
        title: '2022 年度支出决算表（表 3）',
        labels: ['功能分类科目编码', '科目名称'],
        columns: ['本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'],
        lanci: true,
        rows: [[null, '合计', ...ALL_TOTAL, null, null, null], ...ALL_ROWS.map(([code, name, t, b, p]) => [code, name, t, b, p, null, null, null])],
        notes: note('注：本表反映部门本年度各项支出情况。', '1栏各行=（2+3+4+5+6）栏各行。'),
      }),
    ),
  );

  // —— 表4 财政拨款收入支出决算总表 ——
  add(
    '表4',
    sheet(
      '表4',
      twoSided({
        title: '2022 年度财政拨款收入支出决算总表（表 4）',
        income: { columns: ['金额'] },
        expenditure: { columns: ['合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'] },
        hangci: true,
        lanci: true,
        rows: [
          [['一、一般公共预算财政拨款', 1, 1171.77], ['八、社会保障和就业支出', 10, 11.3, 11.3, null, null]],
          [['二、政府性基金预算财政拨款', 2, 35.04], ['九、卫生健康支出', 11, 1143.95, 1143.95, null, null]],
          [['三、国有资本经营预算财政拨款', 3, 12.0], ['十九、住房保障支出', 12, 16.52, 16.52, null, null]],
          [null, ['二十一、国有资本经营预算支出', 13, 12.0, null, null, 12.0]],
          [null, ['二十三、其他支出', 14, 35.04, null, 35.04, null]],
          [['本年收入合计', 4, 1218.81], ['本年支出合计', 15, 1218.81, 1171.77, 35.04, 12.0]],
          [['年初财政拨款结转和结余', 5, 5.0], ['年末财政拨款结转和结余', 16, 5.0, null, 5.0, null]],
          [['一般公共预算财政拨款', 6, null], null],
          [['政府性基金预算财政拨款', 7, 5.0], null],
          [['国有资本经营预算财政拨款', 8, null], null],
          [['总计', 9, 1223.81], ['总计', 17, 1223.81, 1171.77, 40.04, 12.0]],
        ],
        notes: note(
          '注：本表反映部门本年度财政拨款的总收支和年末结转结余情况。',
          '4行=（1+2+3）行；5行=（6+7+8）行；9行=（4+5）行；15行=（10+11+…+14）行；17行=（15+16）行。',
        ),
      }),
    ),
  );

  // —— 表5 一般公共预算财政拨款支出决算表 ——
  add(
    '表5',
    sheet(
      '表5',
      table({
        title: '2022 年度一般公共预算财政拨款支出决算表（表 5）',
        labels: ['功能分类科目编码', '科目名称'],
        columns: ['本年支出/小计', '本年支出/基本支出', '本年支出/项目支出'],
        lanci: true,
        rows: [[null, '合计', 1171.77, 205.97, 965.8], ...general()],
        notes: note('注：本表反映部门本年度一般公共预算财政拨款支出情况。', '1栏各行=（2+3）栏各行。'),
      }),
    ),
  );

  // —— 表6 一般公共预算财政拨款基本支出决算表 (two blocks side by side) ——
  const personnel: Array<[string, string, Num]> = [
    ['301', '工资福利支出', 172.04],
    ['30101', '基本工资', 30.74],
    ['30102', '津贴补贴', 36.28],
    ['30103', '奖金', 65.53],
    ['30108', '机关事业单位基本养老保险缴费', 9.3],
    ['30110', '职工基本医疗保险缴费', 4.78],
    ['30111', '公务员医疗补助缴费', 8.89],
    ['30113', '住房公积金', 16.52],
    ['303', '对个人和家庭的补助', 2.0],
    ['30302', '退休费', 2.0],
  ];
  const operating: Array<[string, string, Num]> = [
    ['302', '商品和服务支出', 10.93],
    ['30201', '办公费', 3.0],
    ['30211', '差旅费', 2.0],
    ['30212', '因公出国（境）费用', 1.5],
    ['30217', '公务接待费', 0.5],
    ['30231', '公务用车运行维护费', 3.43],
    ['30299', '其他商品和服务支出', 0.5],
    ['310', '资本性支出', 21.0],
    ['31002', '办公设备购置', 1.0],
    ['31013', '公务用车购置', 20.0],
  ];
  add(
    '表6',
    sheet(
      '表6',
      table({
        title: '2022 年度一般公共预算财政拨款基本支出决算表（表 6）',
        labels: [],
        columns: ['人员经费/科目编码', '人员经费/科目名称', '人员经费/决算数', '公用经费/科目编码', '公用经费/科目名称', '公用经费/决算数'],
        rows: [
          ...personnel.map((p, i) => [...p, ...operating[i]]),
          [null, '人员经费合计', 174.04, null, '公用经费合计', 31.93],
        ],
        notes: ['注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。'],
      }),
    ),
  );

  // —— 表7 “三公”经费 ——
  const budget: Num[] = [28.0, 2.0, 25.0, 20.0, 5.0, 1.0];
  const actual: Num[] = [25.93, 2.0, 23.43, 20.0, 3.43, 0.5];
  const layout = opts.threePublic ?? 'labelled';
  const threeTitle = '2022 年度一般公共预算财政拨款“三公”经费支出决算表（表 7）';
  const threeNote = '注：本表反映部门本年度“三公”经费支出预决算情况。';
  if (layout === 'vertical') {
    add(
      '表7',
      sheet(
        '表7',
        table({
          title: threeTitle,
          labels: ['项目', '行次'],
          columns: ['年初预算数', '全年预算数', '决算数'],
          rows: [
            ['一、“三公”经费支出', '1', 28.0, 28.0, 25.93],
            ['1.因公出国（境）费', '2', 2.0, 2.0, 2.0],
            ['2.公务用车购置及运行维护费', '3', 25.0, 25.0, 23.43],
            ['（1）公务用车购置费', '4', 20.0, 20.0, 20.0],
            ['（2）公务用车运行维护费', '5', 5.0, 5.0, 3.43],
            ['3.公务接待费', '6', 1.0, 1.0, 0.5],
          ],
          notes: [threeNote],
        }),
      ),
    );
  } else {
    add(
      '表7',
      sheet(
        '表7',
        threePublicWide({
          title: threeTitle,
          scopes: ['预算数', '决算数'],
          ...(layout === 'labelled' ? { label: ['项目', '合计'] as [string, string] } : {}),
          lanci: true,
          values: [...budget, ...actual],
          notes: note(threeNote, '1栏=（2+3+6）栏；3栏=（4+5）栏；7栏=（8+9+12）栏；9栏=（10+11）栏。'),
        }),
      ),
    );
  }

  // —— 表8 政府性基金 ——
  const fundRow = (code: string | null, name: string): Num[] => [code, name, 5.0, 35.04, 35.04, null, 35.04, 5.0];
  add(
    '表8',
    sheet(
      '表8',
      table({
        title: '2022 年度政府性基金预算财政拨款收入支出决算表（表 8）',
        labels: ['功能分类科目编码', '科目名称'],
        columns: ['年初结转和结余', '本年收入', '本年支出/小计', '本年支出/基本支出', '本年支出/项目支出', '年末结转和结余'],
        lanci: true,
        rows: [fundRow(null, '合计'), fundRow('229', '其他支出'), fundRow('22960', '彩票公益金安排的支出'), fundRow('2296013', '用于城乡医疗救助的彩票公益金支出')],
        notes: note('注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。', '6栏各行=（1+2-3）栏各行；3栏各行=（4+5）栏各行。'),
      }),
    ),
  );

  // —— 表9 国有资本经营 ——
  const capRow = (code: string | null, name: string): Num[] => [code, name, 12.0, null, 12.0];
  add(
    '表9',
    sheet(
      '表9',
      table({
        title: '2022 年度国有资本经营预算财政拨款支出决算表（表 9）',
        labels: ['功能分类科目编码', '科目名称'],
        columns: ['合计', '基本支出', '项目支出'],
        lanci: true,
        rows: [capRow(null, '合计'), capRow('223', '国有资本经营预算支出'), capRow('22301', '解决历史遗留问题及改革成本支出'), capRow('2230105', '国有企业退休人员社会化管理补助支出')],
        notes: note('注：本表反映部门本年度国有资本经营预算财政拨款支出情况。', '1栏各行=（2+3）栏各行。'),
      }),
    ),
  );
  return sheets;
}
