/** In-flight bookkeeping shared by the load-aware policies: request -> backend, backend -> count. */
export declare class InflightTable {
    private readonly byRequest;
    private readonly counts;
    count(backend: string): number;
    start(request: string, backend: string): void;
    /** Ignores requests it never saw (a done for an unknown request changes nothing). */
    finish(request: string): void;
}
