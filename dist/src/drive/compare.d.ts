/**
 * Outputs as a sorted multiset of canonical strings: a send to several recipients counts
 * once per recipient, so implementations may batch or split sends as they like.
 */
export declare function normalizeOutputs(outputs: readonly ({
    type: string;
} & Record<string, unknown>)[], json?: (x: unknown) => string): string[];
export declare const sameList: (a: readonly string[], b: readonly string[]) => boolean;
export declare const sameView: (a: unknown, b: unknown) => boolean;
/** Plain JSON: equal to canonical JSON whenever both sides build objects in the same key order. */
export declare const plainJson: (x: unknown) => string;
