/**
 * What each bundled trace is expected to do, read from where and how it is named:
 *
 * - a `verdicts.json` beside it that lists it: exactly the recorded failing properties
 *   (traces/third-party, written by `coordkit thirdparty`);
 * - `NAME.pass.jsonl`: every property passes;
 * - `NAME.fail.P1+P2.jsonl`: exactly P1 and P2 fail (traces/paxos, traces/cluster);
 * - `fail/P.NAME.jsonl`: at least P fails (traces/balancer/fail);
 * - `pass/NAME.jsonl`, or no marker at all (recorded real runs): every property passes.
 *
 * Pure: the caller reads the directory's verdicts.json and hands it in.
 */
import { basename, dirname } from 'node:path';
export function expectationFor(path, recorded) {
    const file = basename(path);
    const listed = recorded?.get(file);
    if (listed) {
        const why = 'recorded in verdicts.json';
        return listed.length === 0 ? { kind: 'pass', why } : { kind: 'fail-exactly', properties: [...listed].sort(), why };
    }
    const marked = /\.(pass|fail\.([^.]+))\.jsonl$/.exec(file);
    if (marked) {
        if (!marked[2])
            return { kind: 'pass', why: 'named .pass' };
        return { kind: 'fail-exactly', properties: marked[2].split('+').sort(), why: 'named .fail.<properties>' };
    }
    const dir = basename(dirname(path));
    if (dir === 'fail') {
        const property = file.split('.')[0];
        return { kind: 'fail-includes', property, why: 'in a fail/ directory, named <property>.<variant>' };
    }
    return { kind: 'pass', why: dir === 'pass' ? 'in a pass/ directory' : 'unmarked recorded run' };
}
export function describeExpectation(e) {
    switch (e.kind) {
        case 'pass': return 'pass';
        case 'fail-exactly': return `fail exactly ${e.properties.join('+')}`;
        case 'fail-includes': return `fail ${e.property}`;
    }
}
/** Property names without the protocol prefix some checkers use (`paxos.agreement`). */
export function shortName(property, protocol) {
    return property.startsWith(`${protocol}.`) ? property.slice(protocol.length + 1) : property;
}
export function judge(expectation, failed) {
    const got = [...new Set(failed)].sort();
    const list = (xs) => (xs.length === 0 ? 'none' : xs.join(', '));
    switch (expectation.kind) {
        case 'pass':
            return got.length === 0
                ? { asExpected: true, detail: 'every property passes' }
                : { asExpected: false, detail: `expected to pass, but fails ${list(got)}` };
        case 'fail-exactly': {
            const want = expectation.properties;
            const missing = want.filter((p) => !got.includes(p));
            const extra = got.filter((p) => !want.includes(p));
            if (missing.length === 0 && extra.length === 0)
                return { asExpected: true, detail: `fails ${list(got)}` };
            const parts = [missing.length > 0 ? `does not fail ${list(missing)}` : '', extra.length > 0 ? `also fails ${list(extra)}` : ''];
            return { asExpected: false, detail: parts.filter(Boolean).join('; ') };
        }
        case 'fail-includes':
            return got.includes(expectation.property)
                ? { asExpected: true, detail: `fails ${list(got)}` }
                : { asExpected: false, detail: `expected ${expectation.property} to fail; fails ${list(got)}` };
    }
}
