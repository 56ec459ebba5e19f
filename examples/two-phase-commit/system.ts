/**
 * Two-phase commit (Gray 1978; Lamport & Gray, "Consensus on Transaction Commit", the
 * TwoPhase spec) with a coordinator that may crash, written only against coordkit's
 * public API, as a user would. The coordinator asks every participant to prepare; each
 * votes yes or no (the environment chooses: the model is nondeterministic); on all yes it
 * commits, on any no it aborts, and tells everyone. A participant that voted yes is
 * uncertain until it hears the decision: it may ask the coordinator again after a
 * timeout, but it may not decide alone.
 *
 * Agreement holds whatever crashes. The blocking problem shows as a liveness failure:
 * once the coordinator crashes after a yes vote, that participant asks forever and never
 * decides (a lasso: a prefix to the crash, then a query-timeout cycle).
 *
 * Exported as a function of `--param` values: participants (default 2), crashes (0 or 1,
 * default 1).
 */
import { assign, emit, setup } from 'xstate';
import { defineSystem, eventually, invariant, reachable, type StateView } from 'coordkit';

/** Messages between coordinator and participants. */
type Msg =
  | { type: 'prepare' }
  | { type: 'vote'; yes: boolean }
  | { type: 'decision'; commit: boolean }
  | { type: 'query' };
type Send = { type: 'send'; to: string[]; msg: Msg };
type Decide = { type: 'decide'; value: 'commit' | 'abort' };

/** The coordinator: collects votes, decides, answers queries about the decision. */
const coordinator = setup({
  types: {
    input: {} as { participants: string[] },
    context: {} as { participants: string[]; yes: string[] },
    events: {} as { type: 'begin' } | ({ type: 'vote'; yes: boolean; from: string }) | { type: 'query'; from: string },
    emitted: {} as Send,
  },
  guards: {
    voteNo: ({ event }) => event.type === 'vote' && !event.yes,
    lastYes: ({ context, event }) => event.type === 'vote' && event.yes && !context.yes.includes(event.from) && context.yes.length + 1 === context.participants.length,
  },
  actions: {
    sendPrepare: emit(({ context }) => ({ type: 'send' as const, to: context.participants, msg: { type: 'prepare' as const } })),
    recordYes: assign({ yes: ({ context, event }) => (event.type === 'vote' && !context.yes.includes(event.from) ? [...context.yes, event.from].sort() : context.yes) }),
    sendCommit: emit(({ context }) => ({ type: 'send' as const, to: context.participants, msg: { type: 'decision' as const, commit: true } })),
    sendAbort: emit(({ context }) => ({ type: 'send' as const, to: context.participants, msg: { type: 'decision' as const, commit: false } })),
    answerCommit: emit(({ event }) => ({ type: 'send' as const, to: [(event as { from: string }).from], msg: { type: 'decision' as const, commit: true } })),
    answerAbort: emit(({ event }) => ({ type: 'send' as const, to: [(event as { from: string }).from], msg: { type: 'decision' as const, commit: false } })),
  },
}).createMachine({
  id: 'tpc-coordinator',
  context: ({ input }) => ({ participants: input.participants, yes: [] }),
  initial: 'idle',
  states: {
    idle: { on: { begin: { target: 'collecting', actions: 'sendPrepare' } } },
    collecting: {
      on: {
        vote: [
          { guard: 'voteNo', target: 'aborted', actions: 'sendAbort' },
          { guard: 'lastYes', target: 'committed', actions: ['recordYes', 'sendCommit'] },
          { actions: 'recordYes' },
        ],
      },
    },
    committed: { on: { query: { actions: 'answerCommit' } } },
    aborted: { on: { query: { actions: 'answerAbort' } } },
  },
});

/** A participant: votes when asked; after a yes it waits for the decision, asking again on timeouts. */
const participant = setup({
  types: {
    input: {} as { coordinator: string },
    context: {} as { coordinator: string; voted: 'yes' | 'no' | null },
    events: {} as { type: 'prepare'; from: string } | { type: 'decision'; commit: boolean; from: string } | { type: 'voteYes' } | { type: 'voteNo' } | { type: 'timeout' },
    emitted: {} as Send | Decide,
  },
  guards: {
    isCommit: ({ event }) => event.type === 'decision' && event.commit,
  },
  actions: {
    sendYes: emit(({ context }) => ({ type: 'send' as const, to: [context.coordinator], msg: { type: 'vote' as const, yes: true } })),
    sendNo: emit(({ context }) => ({ type: 'send' as const, to: [context.coordinator], msg: { type: 'vote' as const, yes: false } })),
    sendQuery: emit(({ context }) => ({ type: 'send' as const, to: [context.coordinator], msg: { type: 'query' as const } })),
    decideCommit: emit({ type: 'decide' as const, value: 'commit' as const }),
    decideAbort: emit({ type: 'decide' as const, value: 'abort' as const }),
  },
}).createMachine({
  id: 'tpc-participant',
  context: ({ input }) => ({ coordinator: input.coordinator, voted: null }),
  initial: 'working',
  states: {
    // Before voting, a participant may give up on its own (unilateral abort): it promised
    // nothing yet, and its no vote lets the coordinator abort instead of waiting forever.
    working: {
      on: {
        prepare: 'asked',
        decision: { target: 'aborted', actions: 'decideAbort' },
        timeout: { target: 'aborted', actions: [assign({ voted: 'no' }), 'sendNo', 'decideAbort'] },
      },
    },
    asked: {
      on: {
        voteYes: { target: 'prepared', actions: [assign({ voted: 'yes' }), 'sendYes'] },
        voteNo: { target: 'aborted', actions: [assign({ voted: 'no' }), 'sendNo', 'decideAbort'] },
        decision: { target: 'aborted', actions: 'decideAbort' },
      },
    },
    // Uncertain: voted yes, so it must wait for the coordinator's decision.
    prepared: {
      on: {
        decision: [{ guard: 'isCommit', target: 'committed', actions: 'decideCommit' }, { target: 'aborted', actions: 'decideAbort' }],
        timeout: { target: 'inquiring', actions: 'sendQuery' },
      },
    },
    // Asked the coordinator again; a later timeout goes back to waiting (and may ask again).
    inquiring: {
      on: {
        decision: [{ guard: 'isCommit', target: 'committed', actions: 'decideCommit' }, { target: 'aborted', actions: 'decideAbort' }],
        timeout: 'prepared',
      },
    },
    committed: { on: { decision: {} } },
    aborted: { on: { decision: {} } },
  },
});

const participantsOf = (view: StateView) => view.actors.filter((a) => a.role === 'participant');
const decided = (view: StateView) => participantsOf(view).filter((a) => a.snapshot.value === 'committed' || a.snapshot.value === 'aborted');

/** The system, for a number of participants and a crash budget. */
export default function twoPhaseCommit(params: Record<string, string> = {}) {
  const n = Number(params.participants ?? 2);
  const crashes = Number(params.crashes ?? 1);
  if (!Number.isInteger(n) || n < 1 || n > 4) throw new Error(`participants must be 1..4, got '${params.participants}'`);
  if (crashes !== 0 && crashes !== 1) throw new Error(`crashes must be 0 or 1, got '${params.crashes}'`);
  const ids = Array.from({ length: n }, (_, i) => `p${i + 1}`);
  return defineSystem({
    name: `two-phase-commit(participants=${n}, crashes=${crashes})`,
    actors: [
      { id: 'c', role: 'coordinator', machine: coordinator, input: { participants: ids } },
      ...ids.map((id) => ({ id, role: 'participant', machine: participant, input: { coordinator: 'c' } })),
    ],
    // Connections: a message to a crashed node is lost (as over TCP), so a query to a dead coordinator goes nowhere.
    network: { kind: 'multiset', loss: 0, duplicate: 0, connections: true },
    faults: { crashes },
    offers(ctx) {
      const state = ctx.snapshot.value;
      if (ctx.actor === 0) {
        if (state === 'idle') ctx.offer('begin', () => ({ type: 'begin' }));
        return;
      }
      if (state === 'asked') {
        ctx.offer('voteYes', () => ({ type: 'voteYes' }));
        ctx.offer('voteNo', () => ({ type: 'voteNo' }));
      }
      // A timeout fires only while neither a query of this participant nor an answer to it is in flight.
      const self = ids[ctx.actor - 1];
      // (Both are read every time: which messages offers read may depend on the local state only.)
      const queries = ctx.present(ctx.actor, 'query');
      const answers = ctx.present(0, 'decision').filter((m) => m.envelope.to.includes(self));
      const waiting = queries.length > 0 || answers.length > 0;
      if (state === 'working' || ((state === 'prepared' || state === 'inquiring') && !waiting)) ctx.offer('timeout', () => ({ type: 'timeout' }));
    },
    properties: [
      invariant('agreement', 'no participant commits while another aborts', (view) => {
        const values = new Set(decided(view).map((a) => a.snapshot.value));
        return values.size <= 1 || 'one participant committed and another aborted';
      }),
      invariant('commit-needs-all-yes', 'a participant commits only if every participant voted yes', (view) => {
        const all = participantsOf(view);
        if (!all.some((a) => a.snapshot.value === 'committed')) return true;
        const no = all.find((a) => (a.snapshot.context as { voted: string | null }).voted !== 'yes');
        return no ? `${no.id} did not vote yes, yet a participant committed` : true;
      }),
      reachable('some-commit', 'a transaction commits', (view) => participantsOf(view).every((a) => a.snapshot.value === 'committed')),
      reachable('some-abort', 'a transaction aborts', (view) => participantsOf(view).every((a) => a.snapshot.value === 'aborted')),
    ],
    liveness: [
      eventually('all-decide', 'every live participant eventually decides (fails: 2PC blocks when the coordinator crashes)',
        (view) => participantsOf(view).every((a) => a.crashed || a.snapshot.value === 'committed' || a.snapshot.value === 'aborted')),
    ],
    // Weak fairness: a message that stays deliverable is delivered; voting, beginning and timeouts are not left waiting forever.
    fairness: { deliver: true, offers: ['begin', 'voteYes', 'timeout'] },
  });
}
