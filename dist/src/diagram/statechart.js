const AFTER_PREFIX = 'xstate.after.';
export function toStatechart(machine) {
    const transitions = [];
    const visit = (node) => {
        for (const [event, list] of node.transitions) {
            if (event.startsWith(AFTER_PREFIX))
                continue; // listed again, with its delay, in node.after
            for (const t of list)
                transitions.push(chartTransition(node.id, 'event', event, t));
        }
        for (const t of node.always ?? [])
            transitions.push(chartTransition(node.id, 'always', '', t));
        for (const t of node.after ?? [])
            transitions.push(chartTransition(node.id, 'after', delayLabel(t.delay), t));
        const initial = node.initial?.target?.[0]?.id;
        return {
            id: node.id,
            key: node.key,
            kind: node.type,
            ...(initial !== undefined && node.type === 'compound' ? { initial } : {}),
            children: Object.values(node.states).map(visit),
        };
    };
    const root = visit(machine.root);
    return { id: machine.id, root, transitions };
}
function chartTransition(source, trigger, event, t) {
    const guard = t.guard === undefined ? undefined : guardName(t.guard);
    return {
        source,
        targets: (t.target ?? []).map((n) => n.id),
        trigger,
        event,
        ...(guard !== undefined ? { guard } : {}),
        actions: t.actions.map(actionName),
    };
}
function delayLabel(delay) {
    return typeof delay === 'number' ? `${delay}ms` : delay;
}
/** Names a guard as written: "name", "name(params)", "and(a, b)", "!a", or "inline" for an anonymous function. */
export function guardName(guard) {
    if (typeof guard === 'string')
        return guard;
    if (typeof guard === 'function') {
        const fn = guard;
        const parts = fn.guards?.map(guardName);
        if (parts && fn.name === 'not')
            return `!${parts[0]}`;
        if (parts && (fn.name === 'and' || fn.name === 'or'))
            return `${fn.name}(${parts.join(', ')})`;
        if (fn.stateValue !== undefined)
            return `in(${compact(fn.stateValue)})`;
        return namedFunction(fn.name);
    }
    if (isTyped(guard))
        return withParams(guard.type, guard.params);
    return 'inline';
}
/** Names an action: its registered name, a built-in such as "assign", or "inline". */
export function actionName(action) {
    if (typeof action === 'string')
        return action;
    if (typeof action === 'function') {
        const fn = action;
        if (typeof fn.type === 'string')
            return fn.type.replace(/^xstate\./, '');
        return namedFunction(fn.name);
    }
    if (isTyped(action))
        return withParams(action.type, action.params);
    return 'inline';
}
// Inline arrow functions in a config object take the property name ("guard", "actions").
function namedFunction(name) {
    return !name || name === 'guard' || name === 'actions' || name === 'anonymous' ? 'inline' : name;
}
function isTyped(x) {
    return typeof x === 'object' && x !== null && typeof x.type === 'string';
}
function withParams(type, params) {
    return params === undefined || typeof params === 'function' ? type : `${type}(${compact(params)})`;
}
function compact(x) {
    try {
        return JSON.stringify(x) ?? String(x);
    }
    catch {
        return String(x);
    }
}
/** "EVENT [guard] / a, b" — the UML edge label used by both renderers. */
export function transitionLabel(t) {
    const trigger = t.trigger === 'always' ? 'always' : t.trigger === 'after' ? `after ${t.event}` : t.event;
    const guard = t.guard !== undefined ? ` [${t.guard}]` : '';
    const actions = t.actions.length > 0 ? ` / ${t.actions.join(', ')}` : '';
    return `${trigger}${guard}${actions}`;
}
/** Every state of the tree, parents before children. */
export function allStates(root) {
    const out = [];
    const walk = (s) => {
        out.push(s);
        s.children.forEach(walk);
    };
    walk(root);
    return out;
}
