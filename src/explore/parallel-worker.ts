/**
 * An expansion worker: a frozen replica of the main thread's composed system that
 * computes the successors of the batches it is given and inserts their fingerprints into
 * the shared visited set, returning only the new ones. It may compute new local transitions (XState runs here too) but never invents
 * an id: a state that would need one comes back as a miss, before anything of it is
 * inserted, and the main thread expands it.
 */
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { ComposedSystem, type InternTables } from './compose.ts';
import { rawFingerprint, updateFingerprintAt, type Fingerprint } from './fingerprint.ts';
import { SharedFingerprintSet } from './fingerprint-set.ts';
import { NotInterned } from './intern.ts';
import { DONE, REQUEST, STOP, SUCCESSOR_HEADER, openSlot, threadCpuMs, workerStat, type WorkerInit } from './parallel-protocol.ts';
import type { SystemSpec } from './spec.ts';

const booted = performance.now();
const init = workerData as WorkerInit;
const build = (await import(init.recipe.module))[init.recipe.exportName] as (args: unknown) => SystemSpec | Promise<SystemSpec>;
// A recipe may be async (a user's module is imported): await it.
const system = new ComposedSystem(await build(init.recipe.args));
system.freeze();
const visited = new SharedFingerprintSet(init.visited);
const slots = init.slots.map(openSlot);
const port = parentPort!;
const status = new Int32Array(init.status);
const stats = new Float64Array(init.stats);
stats[workerStat('bootMs')] = performance.now() - booted;
stats[workerStat('bootCpuMs')] = threadCpuMs();
Atomics.add(status, 0, 1);
Atomics.notify(status, 0);

/** One state's successors, gathered before any is inserted: a miss must leave no trace. */
let pending = new Uint32Array(1 << 16);
let used = 0;
let count = 0;
/** The state being expanded: a successor that is this very array is a self-loop (compose.ts `keepsState`). */
let expanding = new Uint32Array(0);
const gather = (action: number, next: Uint32Array) => {
  count++;
  if (next === expanding) return;
  if (used + SUCCESSOR_HEADER + next.length > pending.length) {
    const grown = new Uint32Array(pending.length * 2);
    grown.set(pending);
    pending = grown;
  }
  pending[used++] = action;
  pending[used++] = next.length;
  for (let k = 0; k < next.length; k++) pending[used++] = next[k];
};

const parentFp: Fingerprint = { hi: 0, lo: 0 };
const fp: Fingerprint = { hi: 0, lo: 0 };
/** Per gathered successor: its fingerprint, or lo = 0 for a self-loop (not new). */
let his = new Uint32Array(64);
let los = new Uint32Array(64);
/** Where the home-slot reads go, so that they are not optimised away. */
let sink = 0;

/**
 * Expands the batch in `req` into `out` (layout in parallel-protocol.ts); returns how many
 * states it held. A function, not inline in the loop below: V8 optimises the top level of
 * a module with top-level await poorly, and this loop is the worker's whole work.
 */
function expandBatch(req: Uint32Array, out: Uint32Array): number {
  const states = req[0];
  const stride = req[1];
  // Keep room for every state's header words, whatever the successors take.
  const limit = out.length - 3 * states;
  let at = 0;
  const v = new Uint32Array(stride);
  for (let i = 0; i < states; i++) {
    for (let k = 0; k < stride; k++) v[k] = req[2 + i * stride + k];
    used = 0;
    count = 0;
    let miss = false;
    expanding = v;
    try {
      system.successors(v, gather);
    } catch (err) {
      if (!(err instanceof NotInterned)) port.postMessage({ warning: String(err) });
      miss = true;
    }
    // Too little room left for this state's successors: let the main thread expand it.
    if (miss || at + used > limit) {
      out[at++] = 1;
      out[at++] = 0;
      out[at++] = 0;
      continue;
    }
    const head = at;
    at += 3;
    let fresh = 0;
    rawFingerprint(v, parentFp);
    // Fingerprint every successor first and read their home slots, then insert: the
    // probes' cache misses overlap (as in SuccessorBatch) instead of queueing.
    if (his.length < count) {
      his = new Uint32Array(count * 2);
      los = new Uint32Array(count * 2);
    }
    for (let p = 0, j = 0; p < used; j++) {
      const width = pending[p + 1];
      // A self-loop (successor equal to its parent) is not new: no probe.
      if (updateFingerprintAt(v, pending, p + SUCCESSOR_HEADER, width, parentFp, fp)) {
        his[j] = fp.hi;
        los[j] = fp.lo;
        sink ^= visited.touch(fp.hi, fp.lo);
      } else los[j] = 0;
      p += SUCCESSOR_HEADER + width;
    }
    for (let p = 0, j = 0; p < used; j++) {
      const width = pending[p + 1];
      if (los[j] !== 0 && visited.add(his[j], los[j])) {
        fresh++;
        out[at++] = pending[p];
        out[at++] = width;
        for (let k = 0; k < width; k++) out[at++] = pending[p + SUCCESSOR_HEADER + k];
      }
      p += SUCCESSOR_HEADER + width;
    }
    out[head] = 0;
    out[head + 1] = count;
    out[head + 2] = fresh;
  }
  return states;
}

for (let s = 0; ; s = (s + 1) % slots.length) {
  const slot = slots[s];
  // Slots are served strictly in turn: wait while this one is idle or not yet collected.
  const waiting = performance.now();
  let signal = Atomics.load(slot.control, 0);
  while (signal !== REQUEST && signal !== STOP) {
    Atomics.wait(slot.control, 0, signal);
    signal = Atomics.load(slot.control, 0);
  }
  const started = performance.now();
  stats[workerStat('waitMs')] += started - waiting;
  if (signal === STOP) break;
  for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) system.importTables(m.message as InternTables);
  stats[workerStat('importMs')] += performance.now() - started;
  const states = expandBatch(slot.request, slot.result);
  stats[workerStat('busyMs')] += performance.now() - started;
  stats[workerStat('states')] += states;
  stats[workerStat('batches')]++;
  Atomics.store(slot.control, 0, DONE);
  Atomics.notify(slot.control, 0);
}
stats[workerStat('cpuMs')] = threadCpuMs();
Atomics.sub(status, 0, 1);
Atomics.notify(status, 0);
