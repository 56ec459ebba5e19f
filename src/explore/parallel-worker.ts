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
import { CLAIM, DONE, LOST, MISS, READY, REQUESTED, STOP, openSlot, threadCpuMs, workerStat, type Slot, type WorkerInit } from './parallel-protocol.ts';
import type { SystemSpec } from './spec.ts';

const booted = performance.now();
const init = workerData as WorkerInit;
const build = (await import(init.recipe.module))[init.recipe.exportName] as (args: unknown) => SystemSpec | Promise<SystemSpec>;
// A recipe may be async (a user's module is imported): await it.
const system = new ComposedSystem(await build(init.recipe.args));
system.freeze();
const port = parentPort!;
const warn = (warning: string) => port.postMessage({ warning });
const visited = new SharedFingerprintSet(init.visited);
// Before taking batches: meanwhile the search runs alone (see ParallelExpander.launch).
visited.prefault(init.index, init.workers);
let expansion = new BatchExpansion(system, visited, warn);
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

/** What the main thread posts: ids interned since the last delta, or the visited set, grown. */
type Message = InternTables | { visited: SharedArrayBuffer };

function take(m: Message): void {
  if ('visited' in m) expansion = new BatchExpansion(system, new SharedFingerprintSet(m.visited), warn);
  else system.importTables(m);
}

/** Marks every state of the batch in `slot` with `flag` (parallel-protocol.ts: MISS or LOST). */
function handBack(slot: Slot, flag: number): void {
  for (let i = 0; i < slot.request[0]; i++) slot.result.fill(0, 3 * i, 3 * i + 3).fill(flag, 3 * i, 3 * i + 1);
}

/**
 * Claims, expands and hands back batches until the search is over. On an error the worker
 * hands its batch back and stops, so that the search never waits for it forever: a delta
 * this replica cannot take (its ids would be out of step with the main thread's) before
 * anything of the batch was inserted, as misses the search expands itself; an error
 * within the batch, as LOST, since some of its states may be in the visited set with no
 * one to report them, and the search must fail rather than come out short.
 */
function serve(): void {
  for (;;) {
    const seq = Atomics.add(status, CLAIM, 1);
    const slot = slots[seq % slots.length];
    const waiting = performance.now();
    if (!awaitRequest(slot, seq)) return;
    const started = performance.now();
    stats[workerStat('waitMs')] += started - waiting;
    let stage = MISS;
    try {
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) take(m.message as Message);
      stats[workerStat('importMs')] += performance.now() - started;
      stage = LOST;
      stats[workerStat('states')] += expansion.expand(slot.request, slot.result);
    } catch (err) {
      handBack(slot, stage);
      stats[workerStat('failed')] = 1;
      port.postMessage({ warning: `worker stopped: ${err instanceof Error ? err.message : String(err)}` });
      Atomics.store(slot.control, DONE, seq + 1);
      Atomics.notify(slot.control, DONE);
      return;
    }
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
