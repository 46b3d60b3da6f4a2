import { dataNotice, endpointLocation, formatDataNotice } from './notice';

describe('dataNotice', () => {
  test('an external service: names the endpoint and the host, lists every task, says where the key is', () => {
    const n = dataNotice({ baseURL: 'https://api.deepseek.com/v1', model: 'deepseek-chat', apiKey: 'sk-secret-123456' }, 'zh-CN');
    expect(n.location).toBe('remote');
    expect(n.encrypted).toBe(true);
    expect(n.intro).toBe('使用语言模型功能时，下列内容会发送到 https://api.deepseek.com/v1（模型 deepseek-chat），由该服务处理：');
    expect(n.items).toHaveLength(4);
    expect(n.items[0]).toMatch(/^起草“变动原因”/);
    expect(n.remarks[0]).toContain('外部服务 api.deepseek.com');
    expect(n.remarks.join('')).toContain('CROSSFOOT_LLM_API_KEY');
    expect(n.remarks.join('')).toContain('不会发送整个工作簿文件');
    expect(formatDataNotice(n)).not.toContain('sk-secret');
  });

  test('on this computer over http: no unencrypted warning; no key', () => {
    const n = dataNotice({ baseURL: 'http://127.0.0.1:11434/v1', model: 'qwen2.5:7b' }, 'zh-CN', { tasks: ['chat'] });
    expect(n.location).toBe('local');
    expect(n.encrypted).toBe(true);
    expect(n.items).toHaveLength(1);
    expect(n.items[0]).toMatch(/^问答/);
    expect(n.remarks).toContain('该地址在本机，数据不会离开这台电脑。');
    expect(n.remarks.join('')).not.toContain('未加密');
    expect(n.remarks).toContain('未设置访问密钥（本地服务通常不需要）。');
  });

  test('an intranet server over http: warns that the connection is not encrypted; add-in key storage', () => {
    const n = dataNotice({ baseURL: 'http://10.1.2.3:8000/v1', model: 'qwen', apiKey: 'k-123456', browser: true }, 'en-US');
    expect(n.location).toBe('private');
    expect(n.encrypted).toBe(false);
    expect(n.remarks.join(' ')).toContain('not encrypted');
    expect(n.remarks.join(' ')).toContain('add-in’s own storage');
    const text = formatDataNotice(n);
    expect(text.split('\n')[0]).toBe('What leaves this computer');
    expect(text).toContain('  - Drafting reasons for change');
  });

  test('the endpoint shown has no credentials or query', () => {
    const n = dataNotice({ baseURL: 'https://api.example.com/v1?x=1', model: 'm' }, 'zh-CN');
    expect(n.endpoint).toBe('https://api.example.com/v1');
  });
});

test('endpointLocation', () => {
  const cases: Array<[string, string]> = [
    ['http://localhost:8080/v1', 'local'],
    ['http://127.0.0.1:11434/v1', 'local'],
    ['http://[::1]:8000/v1', 'local'],
    ['http://192.168.1.20:8000/v1', 'private'],
    ['http://172.20.0.5/v1', 'private'],
    ['http://172.32.0.5/v1', 'remote'],
    ['http://gpu01:8000/v1', 'private'],
    ['http://llm.corp/v1', 'private'],
    ['http://[fd12:3456::1]:8000/v1', 'private'],
    ['https://dashscope.aliyuncs.com/compatible-mode/v1', 'remote'],
    ['https://8.8.8.8/v1', 'remote'],
    ['nonsense', 'remote'],
  ];
  for (const [url, where] of cases) expect([url, endpointLocation(url)]).toEqual([url, where]);
});
