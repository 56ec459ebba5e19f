/**
 * Writes traces/cluster/: each scenario's trace, named `<scenario>.pass.jsonl` or
 * `<scenario>.fail.<properties>.jsonl`. Refuses to write a scenario whose verdicts differ
 * from what it is meant to break. Run: node bin/run-ts.mjs conformance/checkers/cluster/record.ts
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readTraceText } from '../../schema/reader.ts';
import { verifyItems } from '../run.ts';
import { build, scenarios } from './scenarios.ts';
import { traceToJsonl } from '../../schema/writer.ts';

export async function recordClusterTraces(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  for (const f of await readdir(dir)) if (f.endsWith('.jsonl')) await rm(join(dir, f));
  const written: string[] = [];
  for (const s of scenarios) {
    const run = build(s);
    const text = traceToJsonl(run);
    const report = await verifyItems(readTraceText(text), s.name);
    const failing = report.verdicts.filter((v) => v.status === 'fail').map((v) => v.property.replace(/^cluster\./, ''));
    if (failing.join('+') !== s.breaks.join('+')) {
      throw new Error(`scenario ${s.name} breaks [${failing}] but is meant to break [${s.breaks}]`);
    }
    const file = `${s.name}.${s.breaks.length ? `fail.${s.breaks.join('+')}` : 'pass'}.jsonl`;
    await writeFile(join(dir, file), text);
    written.push(file);
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const files = await recordClusterTraces(new URL('../../../traces/cluster/', import.meta.url).pathname);
  process.stdout.write(`${files.join('\n')}\n`);
}
