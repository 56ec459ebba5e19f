/**
 * Checkpoints: a search's full state in one file, so a long run can stop (memory cap,
 * state limit, Ctrl-C) and resume later with the same final counts.
 *
 * A checkpoint is only as good as the certainty that it is whole and that it belongs to
 * the search resuming it, so it carries both:
 * - `identity`: the options that define the search (model, model options, strategy,
 *   symmetry, depth bound, ...), compared key by key on resume;
 * - the byte length and SHA-256 of everything after the fixed header, so a truncated
 *   file, a `.tmp` left by a kill mid-write, or a corrupted one is refused, never
 *   resumed into a wrong "complete" count.
 *
 * Layout: the magic line, 8 bytes of payload length (little-endian), 32 bytes of SHA-256
 * of the payload; the payload is a 4-byte little-endian length, that many bytes of JSON
 * (identity, interning tables, the search's scalars), then the stored columns as raw arrays.
 * Writes are atomic: a temp file in the same directory, fsync, rename.
 */
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, lstatSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { UserError } from '../../conformance/schema/user-error.ts';
import type { ComposedSystem, InternTables } from './compose.ts';
import type { SearchSnapshot } from './search.ts';
import { StateStore } from './state-store.ts';

// Format 3: step codes are kind << 28 | actor << 24 | arg (step.ts), an Int32Array column, no longer doubles.
const MAGIC = 'coordkit-checkpoint 3\n';
const OLD_MAGICS = ['coordkit-checkpoint 1\n', 'coordkit-checkpoint 2\n'];
const HEADER = MAGIC.length + 8 + 32;

/** The options that define a search, by the name the user knows them by ('--ballots': 3). */
export type CheckpointIdentity = Record<string, string | number | boolean | null>;

interface Meta {
  identity: CheckpointIdentity;
  tables: InternTables;
  search: Omit<SearchSnapshot, 'store'>;
  stride: number;
  states: number;
}

const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** The temp file a checkpoint is written to before the rename. */
export const checkpointTemp = (file: string): string => `${file}.tmp`;

/**
 * Refuses a path a checkpoint must not be written to: anything that exists and is not a
 * regular file (a device, a FIFO, a directory), a `.tmp` name, or a temp whose path is
 * taken by something other than a regular file. Call before the search starts.
 */
export function assertCheckpointTarget(file: string): void {
  const where = { file, field: '--checkpoint' };
  if (file.endsWith('.tmp')) throw new UserError('a checkpoint may not be named *.tmp (that name is kept for unfinished writes)', where);
  for (const path of [file, checkpointTemp(file)]) {
    let kind: string | undefined;
    try {
      const s = lstatSync(path);
      if (s.isSymbolicLink()) kind = statSafe(path);
      else if (!s.isFile()) kind = describe(s);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new UserError(`cannot use: ${(err as Error).message}`, where);
    }
    if (kind) throw new UserError(`${path} is ${kind}, not a regular file; a checkpoint is only written to a regular file`, where);
  }
}

function statSafe(path: string): string | undefined {
  try {
    const s = statSync(path);
    return s.isFile() ? undefined : describe(s);
  } catch {
    return undefined; // a dangling link: the rename replaces the link itself
  }
}

function describe(s: Stats): string {
  if (s.isDirectory()) return 'a directory';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  if (s.isFIFO()) return 'a FIFO';
  if (s.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Writes atomically (temp file + fsync + rename), so a crash mid-write keeps the previous checkpoint. */
export function writeCheckpoint(file: string, system: ComposedSystem, snapshot: SearchSnapshot, identity: CheckpointIdentity = {}): void {
  assertCheckpointTarget(file);
  const { store, ...rest } = snapshot;
  const columns = store.columns();
  const meta: Meta = { identity, tables: system.exportTables(), search: rest, stride: columns.stride, states: columns.parents.length };
  const json = Buffer.from(JSON.stringify(meta));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const parts = [length, json, columns.vectors, columns.parents, columns.actions, columns.depths].map(bytesOf);
  const hash = createHash('sha256');
  let payload = 0;
  for (const part of parts) {
    hash.update(part);
    payload += part.byteLength;
  }
  const size = Buffer.alloc(8);
  size.writeBigUInt64LE(BigInt(payload));
  const tmp = checkpointTemp(file);
  try {
    unlinkSync(tmp); // a stale temp from a killed write; 'wx' below then never follows a link
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const fd = openSync(tmp, 'wx');
  try {
    for (const part of [Buffer.from(MAGIC), size, hash.digest(), ...parts]) writeAll(fd, bytesOf(part));
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    try { unlinkSync(tmp); } catch { /* already gone */ }
    throw err;
  }
  closeSync(fd);
  renameSync(tmp, file);
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.byteLength;) at += writeSync(fd, bytes, at, bytes.byteLength - at);
}

/**
 * Reads a checkpoint into `system` (which must be freshly built for the same model).
 * Every reason to distrust the file is a UserError naming it: not a checkpoint, an old
 * format, truncated, corrupted, or taken with other options than `identity`.
 */
export function readCheckpoint(file: string, system: ComposedSystem, identity: CheckpointIdentity = {}): SearchSnapshot {
  const where = { file, field: '--resume' };
  if (file.endsWith('.tmp')) throw new UserError('this is the temp file of an unfinished checkpoint write; resume from the checkpoint itself', where);
  const stat = statSync(file);
  if (!stat.isFile()) throw new UserError(`${describe(stat)}, not a checkpoint file`, where);
  const buf = readFileSync(file);
  if (OLD_MAGICS.some((old) => buf.subarray(0, old.length).toString() === old)) {
    throw new UserError('a checkpoint of an older format; start the search again', where);
  }
  if (buf.subarray(0, MAGIC.length).toString() !== MAGIC) throw new UserError('not a coordkit checkpoint', where);
  if (buf.length < HEADER) throw new UserError(`truncated: ${buf.length} bytes, shorter than a checkpoint header`, where);
  const payload = Number(buf.readBigUInt64LE(MAGIC.length));
  if (buf.length - HEADER !== payload) {
    throw new UserError(`${buf.length - HEADER < payload ? 'truncated' : 'has trailing bytes'}: ${buf.length - HEADER} payload bytes, the header says ${payload}`, where);
  }
  const digest = buf.subarray(MAGIC.length + 8, HEADER);
  if (!createHash('sha256').update(buf.subarray(HEADER)).digest().equals(digest)) {
    throw new UserError('checksum mismatch: the file is corrupted', where);
  }
  let at = HEADER;
  const jsonLength = buf.readUInt32LE(at);
  at += 4;
  const meta = JSON.parse(buf.subarray(at, at + jsonLength).toString()) as Meta;
  at += jsonLength;
  const mismatch = identityMismatch(meta.identity, identity);
  if (mismatch) throw new UserError(`taken with other options (${mismatch}); resume with the options it was taken with`, where);
  try {
    system.importTables(meta.tables);
  } catch (err) {
    throw new UserError((err as Error).message, where);
  }
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
    actions: take(Int32Array, n),
    depths: take(Uint16Array, n),
  });
  return { ...meta.search, store };
}

/** The first option that differs, as "--ballots 3 in the checkpoint, 2 now"; undefined if none. */
export function identityMismatch(saved: CheckpointIdentity, now: CheckpointIdentity): string | undefined {
  const show = (v: unknown) => (v === undefined || v === null ? 'unset' : String(v));
  for (const key of [...new Set([...Object.keys(saved), ...Object.keys(now)])].sort()) {
    const a = saved[key] ?? null;
    const b = now[key] ?? null;
    if (a !== b) return `${key} ${show(a)} in the checkpoint, ${show(b)} now`;
  }
  return undefined;
}
