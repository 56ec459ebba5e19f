/**
 * `coordkit thirdparty`: re-records the third-party balancer libraries, verifies their
 * traces and rewrites the README's generated table between the third-party markers.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { recordAndVerify, renderTable, spliceReadme, tableIntro } from '../../../conformance/adapters/third-party.js';
export function register(program) {
    program
        .command('thirdparty')
        .description('record the third-party npm balancers, verify their traces, and regenerate the README table')
        .option('--out <dir>', 'where traces and verdicts.json go', 'traces/third-party')
        .option('--readme <file>', 'README whose third-party section is rewritten', 'README.md')
        .option('--no-readme', 'do not touch the README')
        .option('--json', 'print the verdicts as JSON')
        .action(async (opts) => {
        if (opts.readme !== false && !existsSync(opts.readme)) {
            throw new UserError('README not found', { file: opts.readme });
        }
        const results = await recordAndVerify(opts.out);
        writeFileSync(join(opts.out, 'verdicts.json'), JSON.stringify(results, null, 2) + '\n');
        const table = renderTable(results);
        if (opts.readme !== false) {
            const readme = readFileSync(opts.readme, 'utf8');
            writeFileSync(opts.readme, spliceReadme(readme, `${tableIntro()}\n${table}`));
        }
        if (opts.json) {
            process.stdout.write(JSON.stringify(results, null, 2) + '\n');
        }
        else {
            process.stdout.write(`${table}\n`);
        }
    });
}
