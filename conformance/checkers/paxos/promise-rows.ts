/**
 * Promise reports kept between events, packed: rows of one slot per declared acceptor,
 * filled in the order acceptors were first heard (the order a Map would keep, which the
 * checkers' messages follow). A slot holds the acceptor's index + 1 (0: unused) and its
 * report as two numbers the caller encodes (its accepted ballot and value, 0 for null),
 * in columns (./columns.ts): 3 bytes per slot while all three fit a signed byte. A row
 * is addressed by the caller (a ballot id) or taken with `alloc` and given back with
 * `free` for reuse.
 */
import { at, column, put } from './columns.ts';

export class PromiseRows {
  private from = column();
  private ballot = column();
  private value = column();
  private rows = 0;
  private readonly freed: number[] = [];

  /** `width`: slots per row, the number of declared acceptors. */
  constructor(readonly width: number) {}

  /** A row with every slot unused, not addressed by anyone else. */
  alloc(): number { return this.freed.pop() ?? this.rows++; }

  free(row: number): void {
    const start = row * this.width;
    this.from.fill(0, start, Math.min(start + this.width, this.from.length));
    this.freed.push(row);
  }

  /** Sets the acceptor's report, replacing an earlier one in place. */
  set(row: number, acceptor: number, ballot: number, value: number): void {
    let i = row * this.width;
    // `acceptor` is a declared acceptor, so the row has a slot for it.
    while (at(this.from, i) !== 0 && this.from[i] !== acceptor + 1) i++;
    this.from = put(this.from, i, acceptor + 1);
    this.ballot = put(this.ballot, i, ballot);
    this.value = put(this.value, i, value);
  }

  /** Slots in use, in the order first heard. */
  filled(row: number): number {
    const start = row * this.width;
    let k = 0;
    while (k < this.width && at(this.from, start + k) !== 0) k++;
    return k;
  }

  acceptorOf(row: number, k: number): number { return this.from[row * this.width + k] - 1; }
  ballotOf(row: number, k: number): number { return this.ballot[row * this.width + k]; }
  valueOf(row: number, k: number): number { return this.value[row * this.width + k]; }
}
