/**
 * hash-stable: while membership is stable the same key always goes to the same backend.
 * consistent-hash-movement: across membership changes a key moves only if the backend it
 * was on left, or to a backend that joined — never between two backends that stayed.
 * Reports keys moved per change against the expected share (removed weight / old total +
 * added weight / new total, ≈ 1/N for one backend).
 *
 * Memory: one entry per distinct key, plus one per backend and per membership change.
 */
import type { EventOf } from '../../schema/trace.ts';
import type { Verdict } from '../types.ts';
import { BalancerChecker, type BalancerHeader } from './base.ts';
export declare class HashChecker extends BalancerChecker {
    private readonly judgeMovement;
    readonly name = "hash";
    private readonly movementLog;
    /** key -> backend it was last seen on, and the membership epoch it was seen in. */
    private readonly seen;
    /** For current backends: the epoch since which each has been a member without a break. */
    private readonly presentSince;
    /** Figures of each change, by the epoch it opened. */
    private readonly changes;
    private weights;
    private keyed;
    private unkeyed;
    private compared;
    private moved;
    private betweenSurvivors;
    constructor(header: BalancerHeader, judgeMovement: boolean);
    protected onPick(e: EventOf<'pick'>, line: number): void;
    protected onMembership(removed: string[], added: string[], line: number): void;
    private changeFigures;
    end(): Verdict[];
}
