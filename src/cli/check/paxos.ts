/**
 * `coordkit check paxos`: single-decree Paxos, either Lamport's Paxos.tla message set or
 * point-to-point message passing with loss, duplication and crashes. Named by the paxos
 * row of src/families.ts.
 */
import { Option } from 'commander';
import { z } from 'zod';
import { paxosMessageSystem, paxosTlaSystem } from '../../../models/paxos/system.ts';
import { findPaxosMutant, paxosMutants } from '../../../models/paxos/mutants.ts';
import { UserError } from '../errors.ts';
import { choice, parseOptions, text, wholeNumber } from '../options.ts';
import type { CheckModel } from './check-model.ts';

const paxosOptions = z.object({
  network: choice(['set', 'multiset']),
  acceptors: wholeNumber(1, 7),
  values: wholeNumber(1, 5),
  ballots: wholeNumber(1, 8),
  proposers: wholeNumber(1, 4),
  learners: wholeNumber(0, 3),
  rounds: wholeNumber(1, 4),
  loss: wholeNumber(0, 255),
  dup: wholeNumber(0, 255),
  crashes: wholeNumber(0, 15),
  mutant: text().optional(),
});

export const paxosCheckModel: CheckModel = {
  name: 'paxos',
  description: 'single-decree Paxos: the Paxos.tla message set (default) or message passing',
  options: () => [
    new Option('--network <kind>', 'set (Paxos.tla: messages never removed) or multiset (point to point, reorder/loss/dup)').default('set'),
    new Option('--acceptors <n>', 'acceptors').default(3),
    new Option('--values <n>', 'values (set network)').default(2),
    new Option('--ballots <n>', 'ballots 0..n-1 (set network)').default(2),
    new Option('--proposers <n>', 'proposers (multiset network)').default(2),
    new Option('--learners <n>', 'learners (multiset network)').default(1),
    new Option('--rounds <n>', 'ballots each proposer may try (multiset network)').default(1),
    new Option('--loss <n>', 'messages the network may lose (multiset)').default(0),
    new Option('--dup <n>', 'messages the network may duplicate (multiset)').default(0),
    new Option('--crashes <n>', 'nodes that may crash (multiset)').default(0),
    new Option('--mutant <name>', `check a deliberately broken model: ${paxosMutants.map((m) => m.name).join(', ')}`),
  ],
  schema: paxosOptions,
  build(raw) {
    const o = parseOptions(paxosOptions, raw);
    const mutant = o.mutant === undefined ? undefined : findPaxosMutant(o.mutant);
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
