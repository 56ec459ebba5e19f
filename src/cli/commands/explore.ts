/**
 * `coordkit explore SYSTEM [options]`: a local web page (127.0.0.1) to walk through a
 * bundled system's states one step at a time, see each actor in its statechart, the
 * messages in flight, and follow any property's counterexample or witness. The system
 * options are `check SYSTEM`'s (e.g. --ballots, --mutant), so a counterexample found by
 * `check` opens with the same options here.
 */
import { Option, type Command } from 'commander';
import { z } from 'zod';
import { checkModels } from '../check/models.ts';
import { UserError } from '../errors.ts';
import { parseOptions, text, wholeNumber } from '../options.ts';
import { startExplorer } from '../../explorer-ui/server.ts';

const exploreOptions = z.object({
  port: wholeNumber(0, 65535),
  tour: text().optional(),
  maxStates: wholeNumber(1),
});

export function register(program: Command): void {
  const explore = program.command('explore').description('walk through a system\'s states in a local web page (127.0.0.1)');
  for (const model of checkModels) {
    const sub = explore.command(model.name).description(`${model.description}, step by step`);
    for (const option of model.options()) sub.addOption(option);
    sub
      .addOption(new Option('--port <n>', 'port to listen on; 0 = a free one').default(0))
      .option('--tour <property>', 'open on the counterexample (or witness) of this property')
      .addOption(new Option('--max-states <n>', 'states the opening search (for counterexamples) may store').default(500_000))
      .action(async (raw: Record<string, unknown>) => {
        const { port, tour, maxStates } = parseOptions(exploreOptions, raw);
        const spec = model.build(raw);
        const command = `coordkit ${process.argv.slice(2).join(' ')}`;
        const explorer = await startExplorer(spec, { port, maxStates, command });
        const s = explorer.info.search;
        if (tour !== undefined && !explorer.info.properties.some((p) => p.name === tour && p.tour)) {
          await explorer.close();
          const known = explorer.info.properties.filter((p) => p.tour).map((p) => p.name).join(', ') || 'none';
          throw new UserError(`no counterexample or witness for '${tour}' (with one: ${known})`, { field: '--tour' });
        }
        const url = tour === undefined ? explorer.url : `${explorer.url}#path=&tour=${encodeURIComponent(tour)}`;
        process.stdout.write(`${spec.name}: ${s.states.toLocaleString('en-US')} states searched${s.complete ? '' : ` (stopped: ${s.stopReason})`}\n`);
        process.stdout.write(`explorer listening on ${url}  (Ctrl-C stops it)\n`);
        await new Promise<void>((resolve) => {
          const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            void explorer.close().then(resolve);
          };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
      });
  }
}
