import type { TraceJudgement } from '../../drive/binding.ts';
export declare function judgeByTrace(variant: string): Promise<TraceJudgement>;
