#!/usr/bin/env node
'use strict';
// crossfoot command: runs the compiled CLI in dist/. The build (tsc) runs on npm install.
const fs = require('node:fs');
const path = require('node:path');

const main = path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
if (fs.existsSync(main)) {
  require(main);
} else {
  // the catalog is compiled too, so this one line lives here (same text as cli.messages 'not-built')
  const argv = process.argv.slice(2);
  let lang = process.env.CROSSFOOT_LANG || process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    if (argv[i] === '--lang' && i + 1 < argv.length) lang = argv[i + 1];
    else if (argv[i].startsWith('--lang=')) lang = argv[i].slice('--lang='.length);
  }
  process.stderr.write(
    lang.toLowerCase().startsWith('en')
      ? 'crossfoot is not built yet: run npm install in the project folder (it runs the build).\n'
      : 'crossfoot 尚未构建：请在项目目录中运行 npm install（会自动完成构建）。\n',
  );
  process.exitCode = 2;
}
