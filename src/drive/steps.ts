/**
 * Steps the driver can take from a model state: every step of the composed model
 * (deliveries, environment events, faults, network loss and duplication), plus
 * deliveries the model ignores. Those leave the model unchanged, so the implementation
 * must also emit nothing and keep its state; without them a mutant that reacts to a
 * message the model refuses (say, an accept below the promise) would never be exercised.
 */
import { ActionKind, decodeAction, type ComposedSystem } from '../explore/compose.ts';

export type DriveStep =
  | { kind: 'model'; action: number }
  | { kind: 'ignored'; actor: number; entry: number };

export function stepKey(s: DriveStep): string {
  return s.kind === 'model' ? `m${s.action}` : `i${s.actor}.${s.entry}`;
}

/** Every step from `v`: the model's successors in their order, then ignored deliveries. */
export function stepsFrom(system: ComposedSystem, v: Uint32Array): DriveStep[] {
  const out: DriveStep[] = [];
  system.successors(v, (action) => out.push({ kind: 'model', action }));
  // Word 0 holds the partition's side-B mask in its high half (see compose.ts).
  const side = v[0] >>> 16;
  system.forEachPresent(v, (e) => {
    const entry = system.entries.values[e];
    for (const { actor, event } of entry.recipients) {
      if (system.crashed(v, actor)) continue;
      if (((side >>> entry.fromIndex) & 1) !== ((side >>> actor) & 1)) continue;
      if (system.step(actor, system.local(v, actor), event) < 0) out.push({ kind: 'ignored', actor, entry: e });
    }
  });
  return out;
}

/** The model state after `step` (a copy); ignored deliveries leave it as it is. */
export function modelAfter(system: ComposedSystem, v: Uint32Array, step: DriveStep): Uint32Array {
  if (step.kind === 'ignored') return v;
  let next: Uint32Array | null = null;
  system.successors(v, (action, n) => {
    if (next === null && action === step.action) next = n.slice();
  });
  if (next === null) throw new Error(`step ${describeStep(system, step)} is not enabled`);
  return next;
}

const msgText = (msg: { type: string } & Record<string, unknown>) =>
  `${msg.type}(${Object.entries(msg).filter(([k]) => k !== 'type').map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')})`;

export function describeStep(system: ComposedSystem, step: DriveStep): string {
  if (step.kind === 'ignored') {
    const { from, msg } = system.entries.values[step.entry].envelope;
    return `${system.actorId(step.actor)} receives ${msgText(msg)} from ${from} (the model ignores it)`;
  }
  const { kind, actor, arg } = decodeAction(step.action);
  const node = system.actorId(actor);
  switch (kind) {
    case ActionKind.Deliver: {
      const { from, msg } = system.entries.values[arg].envelope;
      return `${node} receives ${msgText(msg)} from ${from}`;
    }
    case ActionKind.Offer: return `${node} takes ${msgText(system.eventTables[actor].values[arg] as never)}`;
    case ActionKind.Crash: return `${node} crashes`;
    case ActionKind.Restart: return `${node} restarts`;
    case ActionKind.Partition: return `network partitioned (side mask ${arg})`;
    case ActionKind.Heal: return 'network healed';
    // The recipients tell apart the copies of one send (a multiset network has one entry per recipient).
    case ActionKind.Lose: return `network loses ${msgText(system.entries.values[arg].envelope.msg)} from ${system.entries.values[arg].envelope.from} to ${system.entries.values[arg].envelope.to.join(', ')}`;
    case ActionKind.Duplicate: return `network duplicates ${msgText(system.entries.values[arg].envelope.msg)} from ${system.entries.values[arg].envelope.from} to ${system.entries.values[arg].envelope.to.join(', ')}`;
    default: return `action ${step.action}`;
  }
}
