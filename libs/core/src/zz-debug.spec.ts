import { bodyOf, newAccount, openStorageFixture, StorageFixture } from './testing';

describe('dbg', () => {
  let f: StorageFixture;
  beforeAll(async () => (f = await openStorageFixture()));
  afterAll(() => f.close());
  it('nul', async () => {
    const account = await newAccount(f.storage);
    const bucket = await f.storage.buckets.create({ accountId: account, name: 'full' });
    for (const key of ['a\u0000b', 'a\ud800', 'x'.repeat(2000)]) {
      console.log(JSON.stringify(key.slice(0, 5)), 'get', await f.storage.objects.get({ bucket, key }).catch((e) => [e.name, e.code, e.message]));
      console.log('delete', await f.storage.objects.delete(bucket, key).catch((e) => [e.name, e.code, e.message]));
      console.log('list', await f.storage.objects.list({ bucket, prefix: key, maxKeys: 10 }).catch((e) => [e.name, e.code, e.message]));
      console.log('list after', await f.storage.objects.list({ bucket, after: key, maxKeys: 10 }).catch((e) => [e.name, e.code, e.message]));
    }
    await f.storage.objects.put({ bucket, key: 'ok', body: bodyOf('x') });
    console.log('still works', (await f.storage.objects.head({ bucket, key: 'ok' })).object.key);
  });
});
