import { randomBytes } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BlobError } from './errors';
import { WriteMeter } from './write-meter';

const sink = () =>
  new Writable({
    write(_chunk, _encoding, callback) {
      callback();
    },
  });

describe('WriteMeter', () => {
  it('reports size, md5 and the requested checksums', async () => {
    const meter = new WriteMeter({ checksums: ['crc32c'], expectedSize: 9, maxSize: 9 });
    await pipeline(Readable.from([Buffer.from('1234'), Buffer.from('56789')]), meter, sink());
    expect(meter.result()).toEqual({ size: 9, md5: '25f9e794323b453885f5181f1b624d0b', checksums: { crc32c: '4waSgw==' } });
  });

  it('stops an oversized body at the chunk that crosses the limit', async () => {
    let pulled = 0;
    const body = Readable.from(
      (function* () {
        for (; pulled < 100; pulled++) yield randomBytes(1024);
      })(),
    );
    const failure = pipeline(body, new WriteMeter({ maxSize: 10 * 1024 }), sink());
    await expect(failure).rejects.toMatchObject({ kind: 'too-large' });
    expect(pulled).toBeLessThan(20);
  });

  it('treats a short body as incomplete only at its end', async () => {
    const failure = pipeline(Readable.from([Buffer.from('abc')]), new WriteMeter({ expectedSize: 4 }), sink());
    await expect(failure).rejects.toBeInstanceOf(BlobError);
    await expect(failure).rejects.toMatchObject({ kind: 'incomplete' });
  });
});
