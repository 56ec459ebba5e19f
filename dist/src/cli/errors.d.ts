export { UserError, type Where } from '../../conformance/schema/user-error.ts';
/** Parses a CLI integer option, rejecting anything that is not a whole number in range. */
export declare function intOption(name: string, min: number, max?: number): (raw: string) => number;
