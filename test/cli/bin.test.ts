/** bin/crossfoot.js: executable, runs dist/src/cli/main.js, and says how to build when dist/ is missing. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { t } from '../../src/i18n';
import { cliMessages } from '../../src/cli/messages';

const BIN = path.join(__dirname, '..', '..', 'bin', 'crossfoot.js');
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossfoot-bin-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of the bin in `root/bin/`, so that `root/dist/` is what the bin looks for. */
function installBin(root: string): string {
  fs.mkdirSync(path.join(root, 'bin'), { recursive: true });
  const bin = path.join(root, 'bin', 'crossfoot.js');
  fs.copyFileSync(BIN, bin);
  return bin;
}

function node(bin: string, args: string[], env: Record<string, string> = {}) {
  const clean = { PATH: process.env.PATH ?? '', ...env };
  return spawnSync(process.execPath, [bin, ...args], { env: clean, encoding: 'utf8', timeout: 20000 });
}

test('is an executable node script', () => {
  const src = fs.readFileSync(BIN, 'utf8');
  expect(src.startsWith('#!/usr/bin/env node\n')).toBe(true);
  expect(fs.statSync(BIN).mode & 0o111).not.toBe(0);
});

test('without dist/: one line telling to run npm install, exit 2, in the chosen language', () => {
  const bin = installBin(path.join(dir, 'unbuilt'));
  const zh = node(bin, ['inspect', 'a.xlsx']);
  expect(zh.status).toBe(2);
  expect(zh.stdout).toBe('');
  expect(zh.stderr).toBe(`${t(cliMessages, 'zh-CN', 'not-built')}\n`);
  const en = node(bin, ['inspect', 'a.xlsx', '--lang', 'en-US']);
  expect(en.status).toBe(2);
  expect(en.stderr).toBe(`${t(cliMessages, 'en-US', 'not-built')}\n`);
  expect(node(bin, [], { LANG: 'en_US.UTF-8' }).stderr).toBe(`${t(cliMessages, 'en-US', 'not-built')}\n`);
  expect(node(bin, ['--lang=en-US']).stderr).toContain('npm install');
});

test('with dist/: requires dist/src/cli/main.js and passes the arguments through', () => {
  const root = path.join(dir, 'built');
  const bin = installBin(root);
  const main = path.join(root, 'dist', 'src', 'cli', 'main.js');
  fs.mkdirSync(path.dirname(main), { recursive: true });
  fs.writeFileSync(main, "process.stdout.write('main:' + process.argv.slice(2).join('|')); process.exitCode = 7;\n");
  const r = node(bin, ['inspect', 'a.xlsx', '--format', 'json']);
  expect(r.stdout).toBe('main:inspect|a.xlsx|--format|json');
  expect(r.status).toBe(7);
});
