import { errorCodeOf, newAccount, openStorageFixture, StorageFixture } from '../testing';

describe('AccountService.metaEntryOrSet', () => {
  let f: StorageFixture;
  beforeAll(async () => (f = await openStorageFixture()));
  afterAll(() => f.close());

  it('stores the value when the entry is absent and keeps a stored one, also under concurrent callers', async () => {
    const id = await newAccount(f.storage);
    await f.storage.accounts.updateMeta(id, { set: { other: 'kept' }, remove: [] });
    const results = await Promise.all(['first', 'second', 'third'].map((v) => f.storage.accounts.metaEntryOrSet(id, 'temp-url-key', v)));
    expect(new Set(results).size).toBe(1);
    const account = await f.storage.accounts.find(id);
    expect(account.meta).toEqual({ other: 'kept', 'temp-url-key': results[0] });
    expect(await f.storage.accounts.metaEntryOrSet(id, 'temp-url-key', 'later')).toBe(results[0]);
  });

  it('answers NoSuchAccount for an unknown account', async () => {
    expect(await errorCodeOf(f.storage.accounts.metaEntryOrSet('f'.repeat(32), 'k', 'v'))).toBe('NoSuchAccount');
  });
});
