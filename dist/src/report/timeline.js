import { eventText, faultTone, stateText } from '../diagram/describe.js';
export function stepsFromTrace(events) {
    const steps = [];
    const lastByNode = new Map();
    for (const e of events) {
        if (e.kind === 'state') {
            const prev = lastByNode.get(e.node);
            if (prev && prev.state === undefined) {
                prev.state = stateText(e.state);
                continue;
            }
        }
        const tone = faultTone(e);
        const step = { seq: e.seq, actor: e.node, action: eventText(e), ...(tone ? { tone } : {}) };
        if (e.kind === 'state')
            step.state = stateText(e.state);
        steps.push(step);
        lastByNode.set(e.node, step);
    }
    return steps;
}
