export class NoBackendsError extends Error {
    constructor() {
        super('balancer has no backends');
    }
}
