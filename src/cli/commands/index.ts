/** The registered subcommands, in the order `coordkit --help` lists them. */
import type { Command } from 'commander';
import { register as check } from './check.ts';
import { register as diagram } from './diagram.ts';
import { register as verify } from './verify.ts';
import { register as schema } from './schema.ts';
import { register as itf } from './itf.ts';
import { register as record } from './record.ts';
import { register as thirdparty } from './thirdparty.ts';
import { register as all } from './all.ts';
import { register as drive } from './drive.ts';
import { register as run } from './run.ts';
import { register as explore } from './explore.ts';

export type Register = (program: Command) => void;

export const commands: Register[] = [check, diagram, verify, schema, itf, record, thirdparty, drive, run, all];
commands.push(explore);
