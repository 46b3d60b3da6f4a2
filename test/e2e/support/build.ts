/** Build the add-in's production bundle (webpack.config.js) into a directory, through webpack's Node API. */
import * as path from 'node:path';
import webpack from 'webpack';

export async function buildAddin(outputPath: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configure = require(path.join(__dirname, '..', '..', '..', 'webpack.config.js')) as (
    env: Record<string, string>,
    argv: { mode: string },
  ) => Promise<webpack.Configuration>;
  const config = await configure({ outputPath, sourceMaps: 'false' }, { mode: 'production' });
  await new Promise<void>((resolve, reject) => {
    const compiler = webpack(config);
    compiler.run((err, stats) => {
      compiler.close(() => {
        if (err) reject(err);
        else if (stats?.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true, errorDetails: true })));
        else resolve();
      });
    });
  });
}
