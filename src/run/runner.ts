/**
 * Runs a protocol as real node processes on 127.0.0.1 and records one conformance trace:
 * spawns a process per node, routes every datagram through a proxy that drops traffic
 * between partition groups, injects the planned faults (SIGKILL and restart, SIGSTOP and
 * SIGCONT, partitions), numbers and timestamps the nodes' events in arrival order, and
 * at the end stops only the processes it started, by PID.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TraceEvent, TraceHeader } from '../../conformance/schema/trace.ts';
import type { NodeSpec } from '../drive/adapter.ts';
import { planFaults, type FaultAction, type FaultKind } from './faults.ts';
import { decode, encode, type NodeLaunch, type Packet } from './wire.ts';

export interface RunPlan {
  protocol: 'paxos' | 'cluster';
  header: TraceHeader;
  nodes: NodeSpec[];
  /** Nodes kills and pauses may hit. */
  victims: string[];
  periodMs: number;
  /** The implementation variant (a mutant name); default the reference. */
  variant?: string;
  /** Per-node extra launch fields (a proposer's value). */
  values?: Record<string, string>;
}

export interface RunOptions {
  faults: FaultKind[];
  durationMs: number;
  seed: number;
  log?: (line: string) => void;
}

export interface RunResult {
  header: TraceHeader;
  events: TraceEvent[];
  faults: FaultAction[];
  pids: number[];
}

const NODE_MAIN = fileURLToPath(new URL('./node-main.ts', import.meta.url));
/** tsx's loader by absolute URL, so node processes start from any working directory. */
const TSX = import.meta.resolve('tsx');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runReal(plan: RunPlan, opts: RunOptions): Promise<RunResult> {
  const log = opts.log ?? (() => {});
  const dir = mkdtempSync(join(tmpdir(), 'coordkit-run-'));
  const events: TraceEvent[] = [];
  const ports = new Map<string, number>();
  const procs = new Map<string, ChildProcess>();
  const children: ChildProcess[] = [];
  const pids: number[] = [];
  let groups: Map<string, number> | null = null;
  let started = 0;
  const record = (e: Record<string, unknown>) => {
    const ts = started ? Math.max(0, Date.now() - started) : 0;
    events.push({ ...e, seq: events.length + 1, ts } as TraceEvent);
  };
  const connected = (a: string, b: string) => groups === null || (groups.get(a) ?? -1) === (groups.get(b) ?? -2);

  const proxy: Socket = createSocket('udp4');
  const waiters = new Map<string, () => void>();
  proxy.on('message', (buf) => {
    const p = decode(buf);
    if (!p) return;
    if (p.t === 'hello') {
      ports.set(p.node, p.port);
      waiters.get(p.node)?.();
    } else if (p.t === 'ev') {
      record(p.ev);
    } else if (p.t === 'msg') {
      const port = ports.get(p.to);
      if (port === undefined) return;
      if (connected(p.from, p.to)) proxy.send(encode(p), port, '127.0.0.1');
      else record({ node: p.to, kind: 'drop', from: p.from, msg: p.msg });
    }
  });
  await new Promise<void>((resolve) => proxy.bind(0, '127.0.0.1', () => resolve()));
  proxy.setRecvBufferSize(8 << 20);
  const proxyPort = proxy.address().port;
  const send = (node: string, p: Packet) => {
    const port = ports.get(node);
    if (port !== undefined) proxy.send(encode(p), port, '127.0.0.1');
  };

  const launch = async (spec: NodeSpec): Promise<void> => {
    const l: NodeLaunch = {
      protocol: plan.protocol, id: spec.id, role: spec.role, input: spec.input, proxyPort,
      stateFile: join(dir, `${spec.id}.json`), periodMs: plan.periodMs, value: plan.values?.[spec.id], variant: plan.variant,
    };
    ports.delete(spec.id);
    const ready = new Promise<void>((resolve) => waiters.set(spec.id, resolve));
    const child = spawn(process.execPath, ['--import', TSX, NODE_MAIN, JSON.stringify(l)], { stdio: ['ignore', 'ignore', 'inherit'] });
    procs.set(spec.id, child);
    children.push(child);
    if (child.pid !== undefined) pids.push(child.pid);
    const timeout = sleep(20_000).then(() => { throw new Error(`node ${spec.id} did not start within 20 s`); });
    await Promise.race([ready, timeout]);
  };

  const faults = planFaults({ kinds: opts.faults, durationMs: opts.durationMs, victims: plan.victims, nodes: plan.nodes.map((n) => n.id), seed: opts.seed });
  const paused = new Set<string>();
  const pending: Promise<void>[] = [];
  try {
    await Promise.all(plan.nodes.map(launch));
    started = Date.now();
    for (const n of plan.nodes) send(n.id, { t: 'begin', origin: started });
    log(`started ${plan.nodes.length} node processes (pids ${pids.join(', ')})`);
    for (const f of faults) {
      const wait = started + f.at - Date.now();
      if (wait > 0) await sleep(wait);
      log(`t=${Date.now() - started}ms ${f.kind}${'node' in f ? ` ${f.node}` : ''}${f.kind === 'partition' ? ` ${JSON.stringify(f.groups)}` : ''}`);
      await inject(f);
    }
    const rest = started + opts.durationMs - Date.now();
    if (rest > 0) await sleep(rest);
    await Promise.all(pending);
  } finally {
    // Every process this run started (restarts included), by PID; wait until each is reaped.
    const exits = children.filter((c) => c.exitCode === null && c.signalCode === null)
      .map((c) => new Promise<void>((resolve) => c.once('exit', () => resolve())));
    for (const child of children) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      child.kill('SIGCONT');
      child.kill('SIGKILL');
    }
    await Promise.race([Promise.all(exits), sleep(5000)]);
    proxy.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { header: plan.header, events, faults, pids };

  async function inject(f: FaultAction): Promise<void> {
    switch (f.kind) {
      case 'kill': {
        procs.get(f.node)?.kill('SIGKILL');
        ports.delete(f.node);
        await sleep(30); // let what it sent before dying arrive first
        record({ node: f.node, kind: 'crash' });
        break;
      }
      case 'restart': {
        const spec = plan.nodes.find((n) => n.id === f.node)!;
        record({ node: f.node, kind: 'restart' });
        // Starting a process takes a while; the schedule goes on meanwhile.
        pending.push(launch(spec).then(() => send(f.node, { t: 'begin', origin: started })));
        break;
      }
      case 'pause':
        procs.get(f.node)?.kill('SIGSTOP');
        paused.add(f.node);
        await sleep(30);
        record({ node: f.node, kind: 'pause' });
        break;
      case 'resume':
        record({ node: f.node, kind: 'resume' });
        paused.delete(f.node);
        procs.get(f.node)?.kill('SIGCONT');
        break;
      case 'partition':
        groups = new Map();
        f.groups.forEach((g, i) => g.forEach((n) => groups!.set(n, i)));
        record({ node: f.groups[0][0] ?? plan.nodes[0].id, kind: 'partition', groups: f.groups });
        break;
      case 'heal':
        groups = null;
        record({ node: plan.nodes[0].id, kind: 'heal' });
        break;
    }
  }
}

