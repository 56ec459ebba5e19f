/**
 * Checkpoints: a search's full state in one file, so a long run can stop (memory cap,
 * state limit, Ctrl-C) and resume later with the same final counts.
 *
 * Layout: the magic line, a 4-byte little-endian length, that many bytes of JSON (the
 * interning tables and the search's scalars), then the stored columns as raw arrays.
 */
import { closeSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import type { ComposedSystem, InternTables } from './compose.ts';
import type { SearchSnapshot } from './search.ts';
import { StateStore } from './state-store.ts';

const MAGIC = 'coordkit-checkpoint 1\n';

interface Meta {
  tables: InternTables;
  search: Omit<SearchSnapshot, 'store'>;
  stride: number;
  states: number;
}

const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** Writes atomically (temp file + rename), so a crash mid-write keeps the previous checkpoint. */
export function writeCheckpoint(file: string, system: ComposedSystem, snapshot: SearchSnapshot): void {
  const { store, ...rest } = snapshot;
  const columns = store.columns();
  const meta: Meta = { tables: system.exportTables(), search: rest, stride: columns.stride, states: columns.parents.length };
  const json = Buffer.from(JSON.stringify(meta));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    for (const part of [Buffer.from(MAGIC), length, json, columns.vectors, columns.parents, columns.actions, columns.depths]) {
      writeSync(fd, bytesOf(part));
    }
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

/** Reads a checkpoint into `system` (which must be freshly built for the same model). */
export function readCheckpoint(file: string, system: ComposedSystem): SearchSnapshot {
  const buf = readFileSync(file);
  if (buf.subarray(0, MAGIC.length).toString() !== MAGIC) throw new Error(`${file} is not a coordkit checkpoint`);
  let at = MAGIC.length;
  const jsonLength = buf.readUInt32LE(at);
  at += 4;
  const meta = JSON.parse(buf.subarray(at, at + jsonLength).toString()) as Meta;
  at += jsonLength;
  system.importTables(meta.tables);
  const take = <T>(Ctor: { new (b: ArrayBuffer): T; BYTES_PER_ELEMENT: number }, count: number): T => {
    const bytes = count * Ctor.BYTES_PER_ELEMENT;
    const copy = new ArrayBuffer(bytes);
    new Uint8Array(copy).set(buf.subarray(at, at + bytes));
    at += bytes;
    return new Ctor(copy);
  };
  const n = meta.states;
  const store = StateStore.fromColumns({
    stride: meta.stride,
    vectors: take(Uint32Array, n * meta.stride),
    parents: take(Int32Array, n),
    actions: take(Float64Array, n),
    depths: take(Uint16Array, n),
  });
  return { ...meta.search, store };
}
