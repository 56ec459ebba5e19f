/**
 * A step of a composed system: encoded as one number on the hot path (the search stores a
 * number per state and allocates nothing per successor), decoded into the typed `Step`
 * only when a step is described or driven. This is the one place that decodes a step's
 * code and the one place that describes steps and messages for people, as Stateright's
 * `format_action` is.
 *
 * A code is kind << 28 | actor << 24 | arg (3, 4 and 24 bits; a system has at most 16
 * actors, see state-layout.ts): a non-negative int32, which V8 hands to a callback as is.
 * A code of 2^32 and more, as it once was, was a double boxed on every successor emitted
 * (measured: some 440 MB of garbage in a plain search of Paxos.tla with ballots {0..3}).
 */
import type { EventObject } from 'xstate';
import type { Envelope } from './spec.ts';

export const enum ActionKind {
  Deliver = 0,
  Offer = 1,
  Crash = 2,
  Restart = 3,
  Partition = 4,
  Heal = 5,
  Lose = 6,
  Duplicate = 7,
}

/** Message and event ids, and side-B masks, stay below this: a code's `arg` has 24 bits. */
export const MAX_STEP_ARG = 1 << 24;

/** The code of a step: `arg` is the message entry (deliver, lose, duplicate), event id (offer) or side-B mask (partition). */
export const encodeAction = (kind: ActionKind, actor: number, arg: number): number =>
  (kind << 28) | (actor << 24) | arg;

/** The fields of a code, for compose.ts (which owns what they mean); everyone else uses `Step`. */
export function actionFields(code: number): { kind: ActionKind; actor: number; arg: number } {
  return { kind: code >>> 28, actor: (code >>> 24) & 0xf, arg: code & (MAX_STEP_ARG - 1) };
}

/** A message or event as it is described: a type and fields. */
export type Message = { type: string } & Record<string, unknown>;

/** A decoded step: what happened, with the names and messages it refers to. */
export type Step =
  | { kind: 'deliver'; code: number; actor: number; node: string; entry: number; envelope: Envelope; eventId: number }
  | { kind: 'offer'; code: number; actor: number; node: string; eventId: number; event: Message }
  | { kind: 'crash' | 'restart'; code: number; actor: number; node: string }
  | { kind: 'partition'; code: number; mask: number; groups: [string[], string[]] }
  | { kind: 'heal'; code: number }
  | { kind: 'lose' | 'duplicate'; code: number; entry: number; envelope: Envelope };

const KINDS: readonly Step['kind'][] = ['deliver', 'offer', 'crash', 'restart', 'partition', 'heal', 'lose', 'duplicate'];

/** Just the kind of a step, without the tables (weights, fairness classes). */
export function kindOf(code: number): Step['kind'] {
  const kind = KINDS[actionFields(code).kind];
  if (kind === undefined) throw new Error(`not a step code: ${code}`);
  return kind;
}

/** What decoding needs of a system: names and interned messages (ComposedSystem provides it). */
export interface StepTables {
  actorIds(): readonly string[];
  envelope(entry: number): Envelope;
  /** The event id actor `actor` receives for message `entry`; -1 when it is not a recipient. */
  recipientEvent(entry: number, actor: number): number;
  event(actor: number, eventId: number): EventObject;
}

export function decodeStep(tables: StepTables, code: number): Step {
  const { kind, actor, arg } = actionFields(code);
  const ids = tables.actorIds();
  const node = ids[actor];
  switch (kind) {
    case ActionKind.Deliver: {
      const eventId = tables.recipientEvent(arg, actor);
      if (eventId < 0) throw new Error(`step ${code}: ${node} is not a recipient of message ${arg}`);
      return { kind: 'deliver', code, actor, node, entry: arg, envelope: tables.envelope(arg), eventId };
    }
    case ActionKind.Offer: return { kind: 'offer', code, actor, node, eventId: arg, event: tables.event(actor, arg) as Message };
    case ActionKind.Crash: return { kind: 'crash', code, actor, node };
    case ActionKind.Restart: return { kind: 'restart', code, actor, node };
    case ActionKind.Partition:
      return { kind: 'partition', code, mask: arg, groups: [ids.filter((_, i) => !((arg >>> i) & 1)), ids.filter((_, i) => (arg >>> i) & 1)] };
    case ActionKind.Heal: return { kind: 'heal', code };
    case ActionKind.Lose: return { kind: 'lose', code, entry: arg, envelope: tables.envelope(arg) };
    case ActionKind.Duplicate: return { kind: 'duplicate', code, entry: arg, envelope: tables.envelope(arg) };
    default: throw new Error(`not a step code: ${code}`);
  }
}

/** The code of a delivery of message `entry` to `actor`, enabled or not (the driver also tries ignored ones). */
export const deliveryCode = (actor: number, entry: number): number => encodeAction(ActionKind.Deliver, actor, entry);

/**
 * A message for people: `prepare(ballot=1, value="v1")`, or in the `brief` style, for
 * diagram edges, only the values that are set: `prepare(1,v1)`, and `tick` for `tick()`.
 */
export function describeMessage(msg: Message, style: 'full' | 'brief' = 'full'): string {
  const fields = Object.entries(msg).filter(([k]) => k !== 'type');
  if (style === 'full') return `${msg.type}(${fields.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')})`;
  const values = fields.filter(([, v]) => v !== null && v !== undefined).map(([, v]) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return values.length === 0 ? msg.type : `${msg.type}(${values.join(',')})`;
}

/** Who acts in a step: the node, or "network" for partitions, heals, losses and duplications. */
export function stepActor(step: Step): string {
  return 'node' in step ? step.node : 'network';
}

/**
 * A step for people: "a1 receives prepare(ballot=1) from p1", "c crashes", "network loses
 * accept(...) from p1 to a2" (the recipients tell apart the copies of one send: a
 * multiset network has one entry per recipient). The `brief` style labels diagram edges:
 * "a1 ← prepare(1) from p1", "env rebase", "lose accept(1,v1)".
 */
export function describeStep(step: Step, style: 'full' | 'brief' = 'full'): string {
  const msg = (m: Envelope['msg']) => describeMessage(m as Message, style);
  const brief = style === 'brief';
  switch (step.kind) {
    case 'deliver': return `${step.node} ${brief ? '←' : 'receives'} ${msg(step.envelope.msg)} from ${step.envelope.from}`;
    case 'offer': return `${step.node} ${brief ? '' : 'takes '}${msg(step.event)}`;
    case 'crash': return `${step.node} crashes`;
    case 'restart': return `${step.node} restarts`;
    case 'partition': return brief ? 'partition' : `network partitioned ${step.groups.map((g) => `{${g.join(',')}}`).join(' | ')}`;
    case 'heal': return brief ? 'heal' : 'network healed';
    case 'lose':
    case 'duplicate': {
      if (brief) return `${step.kind} ${msg(step.envelope.msg)}`;
      const { from, to } = step.envelope;
      return `network ${step.kind === 'lose' ? 'loses' : 'duplicates'} ${msg(step.envelope.msg)} from ${from} to ${to.join(', ')}`;
    }
  }
}
