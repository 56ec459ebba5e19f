/**
 * Opening an implementation under test that runs as a process (`drive --stdio`): hello,
 * refusing a process that claims none of the protocol's roles (nothing would be tested),
 * ballot pairs when it declares them, and routing of the other roles to the reference.
 */
import { UserError } from '../../conformance/schema/user-error.ts';
import type { Adapter } from './adapter.ts';
import { BallotPairAdapter } from './ballot-pairs.ts';
import type { ProtocolBinding } from './binding.ts';
import { InProcessAdapter, RoutedAdapter } from './in-process.ts';
import { StdioAdapter } from './stdio.ts';

export interface Opened {
  adapter: Adapter;
  /** Roles the process claimed that the protocol does not have (a warning, not an error, if others exist). */
  unknownRoles: string[];
}

export async function openStdio(binding: ProtocolBinding, command: string, timeoutMs = 5000): Promise<Opened> {
  const foreign = new StdioAdapter(command, timeoutMs);
  try {
    const hello = await foreign.hello();
    const known = [...new Set(binding.system('small').actors.map((a) => a.role))];
    const roles = hello.roles.filter((r) => known.includes(r));
    if (roles.length === 0) {
      throw new UserError(`the process claims roles ${JSON.stringify(hello.roles)}, none of which exist in ${binding.protocol} (roles: ${known.join(', ')}): nothing would be tested`, { field: 'hello.roles' });
    }
    let inner: Adapter = foreign;
    if (hello.ballots === 'pair') {
      if (!binding.ballots) throw new UserError(`${binding.protocol} has no ballots; hello declared "ballots": "pair"`, { field: 'hello.ballots' });
      inner = new BallotPairAdapter(foreign, binding.ballots);
    }
    const adapter = new RoutedAdapter(inner, new Set(roles), new InProcessAdapter('reference', binding.factory()), hello.observes);
    return { adapter, unknownRoles: hello.roles.filter((r) => !known.includes(r)) };
  } catch (err) {
    await foreign.close();
    if (err instanceof UserError) throw err;
    throw new UserError((err as Error).message, { field: '--stdio' });
  }
}
