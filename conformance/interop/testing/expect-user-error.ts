/** Test helper of the ITF tests: runs `f`, expects it to throw a UserError, returns it. */
import { expect } from 'vitest';
import { UserError } from '../../schema/user-error.ts';

export const expectUserError = (f: () => unknown): UserError => {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return err as UserError;
  }
  throw new Error('accepted');
};
