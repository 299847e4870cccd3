// Asserts that an import fails with the expected ApiError code and a message matching `message`.
import { expect } from 'vitest';
import { ApiError } from '../../../shared/api/errors';

export async function expectImportError(promise: Promise<unknown>, code: ApiError['code'], message: RegExp): Promise<ApiError> {
  let caught: unknown = null;
  try {
    await promise;
  } catch (err) {
    caught = err;
  }
  expect(caught, 'the import should have failed').toBeInstanceOf(ApiError);
  const err = caught as ApiError;
  expect(err.code).toBe(code);
  expect(err.message).toMatch(message);
  return err;
}
