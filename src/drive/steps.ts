/**
 * Steps the driver can take from a model state: every step of the composed model
 * (deliveries, environment events, faults, network loss and duplication), plus
 * deliveries the model ignores. Those leave the model unchanged, so the implementation
 * must also emit nothing and keep its state; without them a mutant that reacts to a
 * message the model refuses (say, an accept below the promise) would never be exercised.
 */
import type { ComposedSystem } from '../explore/compose.ts';
import { deliveryCode, describeStep as describeModelStep, type Step } from '../explore/step.ts';

export type DriveStep =
  | { kind: 'model'; action: number }
  | { kind: 'ignored'; actor: number; entry: number };

export function stepKey(s: DriveStep): string {
  return s.kind === 'model' ? `m${s.action}` : `i${s.actor}.${s.entry}`;
}

/** Every step from `v`: the model's successors in their order, then ignored deliveries. */
export function stepsFrom(system: ComposedSystem, v: Uint32Array): DriveStep[] {
  const out: DriveStep[] = [];
  const { layout } = system;
  system.successors(v, (action) => out.push({ kind: 'model', action }));
  layout.forEachPresent(v, (e) => {
    for (const { actor, event } of system.recipients(e)) {
      if (layout.crashed(v, actor) || !layout.connected(v, system.senderOf(e), actor)) continue;
      if (system.step(actor, layout.local(v, actor), event) < 0) out.push({ kind: 'ignored', actor, entry: e });
    }
  });
  return out;
}

/**
 * The typed step a drive step stands for: an ignored delivery is the delivery step the
 * model does not enable.
 */
export function typedStep(system: ComposedSystem, step: DriveStep): Step {
  return system.decodeStep(step.kind === 'model' ? step.action : deliveryCode(step.actor, step.entry));
}

/** The model state after `step` (a copy); ignored deliveries leave it as it is. */
export function modelAfter(system: ComposedSystem, v: Uint32Array, step: DriveStep): Uint32Array {
  return step.kind === 'ignored' ? v : system.next(v, step.action);
}

export function describeStep(system: ComposedSystem, step: DriveStep): string {
  const text = describeModelStep(typedStep(system, step));
  return step.kind === 'ignored' ? `${text} (the model ignores it)` : text;
}
