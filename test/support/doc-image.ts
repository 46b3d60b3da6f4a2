/**
 * Where a test saves a picture it takes for the documentation (docs/*.png): into docs/ only when
 * CROSSFOOT_UPDATE_DOCS=1, else into a temporary folder, so that running the tests never changes the work tree.
 *
 *   CROSSFOOT_UPDATE_DOCS=1 npx jest test/report/html.test.ts     refresh docs/report.png
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export function docImagePath(name: string): string {
  if (process.env.CROSSFOOT_UPDATE_DOCS === '1') return path.join(__dirname, '..', '..', 'docs', name);
  const dir = path.join(os.tmpdir(), 'crossfoot-doc-images');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
