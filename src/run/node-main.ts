/**
 * One protocol node as an OS process: a deterministic handler (src/impl/paxos or
 * src/impl/cluster) behind a UDP socket on 127.0.0.1. It persists the handler's stable
 * state before anything it did becomes visible, so a kill -9 and restart resumes from it.
 * It exits when the runner does (see the parent-death watch at the end).
 * Usage (by the runner only): node --import tsx node-main.ts '<NodeLaunch JSON>', stdin a pipe from the runner.
 */
import { createSocket } from 'node:dgram';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { AnyHandlerNode } from '../drive/in-process.ts';
import { startClusterClock } from './cluster-clock.ts';
import { nodeFactory } from './factories.ts';
import { decode, encode, type Message, type NodeLaunch, type Packet } from './wire.ts';

const launch = JSON.parse(process.argv[2]) as NodeLaunch;
const node: AnyHandlerNode = nodeFactory(launch.protocol, launch.variant)({ id: launch.id, role: launch.role, input: launch.input });
if (existsSync(launch.stateFile)) node.load(JSON.parse(readFileSync(launch.stateFile, 'utf8')));

const socket = createSocket('udp4');
const toProxy = (p: Packet) => socket.send(encode(p), launch.proxyPort, '127.0.0.1');
const event = (kind: string, payload: Record<string, unknown> = {}) => toProxy({ t: 'ev', ev: { node: launch.id, kind, ...payload } });

let saved = JSON.stringify(node.save());
function persist(): void {
  const now = JSON.stringify(node.save());
  if (now === saved) return;
  writeFileSync(`${launch.stateFile}.tmp`, now);
  renameSync(`${launch.stateFile}.tmp`, launch.stateFile);
  saved = now;
}

type Output = { type: string } & Record<string, unknown>;
/** Handles one input (or runs `step`), persists, then makes the outputs visible. */
function act(input: Parameters<AnyHandlerNode['handle']>[0] | (() => unknown[])): void {
  const outputs = (typeof input === 'function' ? input() : node.handle(input)) as Output[];
  persist();
  for (const o of outputs) {
    if (o.type === 'send') {
      const to = o.to as string[];
      event('send', { to, msg: o.msg });
      for (const t of to) toProxy({ t: 'msg', from: launch.id, to: t, msg: o.msg as Message });
    } else {
      const { type, ...rest } = o;
      event(type, rest);
    }
  }
}

let begun = false;
/** Cluster nodes: reads the shared clock (./cluster-clock.ts); a no-op for Paxos. */
let syncClock = () => {};
function begin(origin: number | undefined): void {
  if (begun) return;
  begun = true;
  if (launch.protocol === 'paxos' && launch.role === 'proposer') {
    if (launch.value !== undefined) event('propose', { value: launch.value });
    // Stagger proposers so rounds interleave rather than collide every time.
    const offset = (launch.id.charCodeAt(launch.id.length - 1) % 4) * (launch.periodMs / 4);
    setTimeout(() => {
      act({ kind: 'event', event: { type: 'start' } });
      setInterval(() => act({ kind: 'event', event: { type: 'start' } }), launch.periodMs);
    }, offset);
  }
  if (launch.protocol === 'cluster') {
    // A server announces itself (its vote and role) as the model's initial state does.
    const boot = (node as AnyHandlerNode & { boot?(): unknown[] }).boot;
    if (boot) act(() => boot.call(node));
    const clock = startClusterClock(origin ?? Date.now(), launch.periodMs, (now) => {
      if (launch.role === 'server') event('tick', { tick: now });
      act({ kind: 'event', event: { type: 'tick', now } });
    });
    syncClock = clock.sync;
  }
}

socket.on('message', (buf) => {
  const p = decode(buf);
  if (!p) return;
  if (p.t === 'begin') begin(p.origin);
  else if (p.t === 'msg' && p.to === launch.id) {
    syncClock();
    event('receive', { from: p.from, msg: p.msg });
    act({ kind: 'receive', from: p.from, msg: p.msg });
  }
});
socket.bind(0, '127.0.0.1', () => toProxy({ t: 'hello', node: launch.id, port: socket.address().port }));
process.on('SIGTERM', () => process.exit(0));

// Parent-death watch: the runner holds the other end of stdin, so its death (even by
// SIGKILL, which runs no handler there) closes the pipe; a changed ppid is the backup.
// A SIGSTOPped node notices neither: the runner's reaper (./reaper.mjs) kills it.
const parent = process.ppid;
process.stdin.on('close', () => process.exit(0));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
setInterval(() => {
  if (process.ppid !== parent) process.exit(0);
}, 500).unref();
