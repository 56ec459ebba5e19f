import { createClusterNode } from './nodes.js';
import { traceHeader } from '../../../conformance/schema/header.js';
/** Cap on deliveries per round: a bug that makes servers chatter forever ends the run, not the process. */
const MAX_DELIVERIES_PER_ROUND = 10_000;
export function simulate(plan) {
    const specs = [
        ...plan.servers.map((self) => ({
            id: self, role: 'server',
            input: { self, servers: plan.servers, syncLimit: plan.syncLimit, sessionTicks: plan.sessionTicks },
        })),
        ...plan.clients.map((c) => ({ id: c.self, role: 'client', input: c })),
    ];
    const build = (spec) => createClusterNode(spec, plan.variant);
    const nodes = new Map(specs.map((s) => [s.id, build(s)]));
    const crashed = new Map();
    const paused = new Set();
    const held = [];
    let groups = null;
    const events = [];
    let tick = 0;
    const record = (e) => events.push({ seq: events.length + 1, ts: tick * plan.tickTime, ...e });
    const queue = [];
    const connected = (a, b) => groups === null || groups.get(a) === groups.get(b);
    const emit = (node, outputs) => {
        for (const o of outputs) {
            if (o.type === 'send') {
                record({ node, kind: 'send', to: o.to, msg: o.msg });
                for (const to of o.to)
                    queue.push({ from: node, to, msg: o.msg });
            }
            else {
                const { type, ...rest } = o;
                record({ node, kind: type, ...rest });
            }
        }
    };
    const boot = (id) => {
        const n = nodes.get(id);
        if (n.boot)
            emit(id, n.boot());
    };
    const strike = (f) => {
        switch (f.kind) {
            case 'crash':
                crashed.set(f.node, JSON.parse(JSON.stringify(nodes.get(f.node).save())));
                paused.delete(f.node);
                record({ node: f.node, kind: 'crash' });
                break;
            case 'restart': {
                const saved = crashed.get(f.node);
                if (saved === undefined)
                    break;
                crashed.delete(f.node);
                const n = build(specs.find((s) => s.id === f.node));
                n.load(saved);
                nodes.set(f.node, n);
                record({ node: f.node, kind: 'restart' });
                boot(f.node);
                break;
            }
            case 'pause':
                paused.add(f.node);
                record({ node: f.node, kind: 'pause' });
                break;
            case 'resume':
                paused.delete(f.node);
                record({ node: f.node, kind: 'resume' });
                queue.push(...held.filter((m) => m.to === f.node));
                held.splice(0, held.length, ...held.filter((m) => m.to !== f.node));
                break;
            case 'partition':
                groups = new Map();
                f.groups.forEach((g, i) => g.forEach((n) => groups.set(n, i)));
                record({ node: f.groups[0][0], kind: 'partition', groups: f.groups });
                break;
            case 'heal':
                groups = null;
                record({ node: plan.servers[0], kind: 'heal' });
                break;
        }
    };
    const deliver = () => {
        for (let n = 0; queue.length > 0 && n < MAX_DELIVERIES_PER_ROUND; n++) {
            const m = queue.shift();
            if (crashed.has(m.to))
                continue;
            if (!connected(m.from, m.to)) {
                record({ node: m.to, kind: 'drop', from: m.from, msg: m.msg });
                continue;
            }
            if (paused.has(m.to)) {
                held.push(m);
                continue;
            }
            record({ node: m.to, kind: 'receive', from: m.from, msg: m.msg });
            emit(m.to, nodes.get(m.to).handle({ kind: 'receive', from: m.from, msg: m.msg }));
        }
        queue.length = 0;
    };
    for (const s of specs)
        boot(s.id);
    deliver();
    for (tick = 1; tick <= plan.ticks; tick++) {
        for (const f of plan.faults)
            if (f.at === tick)
                strike(f);
        for (const s of specs) {
            if (crashed.has(s.id) || paused.has(s.id))
                continue;
            if (s.role === 'server')
                record({ node: s.id, kind: 'tick', tick });
            emit(s.id, nodes.get(s.id).handle({ kind: 'event', event: { type: 'tick', now: tick } }));
        }
        deliver();
    }
    const header = traceHeader('cluster', {
        servers: plan.servers, tickTime: plan.tickTime, syncLimit: plan.syncLimit,
        sessionTimeout: plan.sessionTicks * plan.tickTime, clients: plan.clients.map((c) => c.self),
    }, { name: 'coordkit cluster simulation' }, `in-process synchronous rounds, ${plan.ticks} ticks, faults ${plan.faults.map((f) => `${f.kind}@${f.at}`).join(' ') || 'none'}`);
    return { header, events };
}
/**
 * The standard simulated run: three servers, one client with a long-lived session and
 * sessions that close or fall silent, a follower crash and restart, a follower pause,
 * a leader crash, and a partition cutting a follower off.
 */
export function standardSimPlan(variant) {
    const servers = ['s1', 's2', 's3'];
    const sessionTicks = 6;
    return {
        servers, syncLimit: 2, sessionTicks, tickTime: 100, ticks: 70, variant,
        clients: [{
                self: 'c1', servers, heartbeatTicks: 2,
                sessions: [
                    { session: 'c1.live', ephemerals: ['/live/c1'], open: 3 },
                    { session: 'c1.dies', ephemerals: ['/lock/a', '/lock/b'], open: 4, silentAt: 9 },
                    { session: 'c1.closes', ephemerals: ['/tmp/x'], open: 5, closeAt: 12 },
                    { session: 'c1.dies-late', ephemerals: ['/lock/c'], open: 30, silentAt: 36 },
                ],
            }],
        faults: [
            { at: 14, kind: 'crash', node: 's1' }, { at: 20, kind: 'restart', node: 's1' },
            { at: 26, kind: 'pause', node: 's2' }, { at: 27, kind: 'resume', node: 's2' },
            // s3 leads after the first election (highest id): lose it.
            { at: 34, kind: 'crash', node: 's3' }, { at: 44, kind: 'restart', node: 's3' },
            { at: 52, kind: 'partition', groups: [['s1', 's3', 'c1'], ['s2']] }, { at: 60, kind: 'heal' },
        ],
    };
}
