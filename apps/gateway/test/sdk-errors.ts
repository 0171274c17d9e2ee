import type { S3ServiceException } from '@aws-sdk/client-s3';

/** The error an SDK call fails with; the test fails if the call succeeds. */
export async function errorOf(promise: Promise<unknown>): Promise<S3ServiceException> {
  try {
    await promise;
  } catch (error) {
    return error as S3ServiceException;
  }
  throw new Error('expected the call to fail');
}
