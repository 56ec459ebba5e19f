/**
 * Per-ballot columns: typed arrays indexed by a dense id (./ballot-index.ts), grown by
 * doubling, each in the narrowest integer type that holds what was stored so far (8 bits,
 * then 16, 32, then a double): node and value ids are small in any real trace, so most
 * columns cost a byte per ballot, and a column widens the first time a larger number is
 * stored, so nothing is ever truncated. Reads past the end are 0.
 */
export type Column = Int8Array | Int16Array | Int32Array | Float64Array;

/** Holds every safe integer; the narrower ones only what fits their bits. */
function holds(column: Column, x: number): boolean {
  if (column instanceof Int8Array) return (x << 24) >> 24 === x;
  if (column instanceof Int16Array) return (x << 16) >> 16 === x;
  if (column instanceof Int32Array) return (x | 0) === x;
  return true;
}

const wider = (column: Column, length: number): Column =>
  column instanceof Int8Array ? new Int16Array(length) : column instanceof Int16Array ? new Int32Array(length) : new Float64Array(length);

/** An empty column (of bytes until something larger is stored). */
export const column = (): Column => new Int8Array(0);

/** column[i], or 0 past its end. */
export const at = (column: Column, i: number): number => (i < column.length ? column[i] : 0);

/** Stores x at i; returns the column to keep (a longer or wider copy when needed). */
export function put(column: Column, i: number, x: number): Column {
  if (i < column.length) {
    // The common case, without a type test: a narrow array wraps what it cannot hold, so
    // reading x back means it fit (the wider copy below overwrites the slot otherwise).
    column[i] = x;
    if (column[i] === x) return column;
  }
  let out = column;
  while (!holds(out, x)) out = copy(out, wider(out, out.length));
  if (i >= out.length) {
    let n = Math.max(out.length, 16);
    while (n <= i) n *= 2;
    out = copy(out, new (out.constructor as new (n: number) => Column)(n));
  }
  out[i] = x;
  return out;
}

function copy(from: Column, to: Column): Column {
  to.set(from);
  return to;
}
