/**
 * A realistic Report for tests and for looking at the page: the statecharts of every
 * registered machine, a state graph explored here from a small racy-lock system (with
 * its real shortest path to a mutual-exclusion violation), and a Paxos counterexample
 * trace of the kind the explorer emits for a mutant acceptor.
 */
import { machines } from '../../families.ts';
import type { TraceEvent, TraceHeader } from '../../../conformance/schema/trace.ts';
import type { StateGraph } from '../../diagram/state-graph.ts';
import { featureMachine } from '../../diagram/testing/fixture-machines.ts';
import { machineDiagram, stateGraphDiagram } from '../diagrams.ts';
import type { ModelReport, Report } from '../types.ts';
import { traceHeader } from '../../../conformance/schema/header.ts';

type Pc = 'idle' | 'checked' | 'critical';

/**
 * Two processes taking a lock with check-then-set (not atomic): breadth-first over
 * all interleavings, recording parents so the path to a violation is the shortest.
 */
export function racyLockGraph(): StateGraph {
  type S = { pc: [Pc, Pc]; lock: 0 | 1 };
  const key = (s: S) => `${s.pc[0]},${s.pc[1]},${s.lock}`;
  const label = (s: S) => `p0=${s.pc[0]} p1=${s.pc[1]} lock=${s.lock}`;
  const steps = (s: S): [string, S][] => {
    const out: [string, S][] = [];
    for (const i of [0, 1] as const) {
      const pc = [...s.pc] as [Pc, Pc];
      if (s.pc[i] === 'idle' && s.lock === 0) { pc[i] = 'checked'; out.push([`p${i} sees lock free`, { pc, lock: s.lock }]); }
      if (s.pc[i] === 'checked') { pc[i] = 'critical'; out.push([`p${i} takes lock`, { pc, lock: 1 }]); }
      if (s.pc[i] === 'critical') { pc[i] = 'idle'; out.push([`p${i} releases`, { pc, lock: 0 }]); }
    }
    return out;
  };
  const init: S = { pc: ['idle', 'idle'], lock: 0 };
  const ids = new Map([[key(init), 0]]);
  const parent = new Map<number, number>();
  const graph: StateGraph = { nodes: [{ id: 0, label: label(init), initial: true }], edges: [] };
  for (let queue = [init]; queue.length > 0;) {
    const s = queue.shift()!;
    const from = ids.get(key(s))!;
    for (const [what, next] of steps(s)) {
      let to = ids.get(key(next));
      if (to === undefined) {
        to = ids.size;
        ids.set(key(next), to);
        parent.set(to, from);
        graph.nodes.push({ id: to, label: label(next), violation: next.pc[0] === 'critical' && next.pc[1] === 'critical' });
        queue.push(next);
      }
      graph.edges.push({ from, to, label: what });
    }
  }
  const bad = graph.nodes.find((n) => n.violation);
  if (bad) {
    const path = [bad.id];
    while (parent.has(path[0])) path.unshift(parent.get(path[0])!);
    graph.highlight = path;
  }
  return graph;
}

const paxosHeader: TraceHeader = traceHeader(
  'paxos',
  { proposers: ['p1', 'p2'], acceptors: ['a1', 'a2', 'a3'], learners: ['l1'], values: ['v1', 'v2'], ballots: [1, 2] },
  { name: 'coordkit-explorer', version: '0.1.0' },
  'counterexample: acceptor a2 accepts below its promise (mutant)',
);

/** p1 gets v1 chosen at ballot 1; the mutant a2 then accepts p2's v2 at ballot 1 after promising 2. */
export function paxosCounterexample(): TraceEvent[] {
  let seq = 0;
  const e = (x: Record<string, unknown>) => ({ seq: ++seq, ...x }) as TraceEvent;
  const prep = (b: number) => ({ type: 'prepare', ballot: b });
  const prom = (b: number) => ({ type: 'promise', ballot: b, acceptedBallot: null, acceptedValue: null });
  const acc = (b: number, v: string) => ({ type: 'accept', ballot: b, value: v });
  const acd = (b: number, v: string) => ({ type: 'accepted', ballot: b, value: v });
  return [
    e({ node: 'p1', kind: 'send', to: ['a1', 'a2'], msg: prep(1), id: 'm1' }),
    e({ node: 'a1', kind: 'receive', from: 'p1', msg: prep(1), id: 'm1' }),
    e({ node: 'a1', kind: 'state', state: { maxBal: 1, maxVBal: -1, maxVal: null } }),
    e({ node: 'a1', kind: 'send', to: 'p1', msg: prom(1), id: 'm2' }),
    e({ node: 'a2', kind: 'receive', from: 'p1', msg: prep(1), id: 'm1' }),
    e({ node: 'a2', kind: 'state', state: { maxBal: 1, maxVBal: -1, maxVal: null } }),
    e({ node: 'a2', kind: 'send', to: 'p1', msg: prom(1), id: 'm3' }),
    e({ node: 'p1', kind: 'receive', from: 'a1', msg: prom(1), id: 'm2' }),
    e({ node: 'p1', kind: 'receive', from: 'a2', msg: prom(1), id: 'm3' }),
    e({ node: 'p1', kind: 'send', to: ['a1', 'a3'], msg: acc(1, 'v1'), id: 'm4' }),
    e({ node: 'a1', kind: 'receive', from: 'p1', msg: acc(1, 'v1'), id: 'm4' }),
    e({ node: 'a1', kind: 'state', state: { maxBal: 1, maxVBal: 1, maxVal: 'v1' } }),
    e({ node: 'a1', kind: 'send', to: 'l1', msg: acd(1, 'v1'), id: 'm5' }),
    e({ node: 'a3', kind: 'crash' }),
    e({ node: 'p2', kind: 'send', to: ['a2', 'a3'], msg: prep(2), id: 'm6' }),
    e({ node: 'a2', kind: 'receive', from: 'p2', msg: prep(2), id: 'm6' }),
    e({ node: 'a2', kind: 'state', state: { maxBal: 2, maxVBal: -1, maxVal: null } }),
    e({ node: 'a3', kind: 'restart' }),
    e({ node: 'p2', kind: 'send', to: 'a2', msg: acc(1, 'v2'), id: 'm7' }),
    e({ node: 'a2', kind: 'receive', from: 'p2', msg: acc(1, 'v2'), id: 'm7' }),
    e({ node: 'a2', kind: 'state', state: { maxBal: 2, maxVBal: 1, maxVal: 'v2' } }),
    e({ node: 'a2', kind: 'send', to: 'l1', msg: acd(1, 'v2'), id: 'm8' }),
    e({ node: 'l1', kind: 'receive', from: 'a1', msg: acd(1, 'v1'), id: 'm5' }),
    e({ node: 'l1', kind: 'receive', from: 'a2', msg: acd(1, 'v2'), id: 'm8' }),
    e({ node: 'l1', kind: 'decide', value: 'v1' }),
    e({ node: 'l1', kind: 'decide', value: 'v2' }),
  ];
}

export async function fixtureReport(): Promise<Report> {
  const families = new Map<string, ModelReport>();
  const registered = machines.length > 0 ? machines : [{ name: 'feature', family: 'paxos' as const, description: 'fixture machine', machine: featureMachine }];
  for (const entry of registered) {
    let model = families.get(entry.family);
    if (!model) {
      model = {
        name: entry.family, family: entry.family, description: `${entry.family} model`,
        properties: [], figures: { distinctStates: 0, transitions: 0, depth: 0, timeMs: 0 }, diagrams: [], counterexamples: [],
      };
      families.set(entry.family, model);
    }
    model.diagrams.push(await machineDiagram(entry));
  }
  const paxos = families.get('paxos');
  if (paxos) {
    Object.assign(paxos, {
      description: 'Single-decree Paxos: proposers, acceptors, learners over a message set',
      config: '3 acceptors, 2 values, ballots {0,1}, quorums = all pairs',
      figures: { distinctStates: 3921, transitions: 15_734, depth: 18, timeMs: 412 },
      properties: [
        { name: 'Agreement: at most one value chosen', kind: 'invariant', verdict: 'pass' },
        { name: 'Validity: only proposed values chosen', kind: 'invariant', verdict: 'pass' },
        { name: 'Some value is chosen', kind: 'reachability', verdict: 'reachable' },
        { name: 'Two values chosen (mutant acceptor)', kind: 'invariant', verdict: 'fail', note: 'acceptor accepts below its promise' },
      ],
    });
    paxos.counterexamples.push({ property: 'Agreement (mutant acceptor)', header: paxosHeader, events: paxosCounterexample() });
  }
  const racy: ModelReport = {
    name: 'racy-lock (example)', family: 'example', description: 'Check-then-set lock, two processes: the explorer finds the race',
    config: '2 processes',
    figures: { distinctStates: 0, transitions: 0, depth: 0, timeMs: 1.3 },
    properties: [
      { name: 'Mutual exclusion', kind: 'invariant', verdict: 'fail' },
      { name: 'No deadlock', kind: 'deadlock', verdict: 'pass' },
      { name: 'Lock never taken', kind: 'reachability', verdict: 'unreachable' },
    ],
    diagrams: [], counterexamples: [],
  };
  const graph = racyLockGraph();
  racy.figures.distinctStates = graph.nodes.length;
  racy.figures.transitions = graph.edges.length;
  racy.figures.depth = (graph.highlight?.length ?? 1) - 1;
  racy.diagrams.push(await stateGraphDiagram('Explored state graph', graph));
  return {
    title: 'coordkit report',
    generatedAt: '2025-01-01T12:00:00Z',
    environment: { node: process.version, machine: '2 cores' },
    models: [...families.values(), racy],
    traces: [
      {
        file: 'traces/paxos/ok-3-acceptors.jsonl', protocol: 'paxos', producer: 'coordkit-impl', events: 1204,
        verdicts: [
          { property: 'agreement', status: 'pass', violations: [], figures: { decisions: 3 } },
          { property: 'validity', status: 'pass', violations: [], figures: {} },
        ],
      },
      {
        file: 'traces/balancer/rr-skip.jsonl', protocol: 'balancer', producer: 'round-robin-js 3.0.10', events: 600,
        verdicts: [
          { property: 'round-robin order', status: 'fail', violations: [{ line: 214, message: 'b3 skipped after membership change' }], figures: { windows: 200 } },
          { property: 'aggregate load', status: 'pass', violations: [], figures: { jain: 0.9987, cv: 0.0361 } },
        ],
        figures: { picks: 600, backends: 3 },
      },
    ],
  };
}
