/**
 * The systems `coordkit check MODEL` knows: each declares its own options and builds a
 * SystemSpec from them. Add a model by appending to `checkModels`.
 */
import { Option } from 'commander';
import { paxosMessageSystem, paxosTlaSystem } from '../../../models/paxos/system.js';
import { findPaxosMutant, paxosMutants } from '../../../models/paxos/mutants.js';
import { UserError, intOption } from '../errors.js';
import { clusterCheckModel } from '../commands/check-cluster.js';
const paxos = {
    name: 'paxos',
    description: 'single-decree Paxos: the Paxos.tla message set (default) or message passing',
    options: () => [
        new Option('--network <kind>', 'set (Paxos.tla: messages never removed) or multiset (point to point, reorder/loss/dup)').choices(['set', 'multiset']).default('set'),
        new Option('--acceptors <n>', 'acceptors').argParser(intOption('acceptors', 1, 7)).default(3),
        new Option('--values <n>', 'values (set network)').argParser(intOption('values', 1, 5)).default(2),
        new Option('--ballots <n>', 'ballots 0..n-1 (set network)').argParser(intOption('ballots', 1, 8)).default(2),
        new Option('--proposers <n>', 'proposers (multiset network)').argParser(intOption('proposers', 1, 4)).default(2),
        new Option('--learners <n>', 'learners (multiset network)').argParser(intOption('learners', 0, 3)).default(1),
        new Option('--rounds <n>', 'ballots each proposer may try (multiset network)').argParser(intOption('rounds', 1, 4)).default(1),
        new Option('--loss <n>', 'messages the network may lose (multiset)').argParser(intOption('loss', 0, 255)).default(0),
        new Option('--dup <n>', 'messages the network may duplicate (multiset)').argParser(intOption('dup', 0, 255)).default(0),
        new Option('--crashes <n>', 'nodes that may crash (multiset)').argParser(intOption('crashes', 0, 15)).default(0),
        new Option('--mutant <name>', `check a deliberately broken model: ${paxosMutants.map((m) => m.name).join(', ')}`),
    ],
    build(o) {
        const mutant = o.mutant === undefined ? undefined : findPaxosMutant(String(o.mutant));
        if (o.mutant !== undefined && !mutant) {
            throw new UserError(`unknown mutant '${o.mutant}'; known: ${paxosMutants.map((m) => m.name).join(', ')}`, { field: '--mutant' });
        }
        const machines = mutant ? { [mutant.role]: mutant.machine } : undefined;
        if (o.network === 'set') {
            return paxosTlaSystem({ acceptors: o.acceptors, values: o.values, ballots: o.ballots, machines });
        }
        return paxosMessageSystem({
            acceptors: o.acceptors, proposers: o.proposers, learners: o.learners,
            rounds: o.rounds, network: { loss: o.loss, duplicate: o.dup },
            faults: { crashes: o.crashes, restarts: 0, partitions: 0 }, machines,
        });
    },
    defaults: [
        { label: 'Paxos.tla, ballots {0,1}', opts: { network: 'set', acceptors: 3, values: 2, ballots: 2 } },
        { label: 'Paxos.tla, ballots {0,1,2}', opts: { network: 'set', acceptors: 3, values: 2, ballots: 3 } },
        { label: 'message passing, 2 proposers, loss 1, 1 crash', opts: { network: 'multiset', acceptors: 3, proposers: 2, learners: 1, rounds: 1, loss: 1, dup: 0, crashes: 1 } },
    ],
};
export const checkModels = [paxos, clusterCheckModel];
/**
 * Builds a registered model's system from plain options: how expansion workers rebuild
 * the system they replicate (see src/explore/parallel.ts).
 */
export function buildCheckSystem({ model, opts }) {
    const found = checkModels.find((m) => m.name === model);
    if (!found)
        throw new Error(`no check model ${model}`);
    return found.build(opts);
}
