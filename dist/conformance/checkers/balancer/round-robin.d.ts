/**
 * Round robin. round-robin-order: with stable membership every window of N picks is a
 * permutation of the N backends, in one fixed cyclic order. round-robin-membership: across
 * a membership change no backend is skipped (survivors keep their cyclic order; newcomers
 * may be inserted once anywhere) and none is served twice within one window.
 *
 * Memory: the last N-1 picks and the learned successor of each backend — O(N).
 */
import type { EventOf } from '../../schema/trace.ts';
import type { Verdict } from '../types.ts';
import { BalancerChecker, type BalancerHeader } from './base.ts';
export declare class RoundRobinChecker extends BalancerChecker {
    readonly name = "round-robin";
    private readonly membershipLog;
    /** Last picks of current backends, oldest first, at most N-1 of them. */
    private recent;
    private readonly succ;
    private readonly pred;
    /** Backends not yet picked since they joined: they may be placed anywhere in the cycle. */
    private readonly unplaced;
    /** Backends that joined by a change and have not had their first turn; until they do,
     * the cycle they will join is one shorter. Each must get it within N picks of the change. */
    private readonly waiting;
    private last;
    private picks;
    private fullWindows;
    private picksSinceChange;
    private changes;
    constructor(header: BalancerHeader);
    /** Violations in the first window after a change are blamed on the change. */
    private blame;
    protected onPick(e: EventOf<'pick'>, line: number): void;
    /** Records a -> b (-> c when b is inserted between a and c). */
    private link;
    protected onMembership(removed: string[], added: string[]): void;
    /** The learned cycle, starting from the first backend of the current set. */
    private cycle;
    end(): Verdict[];
}
