/**
 * The systems `coordkit check MODEL` knows, gathered from the protocol families table
 * (src/families.ts): each declares its own options and builds a SystemSpec from them.
 */
import type { SystemSpec } from '../../explore/spec.ts';
import { families, type ModelMutant } from '../../families.ts';
import type { CheckModel } from './check-model.ts';

export type { CheckModel } from './check-model.ts';

export const checkModels: CheckModel[] = families.flatMap((f) => f.checks);

/** Option values as commander would fill them: the model's defaults, overridden by `opts`. */
export function withDefaults(model: CheckModel, opts: Record<string, unknown>): Record<string, unknown> {
  const filled: Record<string, unknown> = {};
  for (const option of model.options()) {
    if (option.defaultValue !== undefined) filled[option.attributeName()] = option.defaultValue;
  }
  return { ...filled, ...opts };
}

/**
 * What a `--mutant` run that passed means: the broken step changes nothing any property
 * sees in this configuration (a fault it needs is off, a network where it cannot happen),
 * and where `coordkit all` tries it. A bare PASS read as "this check cannot catch it".
 */
export function uncaughtMutantNote(model: string, mutant: string): string {
  const found = families.flatMap((f) => f.mutants).find((m): m is ModelMutant => m.kind === 'model' && m.model === model && m.name === mutant);
  const where = found ? `; \`coordkit all\` tries it in: ${found.runs.map((r) => r.label).join('; ')}` : '';
  return `${mutant} is not caught in this configuration: no property is violated with it here${where}`;
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
