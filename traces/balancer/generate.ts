/** Regenerates the balancer trace corpus: node bin/run-ts.mjs traces/balancer/generate.ts */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpus } from '../../src/impl/balancer/corpus.ts';
import { traceToJsonl } from '../../conformance/schema/writer.ts';

const here = dirname(fileURLToPath(import.meta.url));
for (const t of corpus()) {
  const path = join(here, t.file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, traceToJsonl(t.lines()));
  console.log(`${t.expect}  ${t.file}`);
}
