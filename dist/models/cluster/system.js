import { environmentMachine } from './environment.js';
import { serverMachine } from './server.js';
import { clusterProperties } from './properties.js';
import { livenessBound } from './bound.js';
import { ENVIRONMENT_ID, environmentOf, faultCount, roundComplete, serversOf } from './observe.js';
import { traceHeader } from '../../conformance/schema/header.js';
export const NO_CLUSTER_FAULTS = { crashes: 0, restarts: 0, partitions: 0, losses: 0, duplicates: 0, pauses: 0 };
/** Message copies in flight are counted in 4 bits; votes re-sent every tick pile up at a crashed server. */
export const MAX_TICKS_LIMIT = 12;
export const serverIds = (n) => Array.from({ length: n }, (_, i) => `s${i + 1}`);
export function clusterSystem(cfg) {
    if (cfg.servers < 1 || cfg.servers > 7)
        throw new Error(`servers must be 1..7, got ${cfg.servers}`);
    if (cfg.syncLimit < 1)
        throw new Error(`syncLimit must be at least 1, got ${cfg.syncLimit}`);
    if (cfg.maxTicks < 0 || cfg.maxTicks > MAX_TICKS_LIMIT)
        throw new Error(`maxTicks must be 0..${MAX_TICKS_LIMIT}, got ${cfg.maxTicks}`);
    const servers = serverIds(cfg.servers);
    const bound = cfg.livenessBound ?? livenessBound(cfg.syncLimit);
    const actors = [
        ...servers.map((self, i) => ({
            id: self, role: 'server', machine: cfg.server ?? serverMachine,
            input: { self, servers, syncLimit: cfg.syncLimit, zxid: cfg.zxids?.[i] ?? 0 },
        })),
        {
            id: ENVIRONMENT_ID, role: 'environment', machine: environmentMachine, environment: true, receives: [],
            input: { servers, maxTicks: cfg.maxTicks, pauses: cfg.faults.pauses },
        },
    ];
    const envIndex = actors.length - 1;
    function offers(ctx) {
        const view = ctx.view();
        const env = environmentOf(view);
        if (ctx.actor === envIndex)
            return environmentOffers(ctx, env);
        const id = actors[ctx.actor].id;
        const tick = ctx.snapshot.context.tick;
        if (tick < env.now && !env.paused.includes(id))
            ctx.offer(`tick|${env.now}`, () => ({ type: 'tick', now: env.now }));
    }
    /** The environment's own steps: the round-ending advance, pauses and resumes. */
    function environmentOffers(ctx, env) {
        const view = ctx.view();
        const all = serversOf(view);
        if (env.now < cfg.maxTicks && roundComplete(view, all, env)) {
            const faults = faultCount(view);
            const crashed = all.filter((s) => s.crashed).map((s) => s.id);
            ctx.offer(`advance|${faults}|${crashed.join(',')}`, () => ({ type: 'advance', faults, crashed }));
        }
        for (const s of all) {
            if (env.paused.includes(s.id))
                ctx.offer(`resume|${s.id}`, () => ({ type: 'resume', server: s.id }));
            else if (env.pausesLeft > 0 && !s.crashed)
                ctx.offer(`pause|${s.id}`, () => ({ type: 'pause', server: s.id }));
        }
    }
    return {
        name: `cluster(servers=${cfg.servers}, syncLimit=${cfg.syncLimit}, maxTicks=${cfg.maxTicks}, faults=${describeFaults(cfg.faults)})`,
        actors,
        network: { kind: 'multiset', loss: cfg.faults.losses, duplicate: cfg.faults.duplicates, connections: true },
        faults: { crashes: cfg.faults.crashes, restarts: cfg.faults.restarts, partitions: cfg.faults.partitions },
        offers,
        properties: clusterProperties({
            syncLimit: cfg.syncLimit, livenessBound: bound, faulty: Object.values(cfg.faults).some((n) => n > 0),
        }),
        traceHeader: () => traceHeader('cluster', { servers, tickTime: cfg.tickTime ?? 1000, syncLimit: cfg.syncLimit, clients: [] }, { name: 'coordkit explore' }, `model counterexample; liveness bound ${bound} ticks`),
    };
}
export function describeFaults(f) {
    const parts = Object.entries(f).filter(([, n]) => n > 0).map(([k, n]) => `${k}:${n}`);
    return parts.length ? parts.join(',') : 'none';
}
