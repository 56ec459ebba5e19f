import type { Verdict } from '../checkers/types.ts';
import type { ThirdPartyRecording } from './types.ts';
export interface ThirdPartyResult {
    library: string;
    version: string;
    variant: string;
    policy: string;
    file: string;
    notes: string;
    verdicts: {
        property: string;
        status: Verdict['status'];
        note?: string;
        figures: Verdict['figures'];
    }[];
}
/** The installed version, from node_modules/<lib>/package.json. */
export declare function installedVersion(library: string): string;
export declare function recordAndVerify(outDir: string, recordings?: ThirdPartyRecording[]): Promise<ThirdPartyResult[]>;
export declare function renderTable(results: ThirdPartyResult[]): string;
export declare const START_MARKER = "<!-- third-party:start -->";
export declare const END_MARKER = "<!-- third-party:end -->";
/** Replaces the text between the markers (appending the markers if absent). */
export declare function spliceReadme(readme: string, table: string): string;
export declare function tableIntro(): string;
