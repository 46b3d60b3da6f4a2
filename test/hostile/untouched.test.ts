/** Nothing is lost: every CLI command, in every format, leaves the input files' bytes exactly as they were. */
import { copyFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../cli/helpers';
import { sha256File } from '../bad-input/helpers';
import { tempDir } from './helpers';

const BOOKS = path.resolve(__dirname, '..', 'fixtures', 'books');
const NARRATIVE = path.resolve(__dirname, '..', 'fixtures', 'source', 'narrative', 'shanghai-putuo-caizhengju-2024-juesuan.txt');

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir('crossfoot-untouched-')));
afterAll(() => cleanup());

test('inspect, check (text, json, sarif, --narrative, --prior, --annotate) and draft never change the input bytes', async () => {
  const book = path.join(dir, '2024年部门决算.xlsx');
  const prior = path.join(dir, 'prior.xlsx');
  const narrative = path.join(dir, 'narrative.txt');
  copyFileSync(path.join(BOOKS, 'sh-caizhengju-2024-sheets.xlsx'), book);
  copyFileSync(path.join(BOOKS, 'seed-000-sheets.xlsx'), prior);
  copyFileSync(NARRATIVE, narrative);
  const inputs = [book, prior, narrative];
  const before = inputs.map(sha256File);
  const runs: string[][] = [
    ['inspect', book],
    ['inspect', book, '--format', 'json'],
    ['check', book],
    ['check', book, '--format', 'json'],
    ['check', book, '--format', 'sarif'],
    ['check', book, '--narrative', narrative, '--format', 'json'],
    ['check', book, '--tables-only', '--prior', prior],
    ['check', book, '--annotate', path.join(dir, 'annotated.xlsx')],
    ['draft', book],
    ['draft', book, '--format', 'json'],
  ];
  for (const argv of runs) {
    const r = await runCli(argv);
    // exit codes: 0 clean, 1 findings; 2 would be a refused input or argument, which these are not
    expect({ argv, code: r.code, err: r.code === 2 ? r.stderr : '' }).toEqual({ argv, code: expect.any(Number), err: '' });
    expect(r.stdout.length).toBeGreaterThan(0);
    expect(inputs.map(sha256File)).toEqual(before);
  }
}, 60_000);
