/**
 * Records the Paxos traces in traces/paxos/: runs of the source article's Paxos, of the
 * correct Paxos, and of the correct one with single mutations, each named for the
 * properties `coordkit verify` finds broken (or `pass`). Deterministic: same seeds, same
 * files. Run: node bin/run-ts.mjs src/impl/paxos-article/record.ts
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { verifyItems } from '../../../conformance/checkers/run.ts';
import { readTraceText } from '../../../conformance/schema/reader.ts';
import type { Mutation } from './correct.ts';
import { runPaxos, type RunOptions } from './sim.ts';
import { traceToJsonl } from '../../../conformance/schema/writer.ts';

interface Recipe { label: string; options: Omit<RunOptions, 'seed'>; seeds: number; keepPasses?: number }

const recipes: Recipe[] = [
  { label: 'article', options: { impl: 'article' }, seeds: 60 },
  { label: 'correct', options: { impl: 'correct', proposers: 3, retryRate: 0.08 }, seeds: 3, keepPasses: 3 },
  ...(['accept-below-promise', 'ignore-promised-values', 'learner-decides-on-first', 'invent-value'] as Mutation[]).map((mutation) => ({
    label: `mutant-${mutation}`, options: { impl: 'correct' as const, mutation, proposers: 3, retryRate: 0.08 }, seeds: 60,
  })),
];

/** File name suffix: `pass`, or `fail.` + the broken properties without their protocol prefix. */
export function verdictName(failing: string[]): string {
  return failing.length === 0 ? 'pass' : `fail.${failing.map((p) => p.replace(/^[a-z]+\./, '')).join('+')}`;
}

export async function record(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  for (const f of await readdir(dir)) if (f.endsWith('.jsonl')) await rm(join(dir, f));
  const written: string[] = [];
  for (const r of recipes) {
    const seen = new Set<string>();
    let passes = 0;
    for (let seed = 1; seed <= r.seeds; seed++) {
      const text = traceToJsonl(runPaxos({ ...r.options, seed }));
      const report = await verifyItems(readTraceText(text), r.label);
      const name = verdictName(report.verdicts.filter((v) => v.status === 'fail').map((v) => v.property));
      if (name === 'pass' ? passes >= (r.keepPasses ?? 0) : seen.has(name)) continue;
      if (name === 'pass') passes++;
      seen.add(name);
      const file = `${r.label}-seed${seed}.${name}.jsonl`;
      await writeFile(join(dir, file), text);
      written.push(file);
    }
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const files = await record(new URL('../../../traces/paxos/', import.meta.url).pathname);
  process.stdout.write(`${files.join('\n')}\n`);
}
