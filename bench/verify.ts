/**
 * Verify throughput and memory: writes 1,000,000-event traces to a temp file (streamed,
 * never held in memory) and verifies them, printing events/s and RSS. Side by side:
 * a cluster trace (ticks, pings, sessions, faults), a Paxos trace with the streaming
 * checkers, and Paxos refinement (XState replay) on a shorter trace.
 *
 * Memory against trace length: the Paxos streaming checkers judge 10^6 and 4 x 10^6
 * events of the same generator, each in a fresh process (a process's RSS never shrinks,
 * so one run would inherit the last one's heap), reporting peak RSS and the memory still
 * held after a full GC at the end, i.e. what the checkers keep: the JS heap plus
 * ArrayBuffer backing stores (the typed-array columns of the per-ballot records live
 * outside the JS heap, so heapUsed alone would leave them out).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { verifyItems } from '../conformance/checkers/run.ts';
import { readTraceFileBatches, type TraceItem } from '../conformance/schema/reader.ts';
import { clusterHeader } from '../conformance/checkers/cluster/scenarios.ts';
import { paxosHeader } from '../conformance/schema/arbitraries.ts';

type Line = Record<string, unknown>;

async function writeTrace(path: string, header: unknown, events: Iterable<Line>): Promise<number> {
  const out = createWriteStream(path);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write(`${JSON.stringify(header)}\n`);
  let n = 0;
  let buf = '';
  for (const e of events) {
    buf += `${JSON.stringify({ seq: ++n, ...e })}\n`;
    if (buf.length > 1 << 16) { await write(buf); buf = ''; }
  }
  await write(buf);
  await new Promise<void>((r) => out.end(() => r()));
  return n;
}

/** A long healthy leader/follower run: every tick all servers tick, the leader pings, sessions heartbeat. */
function* clusterEvents(count: number): Generator<Line> {
  const servers = ['s1', 's2', 's3'];
  let n = 0;
  yield* servers.map((s, i) => ({ ts: 0, node: s, kind: 'role', role: i === 0 ? 'leading' : 'following', epoch: 1 }));
  n += 3;
  for (let tick = 1; n < count; tick++) {
    const ts = tick * 100;
    for (const s of servers) { yield { ts, node: s, kind: 'tick', tick }; n++; }
    for (const f of ['s2', 's3']) {
      yield { ts, node: 's1', kind: 'send', to: f, msg: { type: 'ping', epoch: 1, zxid: tick, tick } };
      yield { ts, node: f, kind: 'receive', from: 's1', msg: { type: 'ping', epoch: 1, zxid: tick, tick } };
      n += 2;
    }
    yield { ts, node: 's1', kind: 'session', session: `c${tick % 3}`, action: 'heartbeat' };
    n++;
  }
}

/** Correct Paxos rounds, one ballot after another, all messages sent and received. */
function* paxosEvents(count: number): Generator<Line> {
  const acceptors = ['a1', 'a2', 'a3'];
  let n = 0;
  yield { node: 'p1', kind: 'propose', value: 'x' };
  let accepted = null as { b: number; v: string } | null;
  for (let ballot = 0; n < count; ballot++) {
    const p = ballot % 2 === 0 ? 'p1' : 'p2';
    const out: Line[] = [{ node: p, kind: 'send', to: acceptors, msg: { type: 'prepare', ballot } }];
    for (const a of acceptors) {
      const promise = { type: 'promise', ballot, acceptedBallot: accepted?.b ?? null, acceptedValue: accepted?.v ?? null };
      out.push({ node: a, kind: 'receive', from: p, msg: { type: 'prepare', ballot } }, { node: a, kind: 'send', to: p, msg: promise }, { node: p, kind: 'receive', from: a, msg: promise });
    }
    const value: string = accepted?.v ?? 'x';
    out.push({ node: p, kind: 'send', to: acceptors, msg: { type: 'accept', ballot, value } });
    for (const a of acceptors) {
      const msg = { type: 'accepted', ballot, value };
      out.push({ node: a, kind: 'receive', from: p, msg: { type: 'accept', ballot, value } }, { node: a, kind: 'send', to: [p, 'l1'], msg }, { node: 'l1', kind: 'receive', from: a, msg });
    }
    if (ballot === 0) out.push({ node: 'l1', kind: 'decide', value });
    accepted = { b: ballot, v: value };
    for (const e of out) { if (n++ >= count) return; yield e; }
  }
}

async function measure(label: string, path: string, skip: ReadonlySet<string> = new Set()): Promise<void> {
  let peakRss = 0;
  async function* sampled(batches: AsyncIterable<TraceItem[]>): AsyncGenerator<TraceItem[]> {
    let i = 0;
    for await (const batch of batches) {
      if ((++i & 31) === 0) peakRss = Math.max(peakRss, process.memoryUsage.rss());
      yield batch;
    }
  }
  const t0 = performance.now();
  const report = await verifyItems(sampled(readTraceFileBatches(path)), path, skip);
  const seconds = (performance.now() - t0) / 1000;
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  const failed = report.verdicts.filter((v) => v.status === 'fail').map((v) => v.property);
  const mb = (await stat(path)).size / 2 ** 20;
  console.log(`${label.padEnd(44)} ${String(report.events).padStart(9)} events  ${mb.toFixed(0).padStart(4)} MiB  ${seconds.toFixed(2).padStart(6)} s  ${Math.round(report.events / seconds).toLocaleString('en').padStart(10)} events/s  peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB  ${failed.length ? `FAILED ${failed}` : 'all pass'}`);
}

const PAXOS_SKIP = new Set(['paxos.refinement']);
const paxosBenchHeader = { ...paxosHeader, config: { ...paxosHeader.config, learners: ['l1'] } };

interface MemoryFigures { events: number; seconds: number; peakRssMiB: number; heldMiB: number; failed: string[] }

/** The child's side of `memoryRun`: one verify with a full GC after the last event; prints the figures as JSON. */
async function measureMemory(path: string): Promise<void> {
  let held = 0;
  /** After the last event, before the verdicts: the checkers are alive, garbage is not. */
  async function* thenGc(batches: AsyncIterable<TraceItem[]>): AsyncGenerator<TraceItem[]> {
    yield* batches;
    // Twice, a turn apart: ArrayBuffer backing stores are released after the collection that frees them.
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    await new Promise((r) => setTimeout(r, 10));
    gc?.();
    const m = process.memoryUsage();
    held = m.heapUsed + m.arrayBuffers;
  }
  const t0 = performance.now();
  const report = await verifyItems(thenGc(readTraceFileBatches(path)), path, PAXOS_SKIP);
  const seconds = (performance.now() - t0) / 1000;
  const figures: MemoryFigures = {
    events: report.events,
    seconds,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    heldMiB: held / 2 ** 20,
    failed: report.verdicts.filter((v) => v.status === 'fail').map((v) => v.property),
  };
  console.log(JSON.stringify(figures));
}

const MEMORY_FLAG = '--memory-of';
/** paxosEvents writes 20 events per ballot (a prepare, 3 x 3 for phase 1, an accept, 3 x 3 for phase 2). */
const BALLOTS_PER_MILLION = 1e6 / 20;

/** Verifies `path` in a fresh node process (with --expose-gc) and returns its figures. */
function memoryRun(path: string): MemoryFigures {
  const runTs = fileURLToPath(new URL('../bin/run-ts.mjs', import.meta.url));
  const self = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, ['--expose-gc', runTs, self, MEMORY_FLAG, path], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`memory run of ${path} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) as string) as MemoryFigures;
}

async function memoryAgainstLength(dir: string, header: unknown): Promise<void> {
  const rows: MemoryFigures[] = [];
  for (const events of [1_000_000, 4_000_000]) {
    const path = join(dir, `paxos-${events}.jsonl`);
    await writeTrace(path, header, paxosEvents(events));
    rows.push(memoryRun(path));
    await rm(path, { force: true });
  }
  const mib = (x: number) => `${x.toFixed(0)} MiB`;
  for (const r of rows) {
    console.log(`${`paxos streaming checkers, fresh process`.padEnd(44)} ${String(r.events).padStart(9)} events  ${r.seconds.toFixed(2).padStart(6)} s  ${Math.round(r.events / r.seconds).toLocaleString('en').padStart(10)} events/s  peak RSS ${mib(r.peakRssMiB)}  heap + buffers held after GC ${mib(r.heldMiB)}  ${r.failed.length ? `FAILED ${r.failed}` : 'all pass'}`);
  }
  const [small, large] = rows;
  const perMillion = (large.heldMiB - small.heldMiB) / ((large.events - small.events) / 1e6);
  console.log(`paxos memory, 4x the events: peak RSS x${(large.peakRssMiB / small.peakRssMiB).toFixed(2)}, held by the checkers +${perMillion.toFixed(1)} MiB per 10^6 events (${Math.round(perMillion * 2 ** 20 / BALLOTS_PER_MILLION)} bytes per ballot: the few records per ballot that exact verdicts need)`);
}

export async function run(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'coordkit-bench-'));
  try {
    const cluster = join(dir, 'cluster.jsonl');
    const paxos = join(dir, 'paxos.jsonl');
    const paxosShort = join(dir, 'paxos-short.jsonl');
    await writeTrace(cluster, clusterHeader('bench'), clusterEvents(1_000_000));
    await writeTrace(paxos, paxosBenchHeader, paxosEvents(1_000_000));
    await writeTrace(paxosShort, paxosBenchHeader, paxosEvents(20_000));
    console.log('verify throughput (reader + checkers, one pass, streamed from a temp file)');
    await measure('cluster, all checkers', cluster);
    await measure('paxos, streaming checkers (--no-refinement)', paxos, PAXOS_SKIP);
    await measure('paxos, all checkers incl. XState refinement', paxosShort);
    console.log(`process maxRSS over the whole run: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
    await rm(cluster, { force: true });
    await rm(paxos, { force: true });
    await memoryAgainstLength(dir, paxosBenchHeader);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('bench/verify.ts')) {
  const memoryOf = process.argv.indexOf(MEMORY_FLAG);
  if (memoryOf > 0) await measureMemory(process.argv[memoryOf + 1]);
  else await run();
}
