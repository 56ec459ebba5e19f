import { describe, expect, it } from 'vitest';
import { PromiseRows } from './promise-rows.ts';

const slots = (rows: PromiseRows, row: number) =>
  Array.from({ length: rows.filled(row) }, (_, k) => [rows.acceptorOf(row, k), rows.ballotOf(row, k), rows.valueOf(row, k)]);

describe('PromiseRows', () => {
  it('keeps slots in the order first heard; a second report replaces the first in place', () => {
    const rows = new PromiseRows(3);
    rows.set(7, 2, 1, 1);
    rows.set(7, 0, 0, 0);
    rows.set(7, 2, 300, -4);
    expect(slots(rows, 7)).toEqual([[2, 300, -4], [0, 0, 0]]);
    expect(slots(rows, 6)).toEqual([]);
    expect(slots(rows, 100)).toEqual([]);
  });

  it('a freed row comes back empty from alloc, and rows in use are untouched', () => {
    const rows = new PromiseRows(2);
    const a = rows.alloc();
    const b = rows.alloc();
    rows.set(a, 1, 5, 5);
    rows.set(b, 0, 6, 6);
    rows.free(a);
    expect(rows.alloc()).toBe(a);
    expect(slots(rows, a)).toEqual([]);
    expect(slots(rows, b)).toEqual([[0, 6, 6]]);
  });
});
