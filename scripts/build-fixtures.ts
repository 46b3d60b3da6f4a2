/**
 * `npm run fixtures`: regenerate test/fixtures/books/*.xlsx and manifest.json from the transcriptions under
 * test/fixtures/source/ (seeds, corpus, narrative). Deterministic: a rebuild gives the same bytes.
 */
import * as path from 'path';
import { buildFixtures, DEFAULT_OUT_DIR, PROJECT_ROOT } from './fixtures/build';

async function main(): Promise<void> {
  const result = await buildFixtures({ log: (m) => console.log(m) });
  const n = result.manifest.books.length;
  console.log(`wrote ${n} books and manifest.json to ${path.relative(PROJECT_ROOT, DEFAULT_OUT_DIR)}`);
  if (result.missing.length) console.log(`corpus transcriptions not yet available: ${result.missing.join(', ')}`);
  if (result.withoutNarrative.length) console.log(`no narrative file for: ${result.withoutNarrative.join(', ')}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack ?? e.message : e);
  process.exit(1);
});
