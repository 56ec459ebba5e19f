/**
 * A system `coordkit check NAME` knows: its command-line options and how it builds a
 * SystemSpec from them. Its own file so that the models that implement it (one per
 * protocol family, named in src/families.ts) and the list that gathers them
 * (models.ts) both import it without importing each other.
 */
import type { Option } from 'commander';
import type { z } from 'zod';
import type { SystemSpec } from '../../explore/spec.ts';

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
