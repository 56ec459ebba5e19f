/**
 * An expansion worker: a frozen replica of the main thread's composed system that claims
 * batches in turn from the ring (parallel-protocol.ts) and expands them (BatchExpansion),
 * inserting their successors' fingerprints into the shared visited set and returning only
 * the new ones. It may compute new local transitions (XState runs here too) but never
 * invents an id: a state that would need one comes back as a miss and the main thread
 * expands it.
 */
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { BatchExpansion } from './batch-expansion.ts';
import { ComposedSystem, type InternTables } from './compose.ts';
import { SharedFingerprintSet } from './fingerprint-set.ts';
import { CLAIM, DONE, READY, REQUESTED, STOP, openSlot, threadCpuMs, workerStat, type Slot, type WorkerInit } from './parallel-protocol.ts';
import type { SystemSpec } from './spec.ts';

const booted = performance.now();
const init = workerData as WorkerInit;
const build = (await import(init.recipe.module))[init.recipe.exportName] as (args: unknown) => SystemSpec | Promise<SystemSpec>;
// A recipe may be async (a user's module is imported): await it.
const system = new ComposedSystem(await build(init.recipe.args));
system.freeze();
const port = parentPort!;
const expansion = new BatchExpansion(system, new SharedFingerprintSet(init.visited), (warning) => port.postMessage({ warning }));
const slots = init.slots.map(openSlot);
const status = new Int32Array(init.status);
const stats = new Float64Array(init.stats);
stats[workerStat('bootMs')] = performance.now() - booted;
stats[workerStat('bootCpuMs')] = threadCpuMs();
Atomics.add(status, READY, 1);
Atomics.notify(status, READY);

/** Waits until `slot` holds batch `seq`; false once the search is over. */
function awaitRequest(slot: Slot, seq: number): boolean {
  for (;;) {
    const held = Atomics.load(slot.control, REQUESTED);
    if (held === seq + 1) return true;
    if (held === STOP) return false;
    Atomics.wait(slot.control, REQUESTED, held);
  }
}

/** Marks every state of the batch in `slot` a miss: the search expands them itself. */
function handBack(slot: Slot): void {
  for (let i = 0; i < slot.request[0]; i++) slot.result.fill(0, 3 * i, 3 * i + 3).fill(1, 3 * i, 3 * i + 1);
}

/**
 * Claims, expands and hands back batches until the search is over. A delta this replica
 * cannot take leaves its ids out of step with the main thread's: it hands its batch back
 * whole and stops, and the search carries on without it instead of waiting forever.
 */
function serve(): void {
  for (;;) {
    const seq = Atomics.add(status, CLAIM, 1);
    const slot = slots[seq % slots.length];
    const waiting = performance.now();
    if (!awaitRequest(slot, seq)) return;
    const started = performance.now();
    stats[workerStat('waitMs')] += started - waiting;
    try {
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) system.importTables(m.message as InternTables);
    } catch (err) {
      handBack(slot);
      stats[workerStat('failed')] = 1;
      port.postMessage({ warning: `worker stopped: ${err instanceof Error ? err.message : String(err)}` });
      Atomics.store(slot.control, DONE, seq + 1);
      Atomics.notify(slot.control, DONE);
      return;
    }
    stats[workerStat('importMs')] += performance.now() - started;
    stats[workerStat('states')] += expansion.expand(slot.request, slot.result);
    stats[workerStat('busyMs')] += performance.now() - started;
    stats[workerStat('batches')]++;
    Atomics.store(slot.control, DONE, seq + 1);
    Atomics.notify(slot.control, DONE);
  }
}

serve();
stats[workerStat('cpuMs')] = threadCpuMs();
Atomics.sub(status, READY, 1);
Atomics.notify(status, READY);
