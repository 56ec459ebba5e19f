/**
 * The fault schedule of a real run, as a pure function of the run's shape and a seed:
 * one episode per requested fault kind, in consecutive slots of the middle of the run,
 * each undone before the next begins (kill -> restart, pause -> resume, partition -> heal).
 * The seed picks the victims, the partition's sides, and when in its slot each episode
 * starts and how long it lasts; it is mixed (a murmur3 finalizer) before it seeds the
 * generator, since xorshift fed a small seed directly starts with near-zero outputs
 * (which once made node 1 the kill victim for every seed from 0 to 200).
 */
export type FaultKind = 'kill' | 'pause' | 'partition';
export declare const FAULT_KINDS: readonly FaultKind[];
export type FaultAction = {
    at: number;
    kind: 'kill' | 'restart' | 'pause' | 'resume';
    node: string;
} | {
    at: number;
    kind: 'partition';
    groups: string[][];
} | {
    at: number;
    kind: 'heal';
};
export interface FaultPlanInput {
    kinds: readonly FaultKind[];
    durationMs: number;
    /** Nodes a kill or pause may hit (e.g. acceptors, or servers). */
    victims: readonly string[];
    /** Every node, for partitions. */
    nodes: readonly string[];
    seed: number;
}
export declare function planFaults(p: FaultPlanInput): FaultAction[];
