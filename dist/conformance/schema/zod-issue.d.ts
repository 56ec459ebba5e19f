/**
 * Turns a zod error into the one issue a user should read: a field path and a message.
 * Unions report every branch's failure; we descend into the branch that got furthest
 * (its discriminator matched), so "msg.acceptedBallot: expected number" beats a list
 * of every message type that did not match.
 */
import type { z } from 'zod';
export interface FieldIssue {
    path: (string | number)[];
    message: string;
}
export declare function firstIssue(error: z.ZodError): FieldIssue;
