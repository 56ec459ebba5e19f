import { describe, expect, it } from 'vitest';
import { stronglyConnected } from './scc.ts';

/** CSR from an edge list. */
function csr(n: number, edges: [number, number][]) {
  const offsets = new Uint32Array(n + 1);
  for (const [a] of edges) offsets[a + 1]++;
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
  const fill = offsets.slice(0, n);
  const targets = new Uint32Array(edges.length);
  for (const [a, b] of edges) targets[fill[a]++] = b;
  return { offsets, targets };
}

const groups = (n: number, component: Int32Array) => {
  const by = new Map<number, number[]>();
  for (let v = 0; v < n; v++) if (component[v] >= 0) by.set(component[v], [...(by.get(component[v]) ?? []), v]);
  return [...by.values()].map((g) => g.join(',')).sort();
};

describe('stronglyConnected', () => {
  it('finds the 3 components of a graph with two cycles joined by a bridge', () => {
    const { offsets, targets } = csr(6, [[0, 1], [1, 2], [2, 0], [2, 3], [3, 4], [4, 3], [4, 5]]);
    const { component, count } = stronglyConnected(6, offsets, targets, new Uint8Array(6).fill(1));
    expect(count).toBe(3);
    expect(groups(6, component)).toEqual(['0,1,2', '3,4', '5']);
  });

  it('respects the restriction: with node 1 left out, the cycle 0-1-2 falls apart into singletons', () => {
    const { offsets, targets } = csr(3, [[0, 1], [1, 2], [2, 0]]);
    const inside = new Uint8Array([1, 0, 1]);
    const { component, count } = stronglyConnected(3, offsets, targets, inside);
    expect(count).toBe(2);
    expect(component[1]).toBe(-1);
  });

  it('handles a 200,000-node cycle without recursion (one component)', () => {
    const n = 200_000;
    const offsets = new Uint32Array(n + 1).map((_, i) => i);
    const targets = new Uint32Array(n).map((_, i) => (i + 1) % n);
    const { count } = stronglyConnected(n, offsets, targets, new Uint8Array(n).fill(1));
    expect(count).toBe(1);
  });
});
