/**
 * Verify throughput and memory: writes 1,000,000-event traces to a temp file (streamed,
 * never held in memory) and verifies them, printing events/s and RSS. Side by side:
 * a cluster trace (ticks, pings, sessions, faults), a Paxos trace with the streaming
 * checkers, and Paxos refinement (XState replay) on a shorter trace.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

export async function run(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'coordkit-bench-'));
  try {
    const cluster = join(dir, 'cluster.jsonl');
    const paxos = join(dir, 'paxos.jsonl');
    const paxosShort = join(dir, 'paxos-short.jsonl');
    await writeTrace(cluster, clusterHeader('bench'), clusterEvents(1_000_000));
    await writeTrace(paxos, { ...paxosHeader, config: { ...paxosHeader.config, learners: ['l1'] } }, paxosEvents(1_000_000));
    await writeTrace(paxosShort, { ...paxosHeader, config: { ...paxosHeader.config, learners: ['l1'] } }, paxosEvents(20_000));
    console.log('verify throughput (reader + checkers, one pass, streamed from a temp file)');
    await measure('cluster, all checkers', cluster);
    await measure('paxos, streaming checkers (--no-refinement)', paxos, new Set(['paxos.refinement']));
    await measure('paxos, all checkers incl. XState refinement', paxosShort);
    console.log(`process maxRSS over the whole run: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('bench/verify.ts')) await run();
