/**
 * Runs a protocol as real node processes on 127.0.0.1 and records one conformance trace:
 * spawns a process per node, routes every datagram through a proxy that drops traffic
 * between partition groups, injects the planned faults (SIGKILL and restart, SIGSTOP and
 * SIGCONT, partitions), numbers and timestamps the nodes' events in arrival order, and
 * at the end stops only the processes it started, by PID.
 *
 * No node outlives the run, however it ends: each node is its own process group, killed
 * (SIGCONT then SIGKILL) on every exit path of this process (normal end, abort, an
 * exception, process exit); a node exits by itself when the runner's pipe to it closes;
 * and a reaper process (./reaper.mjs) kills what is left if the runner is SIGKILLed,
 * a paused node included. The trace is streamed to disk as it is recorded
 * (TraceFileWriter), so a killed run leaves a valid prefix.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TraceEvent, TraceHeader } from '../../conformance/schema/trace.ts';
import { UserError } from '../../conformance/schema/user-error.ts';
import { TraceFileWriter } from '../../conformance/schema/writer.ts';
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
  /** Streams the trace to this file as it is recorded (header first, one event a line). */
  out?: string;
  /** Aborting ends the run early, cleanly: nodes stopped, trace closed, result returned. */
  signal?: AbortSignal;
}

export interface RunResult {
  header: TraceHeader;
  events: TraceEvent[];
  faults: FaultAction[];
  pids: number[];
  /** 'aborted' when `signal` ended the run before its duration. */
  ended: 'finished' | 'aborted';
  /** Set when streaming to `out` failed part-way; `events` is still whole. */
  writeError?: string;
}

/** `.ts` in a checkout, `.js` in the built package: the extension of this very file. */
const NODE_MAIN = fileURLToPath(new URL(`./node-main${import.meta.url.slice(import.meta.url.lastIndexOf('.'))}`, import.meta.url));
const REAPER = fileURLToPath(new URL('./reaper.mjs', import.meta.url));
/** tsx's loader by absolute URL, so node processes start from any working directory. */
const TSX = import.meta.resolve('tsx');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class Aborted extends Error {}

/** Waits `ms`, or rejects with Aborted as soon as `signal` fires. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Aborted());
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Aborted());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** `promise`, or a rejection after `ms` (the timer cleared either way, so it keeps no process alive). */
function within<T>(promise: Promise<T>, ms: number, message: string, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), ms);
    const onAbort = () => reject(new Aborted());
    signal?.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    });
  });
}

const running = (c: ChildProcess) => c.exitCode === null && c.signalCode === null;

/** Kills a node's whole process group, resuming it first in case it is paused. */
function killGroup(c: ChildProcess): void {
  if (c.pid === undefined || !running(c)) return;
  for (const signal of ['SIGCONT', 'SIGKILL'] as const) {
    try {
      process.kill(-c.pid, signal);
    } catch {
      c.kill(signal); // not a group leader after all (spawn failed half-way): the process itself
    }
  }
}

export async function runReal(plan: RunPlan, opts: RunOptions): Promise<RunResult> {
  const log = opts.log ?? (() => {});
  let writer: TraceFileWriter | undefined;
  if (opts.out !== undefined) {
    try {
      writer = new TraceFileWriter(opts.out, plan.header);
    } catch (err) {
      throw new UserError(`cannot write: ${(err as Error).message}`, { file: opts.out, field: '--out' });
    }
  }
  let writeError: string | undefined;
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
    const event = { ...e, seq: events.length + 1, ts } as TraceEvent;
    events.push(event);
    if (!writer) return;
    try {
      writer.event(event);
    } catch (err) {
      // Keep recording in memory: the caller still gets (and prints) the whole run.
      writeError = `${opts.out}: --out: cannot write: ${(err as Error).message}`;
      try { writer.close(); } catch { /* the write already failed */ }
      writer = undefined;
    }
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

  // The reaper: started first, told of every node group, and closed last (see ./reaper.mjs).
  const reaper = spawn(process.execPath, [REAPER, dir], { detached: true, stdio: ['pipe', 'ignore', 'inherit'] });
  reaper.stdin!.on('error', () => {});
  log(`reaper pid ${reaper.pid}`);
  const tellReaper = (line: string) => {
    if (reaper.stdin!.writable) reaper.stdin!.write(`${line}\n`);
  };
  // Whatever ends this process (an exception, process.exit) ends the nodes first.
  const killAll = () => children.forEach(killGroup);
  process.on('exit', killAll);

  const launch = async (spec: NodeSpec): Promise<void> => {
    const l: NodeLaunch = {
      protocol: plan.protocol, id: spec.id, role: spec.role, input: spec.input, proxyPort,
      stateFile: join(dir, `${spec.id}.json`), periodMs: plan.periodMs, value: plan.values?.[spec.id], variant: plan.variant,
    };
    ports.delete(spec.id);
    const ready = new Promise<void>((resolve) => waiters.set(spec.id, resolve));
    // Its own process group (detached), so one kill reaches it whole; stdin is its parent-death watch.
    const child = spawn(process.execPath, ['--import', TSX, NODE_MAIN, JSON.stringify(l)], { detached: true, stdio: ['pipe', 'ignore', 'inherit'] });
    child.stdin!.on('error', () => {});
    procs.set(spec.id, child);
    children.push(child);
    if (child.pid !== undefined) {
      pids.push(child.pid);
      tellReaper(`+${child.pid}`);
      const pid = child.pid;
      child.once('exit', () => tellReaper(`-${pid}`));
    }
    await within(ready, 20_000, `node ${spec.id} did not start within 20 s`, opts.signal);
    log(`node ${spec.id} pid ${child.pid} port ${ports.get(spec.id)}`);
  };

  const faults = planFaults({ kinds: opts.faults, durationMs: opts.durationMs, victims: plan.victims, nodes: plan.nodes.map((n) => n.id), seed: opts.seed });
  const paused = new Set<string>();
  const pending: Promise<void>[] = [];
  let ended: RunResult['ended'] = 'finished';
  try {
    await Promise.all(plan.nodes.map(launch));
    started = Date.now();
    for (const n of plan.nodes) send(n.id, { t: 'begin', origin: started });
    log(`started ${plan.nodes.length} node processes (pids ${pids.join(', ')})`);
    for (const f of faults) {
      const wait = started + f.at - Date.now();
      if (wait > 0) await pause(wait, opts.signal);
      log(`t=${Date.now() - started}ms ${f.kind}${'node' in f ? ` ${f.node}` : ''}${f.kind === 'partition' ? ` ${JSON.stringify(f.groups)}` : ''}`);
      await inject(f);
    }
    const rest = started + opts.durationMs - Date.now();
    if (rest > 0) await pause(rest, opts.signal);
    await within(Promise.all(pending), 30_000, 'a restarted node did not start within 30 s', opts.signal);
  } catch (err) {
    if (!(err instanceof Aborted)) throw err;
    ended = 'aborted';
    log('run aborted: stopping the nodes');
  } finally {
    // Every process this run started (restarts included), by process group; wait until each is reaped.
    const exits = children.filter(running).map((c) => new Promise<void>((resolve) => c.once('exit', () => resolve())));
    killAll();
    await within(Promise.all(exits), 5000, 'unreaped').catch(() => {});
    process.off('exit', killAll);
    reaper.stdin!.end();
    proxy.close();
    rmSync(dir, { recursive: true, force: true });
    try {
      writer?.close();
    } catch (err) {
      writeError ??= `${opts.out}: --out: cannot write: ${(err as Error).message}`;
    }
  }
  return { header: plan.header, events, faults, pids, ended, writeError };

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
        const restarted = launch(spec).then(() => send(f.node, { t: 'begin', origin: started }));
        restarted.catch(() => {}); // awaited (and its failure thrown) at the end; not an unhandled rejection meanwhile
        pending.push(restarted);
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

