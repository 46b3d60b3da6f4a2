import { cleanLabel, normSubject, parseFunctionSubject, stripOrdinals } from './normalise';

describe('subject normalisation', () => {
  it('strips ordinals of every printed form', () => {
    expect(stripOrdinals('一、一般公共预算财政拨款收入')).toBe('一般公共预算财政拨款收入');
    expect(stripOrdinals('（廿一）其他支出')).toBe('其他支出');
    expect(stripOrdinals('(一)卫生健康支出')).toBe('卫生健康支出');
    expect(stripOrdinals('1. 一般公共预算资金')).toBe('一般公共预算资金');
    expect(stripOrdinals('2、政府性基金预算')).toBe('政府性基金预算');
    expect(stripOrdinals('其中：外事接待费')).toBe('外事接待费');
    expect(stripOrdinals('（1）公务用车购置费')).toBe('公务用车购置费');
    expect(stripOrdinals('卫生健康支出')).toBe('卫生健康支出');
  });

  it('cleans printed labels and normalises subject phrases', () => {
    expect(cleanLabel('收    入    总    计')).toBe('收入总计');
    expect(cleanLabel('　　行政运行')).toBe('行政运行');
    expect(normSubject('“因公出国（境）费”')).toBe('因公出国(境)费');
    expect(normSubject('公务用车购置及运行（维护）费')).toBe(normSubject('公务用车购置及运行维护费'));
    expect(normSubject('党建、结对共建,文明创建')).toBe(normSubject('党建、结对共建、文明创建'));
    expect(normSubject('一般公共预算财政拨款支出：')).toBe('一般公共预算财政拨款支出');
  });

  it('parses 类/款/项 phrases', () => {
    expect(parseFunctionSubject('卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）')).toEqual([
      { level: 1, name: '卫生健康支出' },
      { level: 2, name: '行政事业单位医疗' },
      { level: 3, name: '行政单位医疗' },
    ]);
    expect(parseFunctionSubject('社会保障和就业（类）支出')).toEqual([{ level: 1, name: '社会保障和就业支出' }]);
    expect(parseFunctionSubject('公共安全支出（204类）司法（06款）行政运行（01项）')).toEqual([
      { level: 1, name: '公共安全支出', digits: '204' },
      { level: 2, name: '司法', digits: '06' },
      { level: 3, name: '行政运行', digits: '01' },
    ]);
    expect(parseFunctionSubject('卫生健康支出-行政事业单位医疗-行政单位医疗')?.map((p) => p.level)).toEqual([1, 2, 3]);
    expect(parseFunctionSubject('“住房保障支出（类)住房改革支出（款)住房公积金（项）”')?.map((p) => p.name)).toEqual([
      '住房保障支出',
      '住房改革支出',
      '住房公积金',
    ]);
    expect(parseFunctionSubject('本年收入合计')).toBeUndefined();
    expect(parseFunctionSubject('2023-2024')).toBeUndefined();
  });
});
