import type { Report } from './types.ts';
export declare function renderReport(report: Report): string;
