/** The SARIF 2.1.0 formatter on hand-built reports, checked against the essentials of the schema (by hand). */
import { artifactUri, checkSarif, formatCheckSarif, sarifLevel } from '../../src/cli/format/check-sarif';
import { DEFAULT_PACKS } from '../../src/rules';
import { findings, report, sarifProblems } from './check-helpers';
import { ANSI } from './helpers';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));

describe('the hand-written SARIF check', () => {
  test('accepts a minimal valid log', () => {
    expect(
      sarifProblems({
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'note' }] }],
      }),
    ).toEqual([]);
  });

  test('rejects logs that miss the required fields or break the enums', () => {
    const good = checkSarif(report(), { version: '1.0.0' });
    expect(sarifProblems(good)).toEqual([]);
    const bad = (mutate: (d: ReturnType<typeof clone<typeof good>>) => void) => {
      const d = clone(good);
      mutate(d);
      return sarifProblems(d);
    };
    expect(bad((d) => ((d as { version: string }).version = '2.0.0'))).toEqual(['version: 2.0.0']);
    expect(bad((d) => delete (d as Partial<typeof d>).$schema)).toEqual(['$schema']);
    expect(bad((d) => (d.runs = []))).toEqual(['runs: not a non-empty array']);
    expect(bad((d) => (d.runs[0].tool.driver.name = ''))).toEqual(['runs[0].tool.driver.name']);
    expect(bad((d) => (d.runs[0].results[0].message.text = ''))).toEqual(['runs[0].results[0].message.text']);
    expect(bad((d) => ((d.runs[0].results[1] as { level: string }).level = 'info'))).toEqual(['runs[0].results[1].level info']);
    expect(bad((d) => (d.runs[0].results[2].ruleIndex += 1))).toEqual(['runs[0].results[2].ruleIndex']);
    expect(bad((d) => (d.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'dir/工作 簿.xlsx'))).toEqual([
      'runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri',
    ]);
    expect(bad((d) => d.runs[0].tool.driver.rules.push(clone(d.runs[0].tool.driver.rules[0])))).toEqual([
      `runs[0].rules[${good.runs[0].tool.driver.rules.length}]: duplicate id ${good.runs[0].tool.driver.rules[0].id}`,
    ]);
    expect(bad((d) => ((d.runs[0].results[0] as { kind?: string }).kind = 'open'))).toEqual(['runs[0].results[0]: level with kind open']);
  });
});

describe('SARIF formatter', () => {
  test('one run: crossfoot with its version, every rule of the packs, results in the findings order', () => {
    const out = formatCheckSarif(report(), { version: '9.8.7' });
    expect(out.endsWith('}\n')).toBe(true);
    expect(out).not.toMatch(ANSI);
    const log = JSON.parse(out);
    expect(sarifProblems(log)).toEqual([]);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('crossfoot');
    expect(run.tool.driver.version).toBe('9.8.7');
    expect(run.language).toBe('zh-CN');
    expect(run.artifacts).toEqual([{ location: { uri: 'dir/book.xlsx' } }]);
    const packRules = DEFAULT_PACKS.flatMap((p) => p.rules);
    const ruleIds = run.tool.driver.rules.map((r: { id: string }) => r.id);
    // every pack rule once, then the rule of a finding that no pack defines
    expect(ruleIds).toEqual([...new Set(packRules.map((r) => r.id)), 'mystery']);
    expect(run.results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['crossfootFindingId/v1'])).toEqual(
      findings().map((f) => f.id),
    );
  });

  test('rule metadata: short description in the chosen language, default level from the severity', () => {
    for (const lang of ['zh-CN', 'en-US'] as const) {
      const rules = checkSarif(report(findings(), lang), { version: '1' }).runs[0].tool.driver.rules;
      for (const def of DEFAULT_PACKS.flatMap((p) => p.rules)) {
        const rule = rules.find((r) => r.id === def.id)!;
        expect(rule.shortDescription.text).toBe(def.description[lang]);
        expect(rule.defaultConfiguration.level).toBe(def.soft ? 'warning' : sarifLevel(def.severity));
      }
      expect(rules.at(-1)).toEqual({
        id: 'mystery',
        shortDescription: { text: 'mystery' },
        defaultConfiguration: { level: 'warning' },
        properties: { pack: null },
      });
    }
    const xj15 = checkSarif(report(), { version: '1' }).runs[0].tool.driver.rules.find((r) => r.id === 'XJ-15.30217')!;
    expect(xj15).toMatchObject({ defaultConfiguration: { level: 'warning' }, properties: { pack: 'juesuan' } });
  });

  test('a result: level, message with the suspect, the cell as logical location, related cells, amounts', () => {
    const run = checkSarif(report(), { version: '1' }).runs[0];
    const levels = run.results.map((r) => r.level);
    expect(levels).toEqual(['note', 'note', 'warning', 'error', 'error', 'error', 'warning', 'error']);
    const e2 = run.results[3];
    expect(e2.ruleId).toBe('generic.code-footing');
    expect(run.tool.driver.rules[e2.ruleIndex].id).toBe('generic.code-footing');
    expect(e2.message.text).toBe('ERROR-ROW-12 → 疑似错误单元格 收入决算表!D12，建议值 860.25：很可能是数字顺序颠倒。');
    expect(e2.locations).toEqual([
      {
        physicalLocation: { artifactLocation: { uri: 'dir/book.xlsx', index: 0 } },
        logicalLocations: [{ fullyQualifiedName: '收入决算表!C12', name: 'C12', kind: 'cell' }],
      },
    ]);
    expect(e2.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: { artifactLocation: { uri: 'dir/book.xlsx', index: 0 } },
        logicalLocations: [{ fullyQualifiedName: '收入决算表!D11', name: 'D11', kind: 'cell' }],
      },
    ]);
    expect(e2.properties).toEqual({
      status: 'fail',
      verdict: 'fails',
      table: 'juesuan.income',
      expected: '1080.27',
      actual: '1080.00',
      difference: '-0.27',
      allowance: '0.035',
      suspect: { sheet: '收入决算表', cell: 'D12', proposed: '860.25', reason: '很可能是数字顺序颠倒。', signature: 'transposition' },
    });
    // the location is not repeated among the related locations; a relation of one cell has none
    expect(run.results[4].relatedLocations).toBeUndefined();
    // sheet names with spaces are quoted as in Excel
    expect(run.results[5].locations[0].logicalLocations[0].fullyQualifiedName).toBe("'Sheet 1'!B9");
    // a finding without amounts or suspect: nulls, no suspect text
    expect(run.results[1].properties).toMatchObject({ status: 'cannot-evaluate', expected: null, suspect: null, table: 'juesuan.income' });
    expect(run.results[1].message.text).toBe('CANNOT-1');
    const en = checkSarif(report(findings(), 'en-US'), { version: '1' }).runs[0];
    expect(en.language).toBe('en-US');
    expect(en.results[3].message.text).toBe('ERROR-ROW-12 → suspect 收入决算表!D12, proposed 860.25: 很可能是数字顺序颠倒。');
  });

  test('no findings: an empty results array, still a valid log', () => {
    const log = checkSarif(report([]), { version: '1' });
    expect(log.runs[0].results).toEqual([]);
    expect(sarifProblems(log)).toEqual([]);
  });

  test('artifact uri: relative paths percent-encoded with "/" separators, absolute paths as file URIs', () => {
    expect(artifactUri('book.xlsx')).toBe('book.xlsx');
    expect(artifactUri('报表/2023 决算.xlsx')).toBe('%E6%8A%A5%E8%A1%A8/2023%20%E5%86%B3%E7%AE%97.xlsx');
    expect(artifactUri('dir\\a#b.xlsx')).toBe('dir/a%23b.xlsx');
    expect(artifactUri('/tmp/报表 1.xlsx')).toBe('file:///tmp/%E6%8A%A5%E8%A1%A8%201.xlsx');
    expect(artifactUri('C:\\Users\\张三\\book.xlsx')).toBe('file:///C:/Users/%E5%BC%A0%E4%B8%89/book.xlsx');
  });
});
