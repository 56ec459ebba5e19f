export const send = (to, msg) => ({ send: { to, msg } });
/** A correct learner: decides once a quorum of acceptors accepted one (ballot, value). */
export class Learner {
    id;
    quorumSize;
    hasty;
    heard = new Map();
    decided = false;
    /** `hasty` learners decide on the first accepted message (a mutation for testing checkers). */
    constructor(id, quorumSize, hasty = false) {
        this.id = id;
        this.quorumSize = quorumSize;
        this.hasty = hasty;
    }
    receive(from, msg) {
        if (msg.type !== 'accepted' || this.decided)
            return [];
        const key = `${msg.ballot}|${msg.value}`;
        let who = this.heard.get(key);
        if (!who)
            this.heard.set(key, (who = new Set()));
        who.add(from);
        if (who.size < (this.hasty ? 1 : this.quorumSize))
            return [];
        this.decided = true;
        return [{ decide: String(msg.value) }];
    }
}
