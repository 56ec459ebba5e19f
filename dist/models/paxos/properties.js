/** Acceptors that accepted each "ballot|value", from messages and vote histories. */
function acceptances(view) {
    const out = new Map();
    const add = (key, a) => {
        const s = out.get(key) ?? new Set();
        s.add(a);
        out.set(key, s);
    };
    for (const m of view.messages)
        if (m.msg.type === 'accepted')
            add(`${m.msg.ballot}|${m.msg.value}`, m.from);
    for (const a of view.actors) {
        if (a.role !== 'acceptor')
            continue;
        for (const [b, v] of a.snapshot.context.votes ?? [])
            add(`${b}|${v}`, a.id);
    }
    return out;
}
export function chosenValues(view, quorums) {
    const chosen = new Set();
    for (const [key, who] of acceptances(view)) {
        if (quorums.some((q) => q.every((a) => who.has(a))))
            chosen.add(key.slice(key.indexOf('|') + 1));
    }
    return chosen;
}
/** Values some proposer sent in an accept message (all of them, when messages persist). */
function proposedValues(view) {
    const out = new Set();
    for (const m of view.messages)
        if (m.msg.type === 'accept')
            out.add(m.msg.value);
    return out;
}
export function paxosProperties({ quorums, values, messagesPersist }) {
    // Chosen values depend on accepted messages and on acceptors' votes, which only exist
    // when messages do not persist; validity also reads accepts.
    const voters = messagesPersist ? [] : ['acceptor'];
    const chosenReads = { messageTypes: ['accepted'], roles: voters };
    return [
        {
            kind: 'invariant', name: 'agreement', description: 'at most one value is chosen', reads: chosenReads,
            check: (view) => {
                const chosen = chosenValues(view, quorums);
                return chosen.size <= 1 || `values ${[...chosen].join(' and ')} are both chosen`;
            },
        },
        {
            kind: 'invariant', name: 'validity', description: 'a chosen value was proposed, and is one of the configured values',
            reads: { messageTypes: ['accepted', 'accept'], roles: voters },
            check: (view) => {
                const proposed = messagesPersist ? proposedValues(view) : null;
                for (const v of chosenValues(view, quorums)) {
                    if (!values.includes(v))
                        return `chosen value ${v} is not one of ${values.join(', ')}`;
                    if (proposed && !proposed.has(v))
                        return `chosen value ${v} was never proposed`;
                }
                return true;
            },
        },
        {
            kind: 'invariant', name: 'learners-decide-chosen', description: 'a learner decides only a chosen value',
            reads: { messageTypes: ['accepted'], roles: [...voters, 'learner'] },
            check: (view) => {
                let chosen = null;
                for (const a of view.actors) {
                    if (a.role !== 'learner')
                        continue;
                    const d = a.snapshot.context.decided;
                    if (d === null)
                        continue;
                    chosen ??= chosenValues(view, quorums);
                    if (!chosen.has(d))
                        return `learner ${a.id} decided ${d}, which is not chosen`;
                }
                return true;
            },
        },
        {
            kind: 'reachable', name: 'some-value-chosen', description: 'some value can be chosen (the model is not vacuous)', reads: chosenReads,
            reached: (view) => chosenValues(view, quorums).size > 0,
        },
    ];
}
