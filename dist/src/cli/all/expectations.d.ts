export type Expectation = {
    kind: 'pass';
    why: string;
} | {
    kind: 'fail-exactly';
    properties: string[];
    why: string;
} | {
    kind: 'fail-includes';
    property: string;
    why: string;
};
/** The failing properties a verdicts.json records for each file name. */
export type RecordedFailures = ReadonlyMap<string, readonly string[]>;
export declare function expectationFor(path: string, recorded?: RecordedFailures): Expectation;
export declare function describeExpectation(e: Expectation): string;
export interface Judgement {
    asExpected: boolean;
    /** What differed, when not as expected; what failed, otherwise. */
    detail: string;
}
/** Property names without the protocol prefix some checkers use (`paxos.agreement`). */
export declare function shortName(property: string, protocol: string): string;
export declare function judge(expectation: Expectation, failed: readonly string[]): Judgement;
