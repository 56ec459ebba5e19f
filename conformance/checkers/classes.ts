/**
 * Verdict classes: every property is one of three kinds, reported separately so that a
 * harmless difference from the reference behaviour is never read as a safety failure.
 *
 * - safety: something bad never happens (agreement, validity, decide-chosen, the acceptor
 *   and Phase2a rules in the form agreement needs, one leader per epoch, ...);
 * - conformance: the trace is one of the behaviours the specification allows (refinement
 *   against the XState models, a balancer following its policy);
 * - liveness: something good happens, by the end of the trace or within a declared bound
 *   (a learner decides a value a quorum accepted; a leader after the last fault).
 *
 * One table, keyed by property name; a checker may also set `class` on its verdict itself.
 */
import type { PropertyClass, Verdict } from './types.ts';

export const PROPERTY_CLASSES: readonly PropertyClass[] = ['safety', 'conformance', 'liveness'];

const TABLE: Record<string, PropertyClass> = {
  'paxos.agreement': 'safety',
  'paxos.validity': 'safety',
  'paxos.decide-chosen': 'safety',
  'paxos.promise-monotonic': 'safety',
  'paxos.accept-respects-promise': 'safety',
  'paxos.promise-reports-vote': 'safety',
  'paxos.accept-after-quorum': 'safety',
  'paxos.accept-value': 'safety',
  'paxos.unique-ballots': 'safety',
  'paxos.refinement': 'conformance',
  'paxos.learner-liveness': 'liveness',
  'cluster.one-leader-per-epoch': 'safety',
  'cluster.monotonic-epochs': 'safety',
  'cluster.fd-accuracy': 'safety',
  'cluster.session-expiry': 'safety',
  'cluster.fd-completeness': 'liveness',
  'cluster.election-time': 'liveness',
  'cluster.leader-liveness': 'liveness',
  // Balancers (property names without a prefix): a pick outside the membership is unsafe,
  // every other balancer property says whether the policy is followed.
  'pick-validity': 'safety',
};

/** The class of a property: the verdict's own, else the table's, else conformance. */
export function classOf(v: Pick<Verdict, 'property' | 'class'>): PropertyClass {
  return v.class ?? TABLE[v.property] ?? 'conformance';
}

/** A trace's report, as far as classes go (TraceReport fits). */
type Judged = { readonly verdicts: readonly Verdict[] };

/** The classes with at least one failing property, in the order safety, conformance, liveness. */
export function failedClasses(reports: Judged | readonly Judged[]): PropertyClass[] {
  const failed = new Set<PropertyClass>();
  for (const r of Array.isArray(reports) ? reports : [reports as Judged]) {
    for (const v of r.verdicts) if (v.status === 'fail') failed.add(classOf(v));
  }
  return PROPERTY_CLASSES.filter((c) => failed.has(c));
}
