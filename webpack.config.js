// @ts-check
/**
 * The Excel add-in's build (addin/): two pages into dist/addin/.
 *
 * - taskpane.html: the task pane for Excel (desktop, Mac, web); loads office.js from the Office CDN, as Office requires.
 * - preview.html: the same task pane beside an Excel-like grid of a bundled sample workbook (in-memory host); loads
 *   nothing from the network. The samples are built here from test/fixtures/books/seed-001-sheets.xlsx by
 *   addin/preview/build-samples.ts and emitted as samples/<id>.json.
 *
 *   webpack --mode production                       production build (npm run build:addin)
 *   webpack serve --mode development --env preview  plain-HTTP preview on http://localhost:3001/preview.html (npm start)
 *   webpack serve --mode development                HTTPS on https://localhost:3000 with the Office dev certificates,
 *                                                   for sideloading into Excel (npm run dev:addin)
 *
 * --env outputPath=DIR builds elsewhere (the end-to-end tests); --env sourceMaps=false skips source maps;
 * PORT overrides the dev server's port.
 *
 * src/ is bundled as it is: webpack provides no Node built-ins, so a Node import reachable from the add-in fails the
 * build (the exceljs adapter and the narrative file reader must never be imported here). The openai SDK is bundled
 * for the browser (its web entry; src/llm/client.ts runs with `browser: true`). The prompt files prompts/*.md are
 * bundled as strings (`asset/source`; addin/taskpane/llm/prompts.ts gathers them into the PromptSet of src/llm).
 *
 * Language model proxy (both dev servers): the task pane's setting “through the dev server's proxy” sends requests to
 * its own origin, /llm-proxy/<encodeURIComponent(target origin)>/<path>, and the dev server forwards them, so an
 * endpoint that does not answer CORS (llama.cpp, vLLM, Ollama without OLLAMA_ORIGINS) can still be used while
 * developing. CROSSFOOT_LLM_PROXY_TARGET=<origin>[,<origin>…] restricts where it forwards (unset: any http(s)
 * origin); requests from other origins are refused. See addin/dev/llm-proxy.js. A production build has no proxy.
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFile } = require('node:child_process');
const { promisify } = require('node:util');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const ROOT = __dirname;
const ADDIN = path.join(ROOT, 'addin');
const SAMPLE_INPUTS = [
  path.join(ROOT, 'test/fixtures/books/seed-001-sheets.xlsx'),
  path.join(ADDIN, 'preview/build-samples.ts'),
  path.join(ADDIN, 'preview/sample.ts'),
];
const HTTPS_PORT = 3000;
const PREVIEW_PORT = 3001;

/** Emits samples/<id>.json, rebuilt only when the fixture or the builder changes (watch mode). */
class PreviewSamplesPlugin {
  constructor() {
    /** @type {{ stamp: string, samples: Record<string, unknown> } | undefined} */
    this.cache = undefined;
  }

  async build() {
    const stamp = SAMPLE_INPUTS.map((f) => fs.statSync(f).mtimeMs).join(',');
    if (this.cache && this.cache.stamp === stamp) return this.cache.samples;
    const tsNode = require.resolve('ts-node/dist/bin.js');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [tsNode, '--transpile-only', '--project', path.join(ROOT, 'tsconfig.json'), path.join(ADDIN, 'preview/build-samples.ts'), ROOT],
      { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 },
    );
    const samples = JSON.parse(stdout);
    this.cache = { stamp, samples };
    return samples;
  }

  /** @param {webpack.Compiler} compiler */
  apply(compiler) {
    const name = 'PreviewSamplesPlugin';
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tapPromise({ name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, async () => {
        for (const f of SAMPLE_INPUTS) compilation.fileDependencies.add(f);
        const samples = await this.build();
        for (const [id, sample] of Object.entries(samples)) {
          compilation.emitAsset(`samples/${id}.json`, new webpack.sources.RawSource(JSON.stringify(sample)));
        }
      });
    });
  }
}

/**
 * @param {Record<string, string | boolean | undefined>} env
 * @param {{ mode?: string }} argv
 * @returns {Promise<webpack.Configuration>}
 */
module.exports = async (env = {}, argv = {}) => {
  const production = (argv.mode ?? process.env.NODE_ENV) === 'production';
  const preview = Boolean(env.preview);
  const serving = Boolean(env.WEBPACK_SERVE);
  const outputPath = typeof env.outputPath === 'string' ? path.resolve(env.outputPath) : path.join(ROOT, 'dist/addin');
  const sourceMaps = env.sourceMaps !== 'false' && env.sourceMaps !== false;
  const port = Number(process.env.PORT) || (preview ? PREVIEW_PORT : HTTPS_PORT);

  /** @type {import('webpack-dev-server').Configuration | undefined} */
  let devServer;
  if (serving) {
    devServer = {
      host: 'localhost',
      port,
      hot: false,
      liveReload: true,
      static: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      client: { overlay: { errors: true, warnings: false } },
      server: preview
        ? { type: 'http' }
        : { type: 'https', options: await require('office-addin-dev-certs').getHttpsServerOptions() },
      // the same-origin proxy to a language model endpoint (see the header comment)
      setupMiddlewares(middlewares) {
        const { createLlmProxy, parseProxyTargets } = require('./addin/dev/llm-proxy');
        // after the dev server's own Host and cross-origin checks (DNS rebinding), before everything else
        const checks = middlewares.findLastIndex((m) => m.name === 'host-header-check' || m.name === 'cross-origin-header-check');
        middlewares.splice(checks + 1, 0, { name: 'crossfoot-llm-proxy', middleware: createLlmProxy({ targets: parseProxyTargets(process.env.CROSSFOOT_LLM_PROXY_TARGET) }) });
        return middlewares;
      },
      onListening(server) {
        const scheme = preview ? 'http' : 'https';
        const page = preview ? 'preview.html' : 'taskpane.html';
        const url = `${scheme}://localhost:${port}/${page}`;
        void server;
        process.stdout.write(`\n  crossfoot ${preview ? 'preview' : 'task pane for Excel'}: ${url}\n\n`);
      },
    };
  }

  return {
    mode: production ? 'production' : 'development',
    target: 'web',
    context: ROOT,
    entry: {
      taskpane: path.join(ADDIN, 'taskpane/index.tsx'),
      preview: path.join(ADDIN, 'preview/index.tsx'),
    },
    output: {
      path: outputPath,
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: '',
      clean: true,
    },
    devtool: sourceMaps ? (production ? 'source-map' : 'eval-cheap-module-source-map') : false,
    resolve: {
      extensions: ['.tsx', '.ts', '.mjs', '.js'],
      // no Node built-ins in the browser: an import of one is a build error, not a silent polyfill
      fallback: {},
    },
    module: {
      rules: [
        // the prompt files, as strings
        { test: /\.md$/, include: path.join(ROOT, 'prompts'), type: 'asset/source' },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // types are checked by `tsc -p addin/tsconfig.json`; the bundle only transpiles
            options: { configFile: path.join(ADDIN, 'tsconfig.json'), transpileOnly: true, onlyCompileBundledFiles: true },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          vendor: { test: /[\\/]node_modules[\\/]/, name: 'vendor', chunks: 'all', priority: 10 },
        },
      },
    },
    performance: { hints: false },
    // repeated builds (dev server restarts, end-to-end runs) reuse modules and minified output
    cache: {
      type: 'filesystem',
      name: `${production ? 'production' : 'development'}-${sourceMaps ? 'maps' : 'nomaps'}`,
      buildDependencies: { config: [__filename] },
    },
    plugins: [
      new webpack.DefinePlugin({ 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: path.join(ADDIN, 'taskpane/taskpane.html'),
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'preview.html',
        template: path.join(ADDIN, 'preview/preview.html'),
        chunks: ['preview'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: path.join(ADDIN, 'assets'), to: 'assets', noErrorOnMissing: true },
          { from: path.join(ROOT, 'manifest.xml'), to: 'manifest.xml', noErrorOnMissing: true },
        ],
      }),
      new PreviewSamplesPlugin(),
    ],
    devServer,
    stats: 'errors-warnings',
    infrastructureLogging: { level: 'warn' },
  };
};
