/**
 * The systems `coordkit check MODEL` knows: each declares its own options and builds a
 * SystemSpec from them. Add a model by appending to `checkModels`.
 */
import { Option } from 'commander';
import type { SystemSpec } from '../../explore/spec.ts';
import { paxosMessageSystem, paxosTlaSystem } from '../../../models/paxos/system.ts';
import { findPaxosMutant, paxosMutants } from '../../../models/paxos/mutants.ts';
import { z } from 'zod';
import { UserError } from '../errors.ts';
import { choice, parseOptions, text, wholeNumber } from '../options.ts';
import { clusterCheckModel } from '../commands/check-cluster.ts';

export interface CheckModel {
  name: string;
  description: string;
  options(): Option[];
  /** The options' values (src/cli/options.ts): a search's identity uses the validated ones. */
  schema: z.ZodObject;
  /** Validates raw option values with `schema` and builds the system. */
  build(opts: Record<string, unknown>): SystemSpec;
  /** Configurations `npm start` checks, as option values. */
  defaults: { label: string; opts: Record<string, unknown> }[];
}

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

const paxos: CheckModel = {
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

export const checkModels: CheckModel[] = [paxos, clusterCheckModel];

/** Option values as commander would fill them: the model's defaults, overridden by `opts`. */
export function withDefaults(model: CheckModel, opts: Record<string, unknown>): Record<string, unknown> {
  const filled: Record<string, unknown> = {};
  for (const option of model.options()) {
    if (option.defaultValue !== undefined) filled[option.attributeName()] = option.defaultValue;
  }
  return { ...filled, ...opts };
}

/**
 * Builds a registered model's system from plain options (the defaults fill the rest): how
 * expansion workers rebuild the system they replicate (see src/explore/parallel.ts).
 */
export function buildCheckSystem({ model, opts }: { model: string; opts: Record<string, unknown> }): SystemSpec {
  const found = checkModels.find((m) => m.name === model);
  if (!found) throw new Error(`no check model ${model}`);
  return found.build(withDefaults(found, opts));
}
