/**
 * Evaluates properties on explored states cheaply. Properties that read the same part of
 * the state (`reads`, resolved against the system: Paxos.tla's learner-reading property
 * reads what agreement reads, as it has no learners) form a group sharing one projection:
 * the group is skipped along a step that leaves its projection as the parent had it (the
 * parent's verdicts carry over), and otherwise evaluated once per distinct projection
 * (memoized).
 */
import type { ComposedSystem } from './compose.ts';
import { ProjectionMemo, Projector } from './projection.ts';
import type { Property, StateView, Verdict } from './spec.ts';

/** An invariant's verdict, or whether a reachability goal holds. */
export type Value = Verdict | boolean;

interface Group {
  members: number[];
  memo: ProjectionMemo<Value[]> | null;
}

export class PropertyEvaluator {
  private readonly groups: Group[] = [];

  constructor(private readonly system: ComposedSystem, private readonly props: readonly Property[]) {
    this.open = new Uint8Array(props.length).fill(1);
    this.evaluated = new Int32Array(props.length);
    this.values = props.map(() => true);
    const byReads = new Map<string, Group>();
    props.forEach((p, k) => {
      if (!p.reads) {
        this.groups.push({ members: [k], memo: null });
        return;
      }
      const projector = new Projector(system, p.reads);
      let group = byReads.get(projector.key);
      if (!group) {
        group = { members: [], memo: new ProjectionMemo<Value[]>(projector) };
        byReads.set(projector.key, group);
        this.groups.push(group);
      }
      group.members.push(k);
    });
  }

  /** How many projections the properties with `reads` share among them. */
  get projections(): number {
    return this.groups.filter((g) => g.memo !== null).length;
  }

  /** 1 for each property still undecided (invariant holding so far, goal not reached yet). */
  readonly open: Uint8Array;
  /**
   * After `evaluate`: the properties evaluated (the first `evaluatedCount`), and their
   * values (indexed by property). A fixed array and a count: emptying a JS array by
   * `length = 0` drops its storage, and the next push allocates it again, per state.
   */
  readonly evaluated: Int32Array;
  evaluatedCount = 0;
  readonly values: Value[];

  /**
   * Evaluates every open property whose value may differ from the parent's (all of them
   * for the initial state, `parent` = null); see `evaluated` and `values`.
   */
  evaluate(v: Uint32Array, parent: Uint32Array | null): void {
    this.evaluatedCount = 0;
    let view: StateView | null = null;
    for (let g = 0; g < this.groups.length; g++) {
      const { members, memo } = this.groups[g];
      let anyOpen = false;
      for (let j = 0; j < members.length; j++) if (this.open[members[j]]) anyOpen = true;
      if (!anyOpen) continue;
      if (parent && memo && !memo.projector.differs(parent, v)) continue;
      let values = memo?.get(v, 0);
      if (values === undefined) {
        view ??= this.system.view(v);
        values = [];
        for (const k of members) {
          const p = this.props[k];
          values.push(p.kind === 'invariant' ? p.check(view) : p.reached(view));
        }
        memo?.set(v, 0, values);
      }
      for (let j = 0; j < members.length; j++) {
        const k = members[j];
        if (!this.open[k]) continue;
        this.values[k] = values[j];
        this.evaluated[this.evaluatedCount++] = k;
      }
    }
  }
}
