import type { ThirdPartyRecording } from './types.ts';
export declare const consistentHashRecordings: ThirdPartyRecording[];
