export declare class SeededMathRandom {
    private state;
    private observer;
    constructor(seed: number);
    /** Runs `fn` with Math.random drawing from this generator; always restores it. */
    run<T>(fn: () => T): T;
    /** Runs `fn` under this generator and returns its result with the values it drew. */
    observe<T>(fn: () => T): {
        result: T;
        draws: number[];
    };
}
