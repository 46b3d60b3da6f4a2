/**
 * Developer script: extracts the 情况说明 prose of the five seed documents and four Shanghai corpus documents into
 * test/fixtures/source/narrative/<name>.txt, one paragraph per line (see test/fixtures/source/README.md).
 *
 *   npx ts-node --transpile-only scripts/extract-narrative.ts [sharedDir] [outDir]
 *
 * Input: /work/shared/seeds/*.txt and /work/shared/corpus/*.txt (absent on users' clones; the outputs are committed).
 * Lines are taken from declared line ranges, page markers / table grids / tab-separated table lines / declared table
 * blocks are dropped, wrapped lines are re-joined by a heuristic, and the hand corrections declared per document
 * (`fixes`, exact string replacements that must each match once) are applied last. Text is otherwise verbatim.
 * Lines worth a second look are printed on stdout.
 */
import * as fs from 'fs';
import * as path from 'path';

const SHARED = process.argv[2] ?? '/work/shared';
const OUT_DIR = process.argv[3] ?? path.join(__dirname, '..', 'test', 'fixtures', 'source', 'narrative');

interface NarrativeSpec {
  /** output base name (without .txt) */
  name: string;
  /** input file relative to SHARED */
  file: string;
  /** 1-based inclusive line ranges of the input to take */
  ranges: Array<[number, number]>;
  /** 1-based inclusive line ranges to drop (tables printed without tabs, table titles) */
  drop?: Array<[number, number]>;
  /** typical display width of a full wrapped line (CJK = 2, other = 1); lines shorter than 80 % of it end a paragraph */
  wrapWidth: number;
  /** spacing style of the document's numbers, used when a join cannot tell from the neighbouring text */
  spaced: boolean;
  /** extraction artefacts removed everywhere (markdown emphasis, LaTeX math) */
  cleanup?: Array<[RegExp, string]>;
  /** hand corrections on the joined output: [find, replace], each must match exactly once */
  fixes?: Array<[string, string]>;
}

const SPECS: NarrativeSpec[] = [
  {
    name: '000_e39c625117b2bf1a',
    file: 'seeds/000_e39c625117b2bf1a.txt',
    ranges: [[695, 1442]],
    drop: [[1281, 1442]], // 重点工作完成情况 table (序号 重要事项 工作内容及目标 完成情况), transcribed with the tables
    wrapWidth: 52,
    spaced: true,
    fixes: [
      ['待审核后进行拨付。2022 年度财政拨款收入中', '待审核后进行拨付。\n2022 年度财政拨款收入中'],
      ['项目支出 965.8 万元。项目支出主要用于：', '项目支出 965.8 万元。\n项目支出主要用于：'],
      ['减少公务接待费用。2022 年度江岸区医保局执行公务', '减少公务接待费用。\n2022 年度江岸区医保局执行公务'],
      ['结案率 100% 一是协同', '结案率 100%\n一是协同'],
    ],
  },
  {
    name: '001_53d0a35ed6c3822b',
    file: 'seeds/001_53d0a35ed6c3822b.txt',
    ranges: [[405, 597]],
    drop: [[587, 597]], // 主要工作重要事项 table
    wrapWidth: 0,
    spaced: true,
    cleanup: [
      [/\*\*([^*]+)\*\*/g, '$1'],
      [/\$\\leq 10\\%\$/g, '≤10%'],
      [/\$\\geq 90\\%\$/g, '≥90%'],
    ],
  },
  {
    name: '002_478751ce5583cfa1',
    file: 'seeds/002_478751ce5583cfa1.txt',
    ranges: [[405, 628]],
    drop: [[563, 624]], // two 项目支出绩效自评表 (titles + tab-separated grids)
    wrapWidth: 0,
    spaced: true,
  },
  {
    name: '003_18719c7196d92fe5',
    file: 'seeds/003_18719c7196d92fe5.txt',
    ranges: [[59, 264]],
    wrapWidth: 58,
    spaced: true,
    fixes: [
      ['应用于下年预算编制过程中。2024年所有项目', '应用于下年预算编制过程中。\n2024年所有项目'],
    ],
  },
  {
    name: '004_db30741697a8f556',
    file: 'seeds/004_db30741697a8f556.txt',
    ranges: [[85, 562]],
    wrapWidth: 51,
    spaced: true,
    fixes: [
      ['从严控制开支。：\n', '从严控制开支。\n：\n'],
    ],
  },
  {
    name: 'shanghai-putuo-caizhengju-2024-juesuan',
    file: 'corpus/shanghai-putuo-caizhengju-2024-juesuan.txt',
    ranges: [[631, 750]],
    wrapWidth: 74,
    spaced: false,
    fixes: [
      ['第三部分上海市普陀区财政局 年度部门决算情况2024\n说明', '第三部分上海市普陀区财政局2024年度部门决算情况说明'],
      ['服务采购金额246.47万元。2024年度本部门', '服务采购金额246.47万元。\n2024年度本部门'],
    ],
  },
  {
    name: 'shanghai-putuo-guihuaziyuanju-2024-juesuan',
    file: 'corpus/shanghai-putuo-guihuaziyuanju-2024-juesuan.txt',
    ranges: [[632, 826]],
    wrapWidth: 56,
    spaced: true,
    fixes: [
      ['服务采购金额 809.07 万元。2024 年度本部门', '服务采购金额 809.07 万元。\n2024 年度本部门'],
    ],
  },
  {
    name: 'shanghai-putuo-shangwuwei-2025-yusuan-bumen',
    file: 'corpus/shanghai-putuo-shangwuwei-2025-yusuan-bumen.txt',
    ranges: [
      [139, 170],
      [596, 695],
    ],
    wrapWidth: 116,
    spaced: false,
  },
  {
    name: 'shanghai-putuo-sifaju-2026-yusuan-danwei',
    file: 'corpus/shanghai-putuo-sifaju-2026-yusuan-danwei.txt',
    ranges: [
      [68, 105],
      [483, 503],
    ],
    wrapWidth: 120,
    spaced: false,
  },
];

// ---------------------------------------------------------------------------------------------------------------

const HEADING_RES: RegExp[] = [
  /^第[一二三四五六七八九十]+部分/,
  /^[一二三四五六七八九十]+、/,
  /^[（(][一二三四五六七八九十]+[)）]/,
  /^\d{1,2}[.、．](?!\d)/,
  /^[（(]\d{1,2}[)）]/,
  /^图\s*\d+[：:]/,
];
const CAPTION_RE = /^图\s*\d+[：:]/;
const PART_RE = /^第[一二三四五六七八九十]+部分/;
/** a numbered line ending like a section title is a heading even when it is nearly as wide as a full line */
const TITLE_END_RE = /(说明|情况|结果|计划|改革|措施|分析|事项|标题)[。.]?$/;
const END_RE = /[。；！？!?]$/;

function isHeading(line: string): boolean {
  return HEADING_RES.some((re) => re.test(line));
}

function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’—…]/.test(ch) ? 2 : 1;
  return w;
}

/** true when the last number of `s` is set off by a space ("增加 1062.85 万元") rather than run in ("增加1062.85万元") */
function lastNumberSpaced(s: string, dflt: boolean): boolean {
  let m: RegExpExecArray | null;
  let last: RegExpExecArray | null = null;
  const re = /\d[\d,.]*%?/g;
  while ((m = re.exec(s)) !== null) last = m;
  if (!last) return dflt;
  const before = s[last.index - 1];
  const after = s[last.index + last[0].length];
  return before === ' ' || after === ' ';
}

/** Joins two wrapped pieces, keeping the local spacing style around numbers. */
function joinPieces(a: string, b: string, spaced: boolean): string {
  const aEndsNum = /\d%?$/.test(a);
  const bNum = /^\d[\d,.]*%?(.?)/.exec(b);
  if (aEndsNum && /^[\d.,%]/.test(b)) return a + b; // a number split across lines ("1,18" / "3.81")
  if (aEndsNum) {
    const before = /(.)[\d,.]*\d%?$/.exec(a)?.[1];
    return before === ' ' ? `${a} ${b}` : a + b;
  }
  if (bNum && /[\u4e00-\u9fff]$/.test(a)) {
    if (bNum[1] === ' ') return `${a} ${b}`;
    return lastNumberSpaced(a, spaced) ? `${a} ${b}` : a + b;
  }
  return a + b;
}

interface Review {
  fullStops: string[];
  joinedColon: string[];
  numberJoins: string[];
  shortBreaks: string[];
}

function extract(spec: NarrativeSpec, review: Review): string[] {
  const raw = fs.readFileSync(path.join(SHARED, spec.file), 'utf8').split('\n');
  const keep: string[] = [];
  let inGrid = false;
  for (let n = 1; n <= raw.length; n++) {
    const line = raw[n - 1];
    if (/^=== 第\d+页 TEXT ===$/.test(line)) {
      inGrid = false;
      continue;
    }
    if (/^--- 第\d+页 表\d+ ---$/.test(line)) {
      inGrid = true;
      continue;
    }
    if (inGrid) continue;
    if (!spec.ranges.some(([a, b]) => n >= a && n <= b)) continue;
    if (spec.drop?.some(([a, b]) => n >= a && n <= b)) continue;
    if (line.includes('\t') || line.includes(' | ')) continue;
    let t = line.replace(/^\s+|\s+$/g, '');
    for (const [re, by] of spec.cleanup ?? []) t = t.replace(re, by);
    if (t === '') continue;
    keep.push(t);
  }

  const paragraphs: string[] = [];
  let cur = '';
  const W = spec.wrapWidth;
  keep.forEach((line, i) => {
    const next = keep[i + 1];
    const prev = keep[i - 1];
    cur = cur === '' ? line : joinPieces(cur, line, spec.spaced);
    if (cur !== line && /\d$/.test(prev ?? '') && /^\d/.test(line)) review.numberJoins.push(`${prev} ⏎ ${line}`);
    const w = displayWidth(line);
    let brk: boolean;
    if (next === undefined || isHeading(next) || CAPTION_RE.test(line) || CAPTION_RE.test(next)) brk = true;
    else if (W === 0) brk = END_RE.test(line) || w < 46 || (isHeading(line) && TITLE_END_RE.test(line));
    else if (PART_RE.test(line) && next !== undefined && !END_RE.test(next) && displayWidth(next) < 0.8 * W) {
      brk = false; // a part heading wrapped over two lines ("第三部分 …2022 年度" / "部门决算情况说明")
    } else if (isHeading(line) && TITLE_END_RE.test(line)) brk = true;
    else if (END_RE.test(line)) {
      // a sentence end at the right margin usually continues the paragraph (no first-line indent survives extraction)
      brk = w < 0.85 * W;
      if (!brk) review.fullStops.push(`${line} ⏎ ${next}`);
    } else brk = w < 0.8 * W;
    if (!brk && /[：:]$/.test(line)) review.joinedColon.push(`${line} ⏎ ${next}`);
    if (brk && next !== undefined && !END_RE.test(line) && !isHeading(line) && !/[：:]$/.test(line)) review.shortBreaks.push(line);
    if (brk) {
      paragraphs.push(cur);
      cur = '';
    }
  });

  let text = paragraphs.join('\n');
  for (const [find, replace] of process.env.NO_FIXES ? [] : spec.fixes ?? []) {
    const count = text.split(find).length - 1;
    if (count !== 1) throw new Error(`${spec.name}: fix ${JSON.stringify(find)} matches ${count} times`);
    text = text.replace(find, () => replace);
  }
  return text.split('\n');
}

function main(): void {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const spec of SPECS) {
    const review: Review = { fullStops: [], joinedColon: [], numberJoins: [], shortBreaks: [] };
    const lines = extract(spec, review);
    for (const l of lines) {
      if (l.trim() === '' || l.includes(' | ')) throw new Error(`${spec.name}: bad line ${JSON.stringify(l)}`);
    }
    const target = path.join(OUT_DIR, `${spec.name}.txt`);
    fs.writeFileSync(target, lines.join('\n') + '\n');
    console.log(`${target}: ${lines.length} lines`);
    if (process.env.REVIEW) {
      for (const l of review.fullStops) console.log(`  joined after full stop at margin: ${l}`);
      for (const l of review.joinedColon) console.log(`  joined after colon: ${l}`);
      for (const l of review.numberJoins) console.log(`  number join: ${l}`);
      for (const l of review.shortBreaks) console.log(`  short break: ${l}`);
    }
  }
}

main();
