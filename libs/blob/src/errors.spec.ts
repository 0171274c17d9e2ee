import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { asWriteError, BlobError, isBlobError } from './errors';

describe('asWriteError', () => {
  it('turns a body that closed early into an aborted BlobError', async () => {
    const body = new Readable({ read() {} });
    const piping = pipeline(body, new Writable({ write: (_c, _e, cb) => cb() }));
    body.destroy();
    const error = asWriteError(await piping.catch((e: unknown) => e));
    expect(isBlobError(error, 'aborted')).toBe(true);
  });

  it('passes every other error through as it was', () => {
    const own = new Error('signature mismatch');
    expect(asWriteError(own)).toBe(own);
    const tooLarge = new BlobError('too-large', 'x');
    expect(asWriteError(tooLarge)).toBe(tooLarge);
  });
});

describe('isBlobError', () => {
  it('checks the kind when asked to', () => {
    const error = new BlobError('not-found', 'gone');
    expect(isBlobError(error)).toBe(true);
    expect(isBlobError(error, 'not-found')).toBe(true);
    expect(isBlobError(error, 'aborted')).toBe(false);
    expect(isBlobError(new Error('x'))).toBe(false);
  });
});
