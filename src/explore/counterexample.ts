/**
 * A path through the explored graph, as the same JSON Lines trace that recorded runs use
 * (so checkers, diagrams and the driver read counterexamples like any other trace), and
 * as a step table for people.
 */
import type { EventObject } from 'xstate';
import type { TraceEvent, TraceHeader } from '../../conformance/schema/trace.ts';
import { ActionKind, decodeAction, type ComposedSystem } from './compose.ts';
import type { StateStore } from './state-store.ts';

export interface Step {
  /** 1-based step number; step 0 is the initial state. */
  index: number;
  actor: string;
  /** What happened, e.g. "receive prepare(ballot=1) from p1", "crash". */
  action: string;
  /** The acting node's local state afterwards, or the network change for faults. */
  after: string;
}

export interface Counterexample {
  header: TraceHeader;
  events: TraceEvent[];
  steps: Step[];
}

/** Trace kinds a machine may emit directly (besides `send`), copied into traces as they are. */
const EMITTED_KINDS = new Set(['decide', 'propose', 'role', 'suspect', 'session', 'tick']);

const describeMsg = (msg: { type: string } & Record<string, unknown>) =>
  `${msg.type}(${Object.entries(msg).filter(([k]) => k !== 'type').map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')})`;

/** The local state of actor `i` without the fields fixed by its input. */
function localSummary(system: ComposedSystem, i: number, local: number): Record<string, unknown> {
  const snapshot = system.localTables[i].values[local];
  const fixed = new Set(Object.keys((system.spec.actors[i].input ?? {}) as object));
  const context = Object.fromEntries(Object.entries(snapshot.context as object).filter(([k]) => !fixed.has(k)));
  return { state: snapshot.value, ...context };
}

const summaryText = (s: Record<string, unknown>) =>
  Object.entries(s).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join(' ');

/** A trace event before it is numbered: what one step records. */
export type StepEvent = { node: string; kind: string } & Record<string, unknown>;

/** What one step records: its trace events (unnumbered) and its row of the step table. */
export interface StepRecord {
  events: StepEvent[];
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

  const { kind, actor, arg } = decodeAction(code);
  const node = system.actorId(actor);
  const record = (action: string, afterText: string, who = node): StepRecord => ({ events, actor: who, action, after: afterText });
  switch (kind) {
    case ActionKind.Deliver: {
      const entry = system.entries.values[arg];
      const { from, msg } = entry.envelope;
      const event = entry.recipients.find((r) => r.actor === actor)!.event;
      push(node, 'receive', { from, msg, id: `m${arg}` });
      const afterText = emitLocal(actor, system.step(actor, system.local(before, actor), event));
      return record(`receive ${describeMsg(msg)} from ${from}`, afterText);
    }
    case ActionKind.Offer: {
      const event = system.eventTables[actor].values[arg] as EventObject & Record<string, unknown>;
      const afterText = emitLocal(actor, system.step(actor, system.local(before, actor), arg));
      return record(describeMsg(event), afterText);
    }
    case ActionKind.Crash:
      push(node, 'crash', {});
      return record('crash', 'crashed');
    case ActionKind.Restart:
      push(node, 'restart', {});
      return record('restart', summaryText(localSummary(system, actor, system.local(after, actor))));
    case ActionKind.Partition: {
      const ids = system.spec.actors.map((a) => a.id);
      const groups = [ids.filter((_, i) => !((arg >>> i) & 1)), ids.filter((_, i) => (arg >>> i) & 1)];
      push(ids[0], 'partition', { groups });
      return record(`partition ${groups.map((g) => `{${g.join(',')}}`).join(' | ')}`, 'network cut', 'network');
    }
    case ActionKind.Heal:
      push(system.actorId(0), 'heal', {});
      return record('heal', 'network connected', 'network');
    case ActionKind.Lose:
    case ActionKind.Duplicate: {
      const { from, to, msg } = system.entries.values[arg].envelope;
      const lost = kind === ActionKind.Lose;
      push(to[0], lost ? 'drop' : 'duplicate', { from, msg, id: `m${arg}` });
      return record(`${lost ? 'lose' : 'duplicate'} ${describeMsg(msg)} ${from}->${to.join(',')}`, lost ? 'message lost' : 'message duplicated', 'network');
    }
  }
}

export function counterexample(system: ComposedSystem, store: StateStore, path: number[]): Counterexample {
  const events: TraceEvent[] = [];
  const steps: Step[] = [];
  for (let k = 1; k < path.length; k++) {
    const r = stepRecord(system, store.read(path[k - 1]), store.action(path[k]), store.read(path[k]));
    for (const e of r.events) events.push({ seq: events.length + 1, ...e } as TraceEvent);
    steps.push({ index: k, actor: r.actor, action: r.action, after: r.after });
  }
  return { header: system.spec.traceHeader(), events, steps };
}

/** The steps as an aligned text table. */
export function stepTable(steps: Step[]): string {
  const rows = [['#', 'node', 'step', 'state after'], ...steps.map((s) => [String(s.index), s.actor, s.action, s.after])];
  const widths = rows[0].map((_, c) => Math.min(60, Math.max(...rows.map((r) => r[c].length))));
  const fit = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
  const line = (r: string[]) => r.map((cell, c) => (c === r.length - 1 ? cell : fit(cell, widths[c]))).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
