import { PassThrough, Readable } from 'node:stream';
import { GatewayError } from '@gw/core';
import { readSmallBody } from './small-body';

describe('readSmallBody', () => {
  it('collects a body within the limit', async () => {
    expect((await readSmallBody(Readable.from([Buffer.from('ab'), Buffer.from('cd')]), 4)).toString()).toBe('abcd');
    expect((await readSmallBody(Readable.from([]), 4)).length).toBe(0);
  });

  it('refuses a body over the limit with MalformedXML, and drains it instead of destroying it', async () => {
    const body = new PassThrough();
    let ended = false;
    body.on('end', () => (ended = true));
    const result = readSmallBody(body, 4);
    body.write('abc');
    body.write('de');
    await expect(result).rejects.toEqual(expect.objectContaining({ code: 'MalformedXML' }));
    await expect(result).rejects.toBeInstanceOf(GatewayError);
    // The rest still flows (and is discarded) to its end: the stream was not destroyed.
    if (!body.destroyed) body.end('more bytes');
    await new Promise((resolve) => body.on('close', resolve));
    expect(ended).toBe(true);
  });

  it('rejects with the stream error, also one that comes after giving up', async () => {
    const failing = new PassThrough();
    const result = readSmallBody(failing, 100);
    failing.destroy(new Error('client went away'));
    await expect(result).rejects.toThrow('client went away');

    const late = new PassThrough();
    const refused = readSmallBody(late, 1);
    late.write('too long');
    await expect(refused).rejects.toEqual(expect.objectContaining({ code: 'MalformedXML' }));
    late.destroy(new Error('after the refusal')); // must not be an unhandled 'error'
    await new Promise((resolve) => late.on('close', resolve));
  });
});
