import { describe, expect, it } from 'vitest';
import { StateStore } from './state-store.ts';

describe('StateStore.copyRange', () => {
  it('copies a run of states across a chunk boundary (65,536 states a chunk) as reading them one by one does', () => {
    const store = new StateStore(3);
    for (let i = 0; i < 70_000; i++) store.push(Uint32Array.of(i, i * 7, 5), i - 1, 0, 0);
    const out = new Uint32Array(2 + 3 * 1000);
    store.copyRange(65_000, 1000, out, 2);
    const expected = new Uint32Array(2 + 3 * 1000);
    const v = new Uint32Array(3);
    for (let i = 0; i < 1000; i++) expected.set(store.read(65_000 + i, v), 2 + 3 * i);
    expect(out).toEqual(expected);
    expect(out[2 + 3 * 999]).toBe(65_999);
  });
});
