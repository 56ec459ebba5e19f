/**
 * Ballots as (number, node id) pairs, the way most Paxos libraries write them, mapped to
 * the integers the models and checkers order ballots by. A header that declares
 * `ballotOrder: 'lexicographic'` writes every ballot as `[n, id]`, ordered by n, then by
 * id (string order, as Python and JavaScript compare strings); `id` is a node the header
 * declares. The map is n * K + rank(id), K the number of declared nodes and rank(id) the
 * id's position among them in string order: an order isomorphism onto the integers, so
 * every ">", ">=" and "=" the checkers ask means what it meant on pairs.
 *
 * Applied once per event, before any checker sees it (see ../registry.ts); events then
 * carry integer ballots only (`PaxosEvent`). A pair in a header without ballotOrder, or
 * an integer in one with it, is bad input (a UserError naming file, line and field).
 */
import { UserError } from '../../schema/user-error.ts';
import type { BallotRef, PaxosMessage, TraceEvent } from '../../schema/trace.ts';
import type { PaxosHeader } from './setup.ts';

type NumericMsg<M> = M extends { type: PaxosMessage['type'] } ? Extract<PaxosMessage, { type: M['type'] }> : M;
type Numeric<E> = E extends { msg: infer M } ? Omit<E, 'msg'> & { msg: NumericMsg<M> } : E;
/** A trace event after ballot mapping: Paxos messages carry integer ballots. */
export type PaxosEvent = Numeric<TraceEvent>;

const isPaxosType = (t: string) => t === 'prepare' || t === 'promise' || t === 'accept' || t === 'accepted';

export interface BallotOrder {
  readonly file: string;
  /** The integer of a ballot as the trace wrote it (UserError if the form is wrong). */
  toModel(b: BallotRef, line: number, field: string): number;
  /** The trace's form of a model ballot, for messages. */
  show(b: number): string;
}

export function ballotOrder(h: PaxosHeader, file: string): BallotOrder {
  const { config } = h;
  if (config.ballotOrder !== 'lexicographic') {
    return {
      file,
      toModel: (b, line, field) => {
        if (typeof b === 'number') return b;
        throw new UserError('a [number, id] ballot needs "ballotOrder": "lexicographic" in the header config', { file, line, field });
      },
      show: (b) => String(b),
    };
  }
  const ids = [...new Set([...config.acceptors, ...config.proposers, ...config.learners])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rank = new Map(ids.map((id, i) => [id, i]));
  const k = ids.length;
  return {
    file,
    toModel: (b, line, field) => {
      if (typeof b === 'number') {
        throw new UserError('the header declares ballotOrder "lexicographic": write ballots as [number, node id]', { file, line, field });
      }
      const r = rank.get(b[1]);
      if (r === undefined) throw new UserError(`ballot node '${b[1]}' is not declared in the header`, { file, line, field: `${field}.1` });
      return b[0] * k + r;
    },
    show: (b) => (b < 0 ? String(b) : JSON.stringify([Math.floor(b / k), ids[b % k]])),
  };
}

/** Maps one event's ballots (events without pairs come back as they are). */
export function ballotMapper(h: PaxosHeader, file: string): (e: TraceEvent, line: number) => PaxosEvent {
  const order = ballotOrder(h, file);
  const lexicographic = h.config.ballotOrder === 'lexicographic';
  return (e, line) => {
    if (e.kind === 'state') return lexicographic ? mapState(e, order, line) : e as PaxosEvent;
    if (!('msg' in e) || !isPaxosType(e.msg.type)) return e as PaxosEvent;
    const m = e.msg as Extract<TraceEvent, { kind: 'send' }>['msg'] & { ballot: BallotRef; acceptedBallot?: BallotRef | null };
    // The common case costs two typeof checks: integers where integers are expected.
    if (!lexicographic && typeof m.ballot === 'number' && (m.acceptedBallot === undefined || typeof m.acceptedBallot !== 'object' || m.acceptedBallot === null)) {
      return e as PaxosEvent;
    }
    const msg: Record<string, unknown> = { ...m, ballot: order.toModel(m.ballot, line, 'msg.ballot') };
    if (m.acceptedBallot !== undefined && m.acceptedBallot !== null) msg.acceptedBallot = order.toModel(m.acceptedBallot, line, 'msg.acceptedBallot');
    return { ...e, msg } as PaxosEvent;
  };
}

/** State fields that hold ballots (see refinement.ts, OBSERVABLE): pairs there are mapped too. */
const STATE_BALLOTS = ['maxBal', 'maxVBal', 'ballot'];

function mapState(e: Extract<TraceEvent, { kind: 'state' }>, order: BallotOrder, line: number): PaxosEvent {
  let state: Record<string, unknown> | undefined;
  for (const f of STATE_BALLOTS) {
    const v = e.state[f];
    if (!Array.isArray(v)) continue;
    if (v.length !== 2 || !Number.isSafeInteger(v[0]) || v[0] < 0 || typeof v[1] !== 'string') {
      throw new UserError('a ballot must be [number, node id]', { file: order.file, line, field: `state.${f}` });
    }
    state ??= { ...e.state };
    state[f] = order.toModel(v as [number, string], line, `state.${f}`);
  }
  return (state ? { ...e, state } : e) as PaxosEvent;
}
