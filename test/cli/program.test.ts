/** run(): language selection, help, version, usage errors, failures and exit codes (in-process, with fakes). */
import { CrossfootError } from '../../src/errors';
import { langFromArgv, langFromEnv, parseLang } from '../../src/cli/program';
import { ANSI, CJK, stripAnsi, fakes, runCli } from './helpers';

const EN = { env: { CROSSFOOT_LANG: 'en-US' } };

function expectOneLine(r: { code: number; stdout: string; stderr: string; errLines: string[] }, code: number): string {
  expect(r.code).toBe(code);
  expect(r.stdout).toBe('');
  expect(r.errLines).toHaveLength(1);
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(r.stderr).not.toMatch(ANSI);
  return r.errLines[0];
}

describe('language selection', () => {
  test('parseLang accepts the two languages in any case, nothing else', () => {
    expect(parseLang('zh-CN')).toBe('zh-CN');
    expect(parseLang('EN_us')).toBe('en-US');
    expect(parseLang('en')).toBeUndefined();
    expect(parseLang('fr-FR')).toBeUndefined();
    expect(parseLang('')).toBeUndefined();
  });

  test('environment: CROSSFOOT_LANG first, then LC_ALL / LC_MESSAGES / LANG starting with en, else zh-CN', () => {
    expect(langFromEnv({})).toBe('zh-CN');
    expect(langFromEnv({ LANG: 'en_US.UTF-8' })).toBe('en-US');
    expect(langFromEnv({ LANG: 'C.UTF-8' })).toBe('zh-CN');
    expect(langFromEnv({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(langFromEnv({ LC_ALL: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en-US');
    expect(langFromEnv({ LC_ALL: 'C', LANG: 'en_US.UTF-8' })).toBe('zh-CN');
    expect(langFromEnv({ LC_ALL: '', LANG: 'en_US.UTF-8' })).toBe('en-US');
    expect(langFromEnv({ CROSSFOOT_LANG: 'zh-CN', LANG: 'en_US.UTF-8' })).toBe('zh-CN');
    expect(langFromEnv({ CROSSFOOT_LANG: 'en', LANG: 'zh_CN.UTF-8' })).toBe('en-US');
  });

  test('langFromArgv finds the last --lang (both spellings) and stops at --', () => {
    expect(langFromArgv(['inspect', 'a.xlsx'])).toBeUndefined();
    expect(langFromArgv(['--lang', 'en-US', 'inspect'])).toBe('en-US');
    expect(langFromArgv(['inspect', 'a.xlsx', '--lang=en-US'])).toBe('en-US');
    expect(langFromArgv(['--lang', 'en-US', 'inspect', '--lang', 'zh-CN'])).toBe('zh-CN');
    expect(langFromArgv(['inspect', '--', '--lang', 'en-US'])).toBeUndefined();
    expect(langFromArgv(['inspect', '--lang'])).toBeUndefined();
  });

  test('the environment picks the language of messages when --lang is absent', async () => {
    const zh = expectOneLine(await runCli([]), 2);
    const en = expectOneLine(await runCli([], { env: { LANG: 'en_US.UTF-8' } }), 2);
    expect(zh).toMatch(CJK);
    expect(en).not.toMatch(CJK);
  });

  test('--lang on the command line beats the environment, before or after the command', async () => {
    const f = fakes();
    const a = await runCli(['--lang', 'en-US', 'inspect', 'book.xlsx'], { ...f, env: { CROSSFOOT_LANG: 'zh-CN' } });
    const b = await runCli(['inspect', 'book.xlsx', '--lang=en-US'], f);
    const c = await runCli(['inspect', 'book.xlsx', '--format', 'text', '--lang', 'en-US'], f);
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/^book\.xlsx: 7 sheets, 3 tables recognised$/m);
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).toBe(a.stdout);
    const zh = await runCli(['inspect', 'book.xlsx', '--lang', 'zh-CN'], { ...f, ...EN });
    expect(zh.stdout).toMatch(/^book\.xlsx：7 个工作表，识别出 3 张表$/m);
  });
});

describe('help and version', () => {
  test('--help in zh-CN: localized titles and descriptions, on stdout, exit 0', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^用法： crossfoot \[options\] \[command\]$/m);
    expect(r.stdout).toContain('选项：');
    expect(r.stdout).toContain('命令：');
    expect(r.stdout).toContain('列出工作簿中识别出的公开表格');
    expect(r.stdout).toContain('显示版本号');
    expect(r.stdout).toContain('退出码：0 正常');
    expect(r.stdout).not.toContain('Usage:');
    expect(r.stdout).not.toContain('display help for command');
  });

  test('--help in en-US', async () => {
    const r = await runCli(['--lang', 'en-US', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: crossfoot');
    expect(r.stdout).toContain('list the disclosure tables recognised in a workbook');
    expect(r.stdout).toContain('Exit codes: 0 ok');
    expect(r.stdout).not.toMatch(/用法|选项|命令/);
  });

  test('inspect --help shows its argument, --format and the global --lang', async () => {
    const r = await runCli(['inspect', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^用法： crossfoot inspect \[options\] <book>$/m);
    expect(r.stdout).toContain('参数：');
    expect(r.stdout).toContain('要查看的工作簿（.xlsx）');
    expect(r.stdout).toContain('--format <format>');
    expect(r.stdout).toContain('全局选项：');
    expect(r.stdout).toContain('--lang <lang>');
    const en = await runCli(['help', 'inspect'], EN);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Usage: crossfoot inspect');
    expect(en.stdout.replace(/\s+/g, ' ')).toContain('output format: text (default, for people) or json (for programs)');
  });

  test('--version prints the version alone, exit 0', async () => {
    const r = await runCli(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: '9.8.7\n', stderr: '' });
    const v = await runCli(['-V'], { version: undefined });
    expect(v.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('usage errors: one line, in the chosen language, exit 2', () => {
  const cases: Array<{ name: string; argv: string[]; zh: RegExp; en: RegExp }> = [
    { name: 'no arguments', argv: [], zh: /^请指定命令/, en: /^No command given/ },
    {
      name: 'unknown command',
      argv: ['inspct', 'a.xlsx'],
      zh: /^未知命令：inspct（是不是想输入 inspect？）。运行 crossfoot --help/,
      en: /^Unknown command: inspct \(did you mean inspect\?\)\. Run crossfoot --help/,
    },
    {
      name: 'unknown global option',
      argv: ['--verbose'],
      zh: /^未知选项：--verbose。运行 crossfoot --help/,
      en: /^Unknown option: --verbose\. Run crossfoot --help/,
    },
    {
      name: 'unknown inspect option',
      argv: ['inspect', 'a.xlsx', '--fromat', 'json'],
      zh: /^未知选项：--fromat（是不是想输入 --format？）。运行 crossfoot inspect --help/,
      en: /^Unknown option: --fromat \(did you mean --format\?\)\. Run crossfoot inspect --help/,
    },
    { name: 'no file', argv: ['inspect'], zh: /^缺少要查看的工作簿文件/, en: /^No workbook given/ },
    {
      name: 'two files',
      argv: ['inspect', 'a.xlsx', 'b.xlsx'],
      zh: /^参数过多：crossfoot inspect 只接受 1 个参数，却收到 2 个。$/,
      en: /^Too many arguments: crossfoot inspect takes 1 argument but got 2\.$/,
    },
    {
      name: 'bad --format',
      argv: ['inspect', 'a.xlsx', '--format', 'xml'],
      zh: /^不支持的输出格式：xml（可选：text, json）。$/,
      en: /^Unsupported output format: xml \(choose text, json\)\.$/,
    },
    {
      name: '--format without a value',
      argv: ['inspect', 'a.xlsx', '--format'],
      zh: /^选项 --format 后面需要一个值。$/,
      en: /^Option --format needs a value\.$/,
    },
  ];

  for (const c of cases) {
    test(c.name, async () => {
      const f = fakes();
      const zh = expectOneLine(await runCli(c.argv, f), 2);
      expect(zh).toMatch(c.zh);
      const en = expectOneLine(await runCli(c.argv, { ...f, ...EN }), 2);
      expect(en).toMatch(c.en);
      expect(en).not.toMatch(CJK);
      // a usage error never touches the file
      expect(f.calls.read).toEqual([]);
    });
  }

  test('only --lang and no command', async () => {
    expect(expectOneLine(await runCli(['--lang', 'zh-CN'], EN), 2)).toMatch(/^请指定命令/);
    expect(expectOneLine(await runCli(['--lang', 'en-US']), 2)).toMatch(/^No command given/);
  });

  test('bad --lang: reported in the environment language, exit 2', async () => {
    const zh = expectOneLine(await runCli(['--lang', 'fr-FR', 'inspect', 'a.xlsx']), 2);
    expect(zh).toBe('不支持的语言：fr-FR（可选：zh-CN、en-US）。');
    const en = expectOneLine(await runCli(['inspect', 'a.xlsx', '--lang=klingon'], EN), 2);
    expect(en).toBe('Unsupported language: klingon (choose zh-CN or en-US).');
    const empty = expectOneLine(await runCli(['inspect', 'a.xlsx', '--lang', '']), 2);
    expect(empty).toMatch(/^不支持的语言/);
  });

  test('--format is case-insensitive and defaults to text', async () => {
    const f = fakes();
    const json = await runCli(['inspect', 'book.xlsx', '--format', 'JSON'], f);
    expect(json.code).toBe(0);
    expect(() => JSON.parse(json.stdout)).not.toThrow();
    const text = await runCli(['inspect', 'book.xlsx'], f);
    expect(text.stdout).toMatch(/^book\.xlsx：/);
    const short = await runCli(['inspect', '-f', 'json', 'book.xlsx'], f);
    expect(short.stdout).toBe(json.stdout);
  });
});

describe('failures', () => {
  test('a CrossfootError from the reader: its localized sentence, exit 2', async () => {
    const err = new CrossfootError('encrypted', { file: 'secret.xlsx' });
    const readWorkbook = async () => {
      throw err;
    };
    const zh = expectOneLine(await runCli(['inspect', 'secret.xlsx'], { readWorkbook }), 2);
    expect(zh).toBe(err.localized('zh-CN'));
    expect(zh).toBe('secret.xlsx 受密码保护，请先在 Excel 中取消密码后再检查。');
    const en = expectOneLine(await runCli(['inspect', 'secret.xlsx', '--lang', 'en-US'], { readWorkbook }), 2);
    expect(en).toBe(err.localized('en-US'));
  });

  test('a CrossfootError from recognition is also exit 2', async () => {
    const recognise = () => {
      throw new CrossfootError('empty-workbook', { file: 'book.xlsx' });
    };
    const line = expectOneLine(await runCli(['inspect', 'book.xlsx'], { ...fakes(), recognise }), 2);
    expect(line).toBe('book.xlsx 中没有任何内容。');
  });

  test('any other exception: one "internal error" line with a hint to report, exit 3, no stack', async () => {
    const recognise = () => {
      throw new TypeError('cannot read x\nof undefined');
    };
    const zh = expectOneLine(await runCli(['inspect', 'book.xlsx'], { ...fakes(), recognise }), 3);
    expect(zh).toMatch(/^内部错误：cannot read x of undefined。.*报告给开发者.*CROSSFOOT_DEBUG=1/);
    const en = expectOneLine(await runCli(['inspect', 'book.xlsx'], { ...fakes(), recognise, ...EN }), 3);
    expect(en).toMatch(/^Internal error: cannot read x of undefined\. This is a bug in crossfoot; please report it/);
    const odd = expectOneLine(
      await runCli(['inspect', 'book.xlsx'], {
        readWorkbook: async () => {
          throw 42; // not even an Error
        },
      }),
      3,
    );
    expect(odd).toMatch(/^内部错误：42。/);
  });

  test('CROSSFOOT_DEBUG=1 adds the stack trace after the line', async () => {
    const recognise = () => {
      throw new Error('boom');
    };
    const r = await runCli(['inspect', 'book.xlsx'], { ...fakes(), recognise, env: { CROSSFOOT_DEBUG: '1' } });
    expect(r.code).toBe(3);
    expect(r.errLines[0]).toMatch(/^内部错误：boom。/);
    expect(r.stderr).toMatch(/\n\s+at /);
  });

  test('success is exit 0 and reads the named file once', async () => {
    const f = fakes();
    const r = await runCli(['inspect', 'dir/book.xlsx'], f);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(f.calls).toEqual({ read: ['dir/book.xlsx'], recognise: 1 });
  });
});

describe('colours', () => {
  test('text output is coloured only on a colour terminal; JSON never is', async () => {
    const f = fakes();
    const tty = await runCli(['inspect', 'book.xlsx'], f, true);
    expect(tty.stdout).toMatch(ANSI);
    const pipe = await runCli(['inspect', 'book.xlsx'], f, false);
    expect(pipe.stdout).not.toMatch(ANSI);
    expect(stripAnsi(tty.stdout)).toBe(pipe.stdout);
    const json = await runCli(['inspect', 'book.xlsx', '--format', 'json'], f, true);
    expect(json.stdout).not.toMatch(ANSI);
    const forced = await runCli(['inspect', 'book.xlsx', '--format', 'json'], { ...f, env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).not.toMatch(ANSI);
  });

  test('NO_COLOR turns colours off, FORCE_COLOR on', async () => {
    const f = fakes();
    expect((await runCli(['inspect', 'book.xlsx'], { ...f, env: { NO_COLOR: '1' } }, true)).stdout).not.toMatch(ANSI);
    expect((await runCli(['inspect', 'book.xlsx'], { ...f, env: { FORCE_COLOR: '1' } }, false)).stdout).toMatch(ANSI);
    expect((await runCli(['inspect', 'book.xlsx'], { ...f, env: { FORCE_COLOR: '0' } }, true)).stdout).not.toMatch(ANSI);
  });
});
