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
import type { TraceEvent } from '../../../conformance/schema/trace.ts';
import type { Mutation } from './correct.ts';
import { runPaxos, type RunOptions } from './sim.ts';
import { traceToJsonl } from '../../../conformance/schema/writer.ts';

interface Recipe {
  label: string;
  options: Omit<RunOptions, 'seed'>;
  /**
   * A list: exactly these seeds (the bundled runs, so that a checker change shows up as a
   * renamed file, never as a silently different run). A number N: seeds 1..N, keeping the
   * first run of each distinct verdict (or, with `want`, runs with exactly that verdict).
   */
  seeds: number[] | number;
  keepPasses?: number;
  /** Keep only runs whose file-name verdict is this (`pass`, `fail.learner-liveness`). */
  want?: string;
  /** Keep only runs that show this (e.g. a re-promise), and at most `keep` of them. */
  shows?: (events: TraceEvent[]) => boolean;
  keep?: number;
}

const isPromise = (e: TraceEvent) => e.kind === 'send' && e.msg.type === 'promise';

/** An acceptor promised some ballot twice, once after accepting in it; and a prepare was duplicated. */
export function showsRepromise(events: TraceEvent[]): boolean {
  const promised = new Set<string>();
  const accepted = new Set<string>();
  let repromiseAfterAccept = false;
  for (const e of events) {
    if (e.kind === 'send' && e.msg.type === 'accepted') accepted.add(`${e.node} ${e.msg.ballot}`);
    if (!isPromise(e) || e.kind !== 'send' || e.msg.type !== 'promise') continue;
    const key = `${e.node} ${e.msg.ballot}`;
    if (promised.has(key) && accepted.has(key)) repromiseAfterAccept = true;
    promised.add(key);
  }
  const duplicatePrepare = events.some((e) => e.kind === 'duplicate' && e.msg.type === 'prepare');
  return repromiseAfterAccept && duplicatePrepare;
}

const recipes: Recipe[] = [
  { label: 'article', options: { impl: 'article' }, seeds: [1, 10, 33] },
  { label: 'correct', options: { impl: 'correct', proposers: 3, retryRate: 0.08 }, seeds: [1, 2, 3] },
  ...([
    ['accept-below-promise', [2, 6]], ['ignore-promised-values', [3, 5]], ['learner-decides-on-first', [1, 4, 8]], ['invent-value', [5, 6]],
  ] as [Mutation, number[]][]).map(([mutation, seeds]) => ({
    label: `mutant-${mutation}`, options: { impl: 'correct' as const, mutation, proposers: 3, retryRate: 0.08 }, seeds,
  })),
  // Library-style acceptors answering a duplicated prepare again, on a network that duplicates.
  {
    label: 'repromise', options: { impl: 'correct', proposers: 2, retryRate: 0.08, duplicateRate: 0.2, repromise: true },
    seeds: 400, want: 'pass', shows: showsRepromise, keep: 1,
  },
  {
    label: 'mutant-learner-keeps-latest-only', options: { impl: 'correct', mutation: 'learner-keeps-latest-only', proposers: 3, retryRate: 0.1 },
    seeds: 400, want: 'fail.learner-liveness', keep: 1,
  },
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
    let kept = 0;
    for (const seed of Array.isArray(r.seeds) ? r.seeds : Array.from({ length: r.seeds }, (_, i) => i + 1)) {
      if (r.keep !== undefined && kept >= r.keep) break;
      const run = runPaxos({ ...r.options, seed });
      const text = traceToJsonl(run);
      const report = await verifyItems(readTraceText(text), r.label);
      const name = verdictName(report.verdicts.filter((v) => v.status === 'fail').map((v) => v.property));
      if (!Array.isArray(r.seeds)) {
        if (r.want !== undefined ? name !== r.want : name === 'pass' ? passes >= (r.keepPasses ?? 0) : seen.has(name)) continue;
        if (r.shows && !r.shows(run.events)) continue;
      }
      if (name === 'pass') passes++;
      seen.add(name);
      kept++;
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
