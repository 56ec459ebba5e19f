/** Builds cluster handler nodes from node specs (the model's actor inputs, plus clients). */
import { ClusterClient } from './client.js';
import { ClusterClock } from './clock.js';
import { ClusterServer, correctServerRules } from './server.js';
export function createClusterNode(spec, variant = {}) {
    switch (spec.role) {
        case 'server': return new ClusterServer(spec.input, { ...correctServerRules, ...variant.server });
        case 'environment': return new ClusterClock(spec.id, spec.input);
        case 'client': return new ClusterClient(spec.input);
    }
}
const isStringArray = (x) => Array.isArray(x) && x.every((s) => typeof s === 'string');
const isCount = (x, min) => typeof x === 'number' && Number.isInteger(x) && x >= min;
/** Checks an untrusted node spec (from JSON) and returns a message naming the bad field, or null. */
export function invalidClusterSpec(spec) {
    if (typeof spec !== 'object' || spec === null)
        return 'node spec must be an object';
    const s = spec;
    if (typeof s.id !== 'string' || s.id === '')
        return 'id must be a non-empty string';
    if (typeof s.input !== 'object' || s.input === null)
        return 'input must be an object';
    const input = s.input;
    switch (s.role) {
        case 'server':
            if (input.self !== s.id)
                return 'input.self must equal id';
            if (!isStringArray(input.servers) || !input.servers.includes(s.id))
                return 'input.servers must be a list of server ids including id';
            if (!isCount(input.syncLimit, 1))
                return 'input.syncLimit must be an integer >= 1';
            if (input.sessionTicks !== undefined && !isCount(input.sessionTicks, 1))
                return 'input.sessionTicks must be an integer >= 1';
            return null;
        case 'environment':
            if (!isStringArray(input.servers))
                return 'input.servers must be a list of server ids';
            if (!isCount(input.maxTicks, 0) || !isCount(input.pauses, 0))
                return 'input.maxTicks and input.pauses must be integers >= 0';
            return null;
        case 'client':
            if (!isStringArray(input.servers))
                return 'input.servers must be a list of server ids';
            if (!isCount(input.heartbeatTicks, 1))
                return 'input.heartbeatTicks must be an integer >= 1';
            if (!Array.isArray(input.sessions))
                return 'input.sessions must be a list';
            return null;
        default:
            return 'role must be one of server, environment, client';
    }
}
