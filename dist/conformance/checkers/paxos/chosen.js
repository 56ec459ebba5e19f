/** The acceptance an event shows, if any. */
export function acceptanceIn(e, acceptors) {
    if (e.kind === 'send' && e.msg.type === 'accepted' && acceptors.has(e.node)) {
        return { acceptor: e.node, ballot: e.msg.ballot, value: e.msg.value };
    }
    if (e.kind === 'receive' && e.msg.type === 'accepted' && acceptors.has(e.from)) {
        return { acceptor: e.from, ballot: e.msg.ballot, value: e.msg.value };
    }
    return null;
}
/** Keys values by type too: the number 1 and the string "1" are different values. */
export const valueKey = (v) => `${typeof v} ${v}`;
export class ChosenTracker {
    setup;
    /** "ballot type value" -> acceptors that accepted it, until a quorum has. */
    pending = new Map();
    chosenProposals = new Set();
    /** Distinct chosen values, in the order they became chosen. */
    values = new Map();
    constructor(setup) {
        this.setup = setup;
    }
    /** Records the event's acceptance, if it shows one; returns the proposal it made chosen. */
    observe(e) {
        const a = acceptanceIn(e, this.setup.acceptors);
        if (!a)
            return null;
        const key = `${a.ballot} ${valueKey(a.value)}`;
        if (this.chosenProposals.has(key))
            return null;
        let who = this.pending.get(key);
        if (!who)
            this.pending.set(key, (who = new Set()));
        who.add(a.acceptor);
        if (!this.setup.containsQuorum(who))
            return null;
        this.pending.delete(key);
        this.chosenProposals.add(key);
        this.values.set(valueKey(a.value), a.value);
        return { ballot: a.ballot, value: a.value, by: [...who].sort() };
    }
    isChosen(v) { return this.values.has(valueKey(v)); }
}
