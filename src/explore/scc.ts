/**
 * Strongly connected components of a graph in compressed sparse rows (`offsets`,
 * `targets`), restricted to the nodes with `inside[v] = 1`: Tarjan's algorithm with an
 * explicit stack instead of recursion, since explored graphs are millions of states deep
 * enough to overflow the JavaScript call stack. Used by the liveness checker.
 */
export interface Components {
  /** Component id per node, -1 outside the restriction. Ids are in reverse topological order. */
  component: Int32Array;
  count: number;
}

export function stronglyConnected(nodes: number, offsets: Uint32Array, targets: Uint32Array, inside: Uint8Array): Components {
  const index = new Int32Array(nodes).fill(-1);
  const low = new Int32Array(nodes);
  const component = new Int32Array(nodes).fill(-1);
  const onStack = new Uint8Array(nodes);
  const stack = new Int32Array(nodes);
  let sp = 0;
  // The call stack, made explicit: a node and the next edge of it to look at.
  const callNode = new Int32Array(nodes);
  const callEdge = new Uint32Array(nodes);
  let cp = 0;
  let next = 0;
  let count = 0;
  for (let root = 0; root < nodes; root++) {
    if (!inside[root] || index[root] >= 0) continue;
    index[root] = low[root] = next++;
    stack[sp++] = root; onStack[root] = 1;
    callNode[cp] = root; callEdge[cp] = offsets[root]; cp++;
    while (cp > 0) {
      const v = callNode[cp - 1];
      const e = callEdge[cp - 1];
      if (e < offsets[v + 1]) {
        callEdge[cp - 1] = e + 1;
        const w = targets[e];
        if (!inside[w]) continue;
        if (index[w] < 0) {
          index[w] = low[w] = next++;
          stack[sp++] = w; onStack[w] = 1;
          callNode[cp] = w; callEdge[cp] = offsets[w]; cp++;
        } else if (onStack[w] && index[w] < low[v]) {
          low[v] = index[w];
        }
        continue;
      }
      // All edges of v seen: return to the caller.
      cp--;
      if (cp > 0) {
        const u = callNode[cp - 1];
        if (low[v] < low[u]) low[u] = low[v];
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--sp];
          onStack[w] = 0;
          component[w] = count;
        } while (w !== v);
        count++;
      }
    }
  }
  return { component, count };
}
