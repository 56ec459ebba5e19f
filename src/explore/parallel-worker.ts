/**
 * An expansion worker: a frozen replica of the main thread's composed system that
 * computes the successors of the batches it is given and inserts their fingerprints into
 * the shared visited set, returning only the new ones. It may compute new local
 * transitions (XState runs here too) but never invents an id: a state that would need one
 * comes back as a miss, before anything of it is inserted, and the main thread expands it.
 */
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { ComposedSystem, type InternTables } from './compose.ts';
import { rawFingerprint, updateFingerprintAt, type Fingerprint } from './fingerprint.ts';
import { SharedFingerprintSet } from './fingerprint-set.ts';
import { NotInterned } from './intern.ts';
import { ACTION_SPAN, DONE, REQUEST, STOP, openSlot, type WorkerInit } from './parallel-protocol.ts';
import type { SystemSpec } from './spec.ts';

const init = workerData as WorkerInit;
const build = (await import(init.recipe.module))[init.recipe.exportName] as (args: unknown) => SystemSpec | Promise<SystemSpec>;
// A recipe may be async (a user's module is imported): await it.
const system = new ComposedSystem(await build(init.recipe.args));
system.freeze();
const visited = new SharedFingerprintSet(init.visited);
const slots = init.slots.map(openSlot);
const port = parentPort!;
port.postMessage({ ready: true });

/** One state's successors, gathered before any is inserted: a miss must leave no trace. */
let pending = new Uint32Array(1 << 16);
let used = 0;
let count = 0;
const gather = (action: number, next: Uint32Array) => {
  count++;
  if (used + 3 + next.length > pending.length) {
    const grown = new Uint32Array(pending.length * 2);
    grown.set(pending);
    pending = grown;
  }
  pending[used++] = Math.floor(action / ACTION_SPAN);
  pending[used++] = action % ACTION_SPAN;
  pending[used++] = next.length;
  for (let k = 0; k < next.length; k++) pending[used++] = next[k];
};

const parentFp: Fingerprint = { hi: 0, lo: 0 };
const fp: Fingerprint = { hi: 0, lo: 0 };

for (let s = 0; ; s = (s + 1) % slots.length) {
  const slot = slots[s];
  // Slots are served strictly in turn: wait while this one is idle or not yet collected.
  let signal = Atomics.load(slot.control, 0);
  while (signal !== REQUEST && signal !== STOP) {
    Atomics.wait(slot.control, 0, signal);
    signal = Atomics.load(slot.control, 0);
  }
  if (signal === STOP) break;
  for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) system.importTables(m.message as InternTables);
  const req = slot.request;
  const states = req[0];
  const stride = req[1];
  const out = slot.result;
  // Keep room for every state's header words, whatever the successors take.
  const limit = out.length - 3 * states;
  let at = 0;
  const v = new Uint32Array(stride);
  for (let i = 0; i < states; i++) {
    for (let k = 0; k < stride; k++) v[k] = req[2 + i * stride + k];
    used = 0;
    count = 0;
    let miss = false;
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
    for (let p = 0; p < used;) {
      const width = pending[p + 2];
      // A self-loop (successor equal to its parent) is not new: no probe.
      if (updateFingerprintAt(v, pending, p + 3, width, parentFp, fp) && visited.add(fp.hi, fp.lo)) {
        fresh++;
        for (let k = 0; k < 3 + width; k++) out[at++] = pending[p + k];
      }
      p += 3 + width;
    }
    out[head] = 0;
    out[head + 1] = count;
    out[head + 2] = fresh;
  }
  Atomics.store(slot.control, 0, DONE);
  Atomics.notify(slot.control, 0);
}
