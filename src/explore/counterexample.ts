/**
 * A path through the explored graph, as the same JSON Lines trace that recorded runs use
 * (so checkers, diagrams and the driver read counterexamples like any other trace), and
 * as a step table for people.
 */
import type { EventObject } from 'xstate';
import type { TraceEvent, TraceHeader } from '../../conformance/schema/trace.ts';
import type { ComposedSystem } from './compose.ts';
import { describeStep, stepActor, type Step } from './step.ts';
import type { StateStore } from './state-store.ts';
import { unfixedContext } from './unfixed-context.ts';

/** One row of a counterexample's step table. */
export interface StepRow {
  /** 1-based step number; step 0 is the initial state. */
  index: number;
  kind: Step['kind'];
  /** The acting node, or "network". */
  actor: string;
  /** What happened, as step.ts describes it: "a1 receives prepare(ballot=1) from p1", "c crashes". */
  action: string;
  /** The acting node's local state afterwards, or the network change for faults. */
  after: string;
}

export interface Counterexample {
  header: TraceHeader;
  events: TraceEvent[];
  steps: StepRow[];
}

/** Trace kinds a machine may emit directly (besides `send`), copied into traces as they are. */
const EMITTED_KINDS = new Set(['decide', 'propose', 'role', 'suspect', 'session', 'tick']);

/** The local state of actor `i` without the fields fixed by its input (unfixed-context.ts). */
function localSummary(system: ComposedSystem, i: number, local: number): Record<string, unknown> {
  const snapshot = system.snapshot(i, local);
  return { state: snapshot.value, ...unfixedContext(snapshot.context as object, system.spec.actors[i].input) };
}

const summaryText = (s: Record<string, unknown>) =>
  Object.entries(s).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join(' ');

/** A trace event before it is numbered: what one step records. */
export type StepEvent = { node: string; kind: string } & Record<string, unknown>;

/** What one step records: its trace events (unnumbered) and its row of the step table. */
export interface StepRecord {
  events: StepEvent[];
  kind: Step['kind'];
  actor: string;
  action: string;
  after: string;
}

/**
 * The trace events and the step-table row of one step (`code`) from state `before` to
 * `after`. The one place a step becomes trace events: counterexamples are written with it,
 * and a custom-protocol trace is replayed against its system by comparing with it.
 */
export function stepRecord(system: ComposedSystem, before: Uint32Array, code: number, after: Uint32Array): StepRecord {
  const events: StepEvent[] = [];
  const push = (node: string, kind: string, payload: Record<string, unknown>) => events.push({ node, kind, ...payload });

  /**
   * Trace events for what a local step emitted, and the acting node's new state. An
   * environment actor (clock, monitor) is not a node of the trace: its steps show only in
   * the step table and through their effects on the nodes.
   */
  const emitLocal = (i: number, result: number) => {
    const node = system.actorId(i);
    const step = system.localStep(result);
    if (system.spec.actors[i].environment) return summaryText(localSummary(system, i, step.next));
    for (const e of step.emitted as (EventObject & Record<string, unknown>)[]) {
      if (e.type === 'send') push(node, 'send', { to: e.to, msg: e.msg });
      else if (EMITTED_KINDS.has(e.type)) {
        const { type, ...rest } = e;
        push(node, type, rest);
      }
    }
    const summary = localSummary(system, i, step.next);
    push(node, 'state', { state: summary });
    return summaryText(summary);
  };

  const s = system.decodeStep(code);
  const record = (afterText: string): StepRecord => ({ events, kind: s.kind, actor: stepActor(s), action: describeStep(s), after: afterText });
  switch (s.kind) {
    case 'deliver': {
      const { from, msg } = s.envelope;
      push(s.node, 'receive', { from, msg, id: `m${s.entry}` });
      return record(emitLocal(s.actor, system.step(s.actor, system.layout.local(before, s.actor), s.eventId)));
    }
    case 'offer':
      return record(emitLocal(s.actor, system.step(s.actor, system.layout.local(before, s.actor), s.eventId)));
    case 'crash':
      push(s.node, 'crash', {});
      return record('crashed');
    case 'restart':
      push(s.node, 'restart', {});
      return record(summaryText(localSummary(system, s.actor, system.layout.local(after, s.actor))));
    case 'partition':
      push(system.actorId(0), 'partition', { groups: s.groups });
      return record('network cut');
    case 'heal':
      push(system.actorId(0), 'heal', {});
      return record('network connected');
    case 'lose':
    case 'duplicate': {
      const { from, to, msg } = s.envelope;
      const lost = s.kind === 'lose';
      push(to[0], lost ? 'drop' : 'duplicate', { from, msg, id: `m${s.entry}` });
      return record(lost ? 'message lost' : 'message duplicated');
    }
  }
}

export function counterexample(system: ComposedSystem, store: StateStore, path: number[]): Counterexample {
  const events: TraceEvent[] = [];
  const steps: StepRow[] = [];
  for (let k = 1; k < path.length; k++) {
    const r = stepRecord(system, store.read(path[k - 1]), store.action(path[k]), store.read(path[k]));
    for (const e of r.events) events.push({ seq: events.length + 1, ...e } as TraceEvent);
    steps.push({ index: k, kind: r.kind, actor: r.actor, action: r.action, after: r.after });
  }
  return { header: system.spec.traceHeader(), events, steps };
}

/** The steps as an aligned text table. */
export function stepTable(steps: StepRow[]): string {
  const rows = [['#', 'node', 'step', 'state after'], ...steps.map((s) => [String(s.index), s.actor, s.action, s.after])];
  const widths = rows[0].map((_, c) => Math.min(60, Math.max(...rows.map((r) => r[c].length))));
  const fit = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
  const line = (r: string[]) => r.map((cell, c) => (c === r.length - 1 ? cell : fit(cell, widths[c]))).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
