/**
 * Shared-memory layout between the search (main thread) and expansion workers.
 *
 * Batches of states are numbered in queue order (their sequence number) and go round a
 * ring of slots: batch q uses slot q mod slots. Any thread may expand any batch: each
 * takes the next sequence number from the shared claim counter, so a thread that is
 * descheduled or slow holds up one small batch, not every batch dealt to it.
 *
 * A slot's `control` words: [0] the sequence number it holds + 1 once its request is
 * written (STOP: the search is over), [1] the sequence number + 1 once its results are.
 * Request words: count, stride, then the vectors. Result words, per state in order: a flag
 * (0; MISS: the expanding thread lacked an id and the search must expand this state
 * itself; LOST: the thread failed within the batch, see parallel-worker.ts), the number of successors, the number of new ones (not yet in the shared
 * visited set), then per new successor: its step code (one word: step.ts), width, and
 * the vector's words.
 *
 * Besides the slots, `status` words shared by all: [0] how many workers are ready (each
 * adds 1 once it built its replica and takes 1 away when it stops), [1] the next sequence
 * number to claim; and per worker `stats` (Float64Array, see WORKER_STATS) the search
 * reads when asked.
 */
import { readFileSync } from 'node:fs';

/** A state's result flag: expanded, handed back, or lost with a failed worker. */
export const MISS = 1;
export const LOST = 2;

/** `control[0]` of every slot once the search is over. */
export const STOP = -1;
/** Indices into `control` and `status`. */
export const REQUESTED = 0;
export const DONE = 1;
export const READY = 0;
export const CLAIM = 1;
export const STATUS_WORDS = 2;

export interface SlotBuffers {
  control: SharedArrayBuffer;
  request: SharedArrayBuffer;
  result: SharedArrayBuffer;
}

export interface Slot {
  control: Int32Array;
  request: Uint32Array;
  result: Uint32Array;
}

export function allocateSlot(requestWords: number, resultWords: number): SlotBuffers {
  return {
    control: new SharedArrayBuffer(8),
    request: new SharedArrayBuffer(requestWords * 4),
    result: new SharedArrayBuffer(resultWords * 4),
  };
}

export function openSlot(b: SlotBuffers): Slot {
  return { control: new Int32Array(b.control), request: new Uint32Array(b.request), result: new Uint32Array(b.result) };
}

/** How a worker rebuilds the system: `(await import(module))[exportName](args)`. */
export interface SystemRecipe {
  module: string;
  exportName: string;
  args: unknown;
}

export interface WorkerInit {
  recipe: SystemRecipe;
  /** The ring, in order. */
  slots: SlotBuffers[];
  /** The shared visited set (SharedFingerprintSet). */
  visited: SharedArrayBuffer;
  /** This worker's number (0 to workers - 1), and how many there are: each maps its share of the visited set's pages. */
  index: number;
  workers: number;
  status: SharedArrayBuffer;
  stats: SharedArrayBuffer;
}

/** Header words per new successor in a result: step code, width. */
export const SUCCESSOR_HEADER = 2;

/** A worker's counters, in this order in its `stats` buffer (milliseconds unless said). */
/** `failed` is 1 once the worker stopped on an error (its batch handed back, parallel-worker.ts). */
export const WORKER_STATS = ['bootMs', 'bootCpuMs', 'busyMs', 'waitMs', 'importMs', 'states', 'batches', 'cpuMs', 'failed'] as const;
export const workerStat = (name: (typeof WORKER_STATS)[number]): number => WORKER_STATS.indexOf(name);

/** The calling thread's CPU time in ms (Linux; NaN elsewhere): on a shared machine, wall-clock busy time overstates it. */
export function threadCpuMs(): number {
  try {
    const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}
