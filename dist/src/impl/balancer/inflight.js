/** In-flight bookkeeping shared by the load-aware policies: request -> backend, backend -> count. */
export class InflightTable {
    byRequest = new Map();
    counts = new Map();
    count(backend) {
        return this.counts.get(backend) ?? 0;
    }
    start(request, backend) {
        this.byRequest.set(request, backend);
        this.counts.set(backend, this.count(backend) + 1);
    }
    /** Ignores requests it never saw (a done for an unknown request changes nothing). */
    finish(request) {
        const backend = this.byRequest.get(request);
        if (backend === undefined)
            return;
        this.byRequest.delete(request);
        this.counts.set(backend, this.count(backend) - 1);
    }
}
