import { Readable } from 'node:stream';
import { FsBlobStore } from '@gw/blob';
import { createStorage, DEFAULT_LIMITS, GatewayError, Storage } from '@gw/core';
import { IdentityService, openIdentity } from '@gw/auth';
import { createTestDatabase, TestDatabase } from '@gw/metadata/testing';
import { AdminDeps, runAdmin } from './run-admin';

let t: TestDatabase;
let storage: Storage;
let identity: IdentityService;
let deps: AdminDeps;

beforeAll(async () => {
  t = await createTestDatabase();
  storage = createStorage({ db: t.db, blobs: await FsBlobStore.open(`${t.dir}/blobs`), region: 'kr-central-2', limits: DEFAULT_LIMITS });
  identity = openIdentity(t.db, { masterKeyFile: `${t.dir}/master.key` });
  deps = { storage, identity };
});

afterAll(() => t.cleanup());

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(...argv: string[]): Promise<Run> {
  const result = { code: -1, stdout: '', stderr: '' };
  result.code = await runAdmin(argv, deps, {
    stdout: (s) => (result.stdout += s),
    stderr: (s) => (result.stderr += s),
  });
  return result;
}

/** Runs with --json and returns the parsed document; the command must succeed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function json(...argv: string[]): Promise<any> {
  const result = await run(...argv, '--json');
  expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
  return JSON.parse(result.stdout);
}

/** Runs with --json and returns the error document; the command must fail with `code`. */
async function jsonError(exitCode: number, ...argv: string[]): Promise<{ code: string; message: string }> {
  const result = await run(...argv, '--json');
  expect(result.code).toBe(exitCode);
  expect(result.stdout).toBe('');
  return JSON.parse(result.stderr).error;
}

const ISO = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
const HEX32 = expect.stringMatching(/^[0-9a-f]{32}$/);

let seq = 0;
const unique = (prefix: string) => `${prefix}-${++seq}`;

async function newAccount(): Promise<string> {
  const name = unique('acct');
  await json('account', 'create', name);
  return name;
}

async function newUser(account: string, ...extra: string[]): Promise<{ id: string; name: string }> {
  const name = unique('user');
  const { user } = await json('user', 'create', account, name, ...extra);
  return user;
}

describe('help and usage errors', () => {
  const untouchable = async (): Promise<AdminDeps> => {
    throw new Error('the stores must not be opened');
  };
  const runBare = async (...argv: string[]): Promise<Run> => {
    const result = { code: -1, stdout: '', stderr: '' };
    result.code = await runAdmin(argv, untouchable, { stdout: (s) => (result.stdout += s), stderr: (s) => (result.stderr += s) });
    return result;
  };

  it.each([[], ['help'], ['--help'], ['-h'], ['account', 'create', '--help']])('prints the usage for %j without opening the stores', async (...argv) => {
    const result = await runBare(...argv);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Usage: npm run admin -- <command>/);
    for (const line of [
      'account create <name> [--id <32hex>] [--display-name <text>]',
      'user create <account> <name> [--role <admin|member|reader>] [--password <password>]',
      'user password <account> <user> <password>',
      'credential create <account> <user> [--access-key <key>] [--secret-key <secret>]',
      'credential disable <access-key>',
      'apikey create <account> <user> [--name <label>] [--key <key>]',
      'apikey delete <id>',
    ]) {
      if (argv[0] !== 'account') expect(result.stdout).toContain(line);
    }
  });

  it('prints one group with `help <group>` and `<group> --help`', async () => {
    for (const argv of [['help', 'user'], ['user', '--help']]) {
      const result = await runBare(...argv);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('user create <account> <name>');
      expect(result.stdout).not.toContain('account create');
    }
  });

  it('puts each summary, indented, under its command', async () => {
    const { stdout } = await runBare('help', 'account');
    const lines = stdout.split('\n');
    const at = lines.indexOf('  account show <account>');
    expect(lines[at + 1]).toBe('      Show an account with its usage');
    expect(lines.filter((l) => l.startsWith('  account '))).toHaveLength(6);
  });

  it('describes the commands as JSON with --json', async () => {
    const result = await runBare('help', '--json');
    const doc = JSON.parse(result.stdout);
    expect(doc.usage).toMatch(/^Usage:/);
    expect(doc.commands).toContainEqual({ command: 'account show', usage: 'account show <account>', summary: expect.any(String) });
    expect(doc.commands).toHaveLength(22);
  });

  it.each([
    [['frobnicate'], 'Unknown command "frobnicate".'],
    [['account'], '"account" needs one of: create, list, show, disable, enable, delete.'],
    [['account', 'rename', 'x'], 'Unknown command "account rename"'],
    [['account', 'create'], '"account create" is missing <name>.'],
    [['user', 'create', 'acme'], '"user create" is missing <name>.'],
    [['account', 'show', 'a', 'b'], 'unexpected "b"'],
    [['account', 'list', '--colour', 'red'], '"account list" has no option --colour.'],
    [['user', 'create', 'acme', 'bob', '--role', 'boss'], '--role must be one of admin, member, reader (got "boss").'],
    [['account', 'create', 'x', '--id'], 'Option --id needs a value.'],
    [['account', 'create', 'x', '--id', '--display-name', 'y'], 'Option --id needs a value.'],
    [['account', 'create', 'x', '--id', 'a', '--id=b'], 'Option --id is given twice.'],
    [['user', 'password', 'acme', 'bob', '-x'], 'Unknown option "-x"'],
  ])('refuses %j with exit 2 and never opens the stores', async (argv, message) => {
    const result = await runBare(...argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Run "npm run admin -- help" for all commands.');
  });

  it('shows the usage line of the command that was mistyped', async () => {
    const result = await runBare('credential', 'create', 'acme');
    expect(result.stderr).toContain('Usage: npm run admin -- credential create <account> <user> [--access-key <key>] [--secret-key <secret>]');
  });

  it('reports usage errors as a JSON document on stderr with --json', async () => {
    const result = await runBare('--json', 'account', 'frob');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(JSON.parse(result.stderr)).toEqual({ error: { code: 'UsageError', message: expect.stringContaining('account frob') } });
  });

  it('lets errors that are not GatewayErrors through: they are bugs or deployment problems', async () => {
    await expect(runBare('account', 'list')).rejects.toThrow('the stores must not be opened');
  });
});

describe('account', () => {
  it('creates an account and prints it', async () => {
    const result = await run('account', 'create', 'acme');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const account = await storage.accounts.find('acme');
    expect(result.stdout).toBe(
      [
        'Account:       acme',
        `ID:            ${account.id}`,
        'Display name:  acme',
        'Status:        active',
        `Created:       ${account.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z')}`,
        '',
      ].join('\n'),
    );
  });

  it('creates an account with a given id and display name (JSON)', async () => {
    const id = 'ab'.repeat(16);
    const doc = await json('account', 'create', 'fixed', '--id', id, '--display-name=Fixed Project');
    expect(doc).toEqual({ account: { id, name: 'fixed', displayName: 'Fixed Project', status: 'active', createdAt: ISO } });
  });

  it('refuses a duplicate, a bad id and a bad name with exit 1', async () => {
    await json('account', 'create', 'dup');
    expect(await jsonError(1, 'account', 'create', 'dup')).toEqual({ code: 'Conflict', message: expect.stringContaining('"dup"') });
    expect((await jsonError(1, 'account', 'create', 'x', '--id', 'ABC')).code).toBe('InvalidArgument');
    const human = await run('account', 'create', 'bad name');
    expect(human).toEqual({ code: 1, stdout: '', stderr: expect.stringMatching(/^InvalidArgument: Account names are/) });
  });

  it('lists accounts as an aligned table and as JSON', async () => {
    const name = await newAccount();
    const doc = await json('account', 'list');
    expect(doc.accounts).toContainEqual({ id: HEX32, name, displayName: name, status: 'active', createdAt: ISO });
    const { stdout } = await run('account', 'list');
    const [header, ...rows] = stdout.trimEnd().split('\n');
    expect(header).toMatch(/^ID {32}NAME +DISPLAY NAME +STATUS +CREATED$/);
    const row = rows.find((r) => r.includes(` ${name} `))!;
    expect(row.indexOf(name)).toBe(header.indexOf('NAME'));
    expect(row.indexOf('active')).toBe(header.indexOf('STATUS'));
  });

  it('shows an account with its usage, by name or by id', async () => {
    const name = await newAccount();
    const account = await storage.accounts.find(name);
    const bucket = await storage.buckets.create({ accountId: account.id, name: unique('bucket') });
    await storage.objects.put({ bucket, key: 'a', body: Readable.from([Buffer.from('hello')]), size: 5 });
    await storage.objects.put({ bucket, key: 'b', body: Readable.from([Buffer.from('world!')]), size: 6 });

    const byId = await json('account', 'show', account.id);
    expect(byId).toEqual({
      account: { id: account.id, name, displayName: name, status: 'active', createdAt: ISO },
      usage: { bucketCount: 1, objectCount: 2, bytesUsed: 11 },
    });
    const { stdout } = await run('account', 'show', name);
    expect(stdout).toContain('Buckets:       1\n');
    expect(stdout).toContain('Objects:       2\n');
    expect(stdout).toContain('Stored:        11 B\n');
  });

  it('disables and enables an account', async () => {
    const name = await newAccount();
    expect((await json('account', 'disable', name)).account.status).toBe('disabled');
    expect((await storage.accounts.find(name)).status).toBe('disabled');
    const { stdout } = await run('account', 'enable', name);
    expect(stdout).toContain('Status:        active');
    expect((await storage.accounts.find(name)).status).toBe('active');
  });

  it('deletes an account with its users, and refuses while it owns buckets', async () => {
    const name = await newAccount();
    const user = await newUser(name);
    const account = await storage.accounts.find(name);
    const bucket = await storage.buckets.create({ accountId: account.id, name: unique('bucket') });

    expect(await jsonError(1, 'account', 'delete', name)).toEqual({ code: 'Conflict', message: expect.stringContaining('still owns buckets') });
    await storage.buckets.delete(account.id, bucket.name);

    expect(await json('account', 'delete', name)).toEqual({ account: expect.objectContaining({ id: account.id, name }), deleted: true });
    await expect(identity.findUser(user.id)).rejects.toMatchObject({ code: 'NoSuchUser' });
    expect(await run('account', 'delete', name)).toEqual({ code: 1, stdout: '', stderr: `NoSuchAccount: No account "${name}".\n` });
  });

  it.each(['show', 'disable', 'enable', 'delete'])('%s answers NoSuchAccount with exit 1', async (action) => {
    expect((await jsonError(1, 'account', action, 'nope')).code).toBe('NoSuchAccount');
    expect((await jsonError(1, 'account', action, 'f'.repeat(32))).code).toBe('NoSuchAccount');
  });
});

describe('user', () => {
  let account: string;
  let accountId: string;
  beforeAll(async () => {
    account = await newAccount();
    accountId = (await storage.accounts.find(account)).id;
  });

  it('creates a member without a password by default', async () => {
    const doc = await json('user', 'create', account, 'alice');
    expect(doc).toEqual({
      account: { id: accountId, name: account },
      user: { id: HEX32, accountId, name: 'alice', role: 'member', status: 'active', hasPassword: false, createdAt: ISO },
    });
  });

  it('creates an admin with a password that logs in', async () => {
    const { stdout, code } = await run('user', 'create', account, 'root', '--role', 'admin', '--password', 'correct horse');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^User: {6}root\nID: {8}[0-9a-f]{32}\nAccount: {3}\S+ \([0-9a-f]{32}\)\nRole: {6}admin\nStatus: {4}active\nPassword: {2}set\n/);
    const user = await identity.findUser('root', accountId);
    expect(user.role).toBe('admin');
    expect(await identity.checkPassword(user, 'correct horse')).toBe(true);
  });

  it('refuses short passwords, duplicates, bad names and unknown accounts with exit 1', async () => {
    expect(await jsonError(1, 'user', 'create', account, 'shorty', '--password', 'short')).toEqual({
      code: 'InvalidArgument',
      message: 'Passwords are 8..128 characters without control characters.',
    });
    await newUser(account);
    await json('user', 'create', account, 'twin');
    expect((await jsonError(1, 'user', 'create', account, 'twin')).code).toBe('Conflict');
    expect((await jsonError(1, 'user', 'create', account, 'no spaces')).code).toBe('InvalidArgument');
    expect((await jsonError(1, 'user', 'create', 'nope', 'x')).code).toBe('NoSuchAccount');
  });

  it('lists the users of an account', async () => {
    const other = await newAccount();
    const bob = await newUser(other, '--role', 'reader', '--password', 'p4ssw0rd!');
    const doc = await json('user', 'list', other);
    expect(doc).toEqual({
      account: { id: expect.any(String), name: other },
      users: [{ id: bob.id, accountId: expect.any(String), name: bob.name, role: 'reader', status: 'active', hasPassword: true, createdAt: ISO }],
    });
    const { stdout } = await run('user', 'list', other);
    expect(stdout).toMatch(new RegExp(`^ID {32}NAME +ROLE +STATUS +PASSWORD +CREATED\n${bob.id}  ${bob.name} +reader +active +yes +\\S+\n$`));
    expect((await run('user', 'list', await newAccount())).stdout).toBe('ID  NAME  ROLE  STATUS  PASSWORD  CREATED\n(none)\n');
  });

  it('disables and enables a user, by name or by id', async () => {
    const user = await newUser(account);
    expect((await json('user', 'disable', account, user.name)).user.status).toBe('disabled');
    expect((await identity.findUser(user.id)).status).toBe('disabled');
    expect((await json('user', 'enable', accountId, user.id)).user.status).toBe('active');
    expect((await identity.findUser(user.id)).status).toBe('active');
  });

  it('sets a password, also one that starts with a dash after --', async () => {
    const user = await newUser(account);
    expect((await json('user', 'password', account, user.name, 'new password 1')).user.hasPassword).toBe(true);
    expect(await identity.checkPassword(await identity.findUser(user.id), 'new password 1')).toBe(true);
    expect((await run('user', 'password', account, user.name, '--', '-dashing-pw')).code).toBe(0);
    expect(await identity.checkPassword(await identity.findUser(user.id), '-dashing-pw')).toBe(true);
    expect((await jsonError(1, 'user', 'password', account, user.name, '')).code).toBe('InvalidArgument');
  });

  it('deletes a user', async () => {
    const user = await newUser(account);
    const doc = await json('user', 'delete', account, user.name);
    expect(doc).toEqual({ account: { id: accountId, name: account }, user: expect.objectContaining({ id: user.id }), deleted: true });
    await expect(identity.findUser(user.id)).rejects.toMatchObject({ code: 'NoSuchUser' });
  });

  it.each([
    ['disable', []],
    ['enable', []],
    ['delete', []],
    ['password', ['long enough']],
  ])('%s answers NoSuchUser for an unknown user or one of another account', async (action, extra) => {
    expect((await jsonError(1, 'user', action, account, 'ghost', ...extra)).code).toBe('NoSuchUser');
    const stranger = await newUser(await newAccount());
    expect((await jsonError(1, 'user', action, account, stranger.id, ...extra)).code).toBe('NoSuchUser');
    expect((await jsonError(1, 'user', action, 'nope', 'ghost', ...extra)).code).toBe('NoSuchAccount');
  });
});

describe('credential', () => {
  let account: string;
  let accountId: string;
  let user: { id: string; name: string };
  beforeAll(async () => {
    account = await newAccount();
    accountId = (await storage.accounts.find(account)).id;
    user = await newUser(account, '--role', 'admin');
  });

  it('creates a key pair whose secret resolves, and shows the S3 owner', async () => {
    const doc = await json('credential', 'create', account, user.name);
    expect(doc).toEqual({
      accessKey: expect.stringMatching(/^[A-Z0-9]{20}$/),
      secretKey: expect.stringMatching(/^[A-Za-z0-9]{40}$/),
      accountId,
      owner: { id: user.id, displayName: user.name },
      account: { id: accountId, name: account },
      credential: {
        accessKey: doc.accessKey,
        userId: user.id,
        userName: user.name,
        accountId,
        kind: 'permanent',
        status: 'active',
        expiresAt: null,
        createdAt: ISO,
        lastUsedAt: null,
      },
    });
    const resolved = await identity.resolveAccessKey(doc.accessKey);
    expect(resolved.secretKey).toBe(doc.secretKey);
    expect(resolved.principal).toMatchObject({ accountId, userId: user.id, userName: user.name, role: 'admin', accessKey: doc.accessKey });
  });

  it('creates a fixed key pair and prints it for people', async () => {
    const { code, stdout } = await run('credential', 'create', accountId, user.id, '--access-key', 'FIXEDKEY1', '--secret-key', 'fixed-secret-1');
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'Access key:      FIXEDKEY1',
        'Secret key:      fixed-secret-1',
        `Account:         ${account} (${accountId})`,
        `User:            ${user.name} (admin)`,
        `S3 Owner ID:     ${user.id}`,
        `S3 DisplayName:  ${user.name}`,
        '',
        'The secret key is shown only now: store it.',
        '',
      ].join('\n'),
    );
    expect((await identity.resolveAccessKey('FIXEDKEY1')).secretKey).toBe('fixed-secret-1');
    expect((await jsonError(1, 'credential', 'create', account, user.name, '--access-key', 'FIXEDKEY1', '--secret-key', 'another-1')).code).toBe(
      'Conflict',
    );
  });

  it('refuses half a key pair (exit 2), bad keys and unknown users (exit 1)', async () => {
    expect((await jsonError(2, 'credential', 'create', account, user.name, '--access-key', 'ONLYKEY')).message).toBe(
      '--access-key and --secret-key go together.',
    );
    expect((await jsonError(1, 'credential', 'create', account, user.name, '--access-key', 'bad-key!', '--secret-key', 'long enough')).code).toBe(
      'InvalidArgument',
    );
    expect((await jsonError(1, 'credential', 'create', account, 'ghost')).code).toBe('NoSuchUser');
  });

  it('lists the keys of an account without their secrets', async () => {
    const other = await newAccount();
    const owner = await newUser(other);
    const created = await json('credential', 'create', other, owner.name);
    const doc = await json('credential', 'list', other);
    expect(doc).toEqual({ account: { id: expect.any(String), name: other }, credentials: [created.credential] });
    expect(JSON.stringify(doc)).not.toContain(created.secretKey);
    expect(JSON.stringify(doc)).not.toMatch(/secret/i);
    const { stdout } = await run('credential', 'list', other);
    expect(stdout).toMatch(new RegExp(`^ACCESS KEY +USER +KIND +STATUS +EXPIRES +CREATED +LAST USED\n${created.accessKey}  ${owner.name} +permanent +active +- +\\S+ +-\n$`));
  });

  it('disables, enables and deletes a key by its access key', async () => {
    const { accessKey } = await json('credential', 'create', account, user.name);
    expect(await json('credential', 'disable', accessKey)).toEqual({ credential: { accessKey, status: 'disabled' } });
    await expect(identity.resolveAccessKey(accessKey)).rejects.toMatchObject({ code: 'InvalidAccessKeyId' });
    expect((await run('credential', 'enable', accessKey)).stdout).toBe(`Access key:  ${accessKey}\nStatus:      active\n`);
    await expect(identity.resolveAccessKey(accessKey)).resolves.toBeDefined();
    expect(await json('credential', 'delete', accessKey)).toEqual({ credential: { accessKey }, deleted: true });
    await expect(identity.resolveAccessKey(accessKey)).rejects.toBeInstanceOf(GatewayError);
  });

  it.each(['disable', 'enable', 'delete'])('%s answers NoSuchCredential for an unknown key', async (action) => {
    expect(await run('credential', action, 'NOSUCHKEY')).toEqual({ code: 1, stdout: '', stderr: 'NoSuchCredential: The specified credential does not exist.\n' });
  });

  it('lists nothing for an account without keys', async () => {
    expect((await json('credential', 'list', await newAccount())).credentials).toEqual([]);
    expect((await jsonError(1, 'credential', 'list', 'nope')).code).toBe('NoSuchAccount');
  });
});

describe('apikey', () => {
  let account: string;
  let accountId: string;
  let user: { id: string; name: string };
  beforeAll(async () => {
    account = await newAccount();
    accountId = (await storage.accounts.find(account)).id;
    user = await newUser(account);
  });

  it('creates a key that resolves to its user, shown once', async () => {
    const doc = await json('apikey', 'create', account, user.name);
    expect(doc).toEqual({
      key: expect.stringMatching(/^gwk_/),
      account: { id: accountId, name: account },
      apiKey: { id: HEX32, name: 'default', userId: user.id, userName: user.name, accountId, status: 'active', createdAt: ISO, lastUsedAt: null },
    });
    expect(await identity.resolveApiKey(doc.key)).toMatchObject({ accountId, userId: user.id });
  });

  it('creates a named key with a given value and prints it for people', async () => {
    const key = 'k'.repeat(24);
    const { code, stdout } = await run('apikey', 'create', account, user.name, '--name', 'ci', '--key', key);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^API key: {2}${key}\nID: {7}[0-9a-f]{32}\nName: {5}ci\nAccount: {2}${account} \\(${accountId}\\)\nUser: {5}${user.name} \\(member\\)\n`));
    expect(stdout).toContain('shown only now');
    expect((await identity.resolveApiKey(key)).userId).toBe(user.id);
    expect((await jsonError(1, 'apikey', 'create', account, user.name, '--key', 'too-short')).code).toBe('InvalidArgument');
    expect((await jsonError(1, 'apikey', 'create', account, user.name, '--key', key)).code).toBe('Conflict');
  });

  it('lists the keys of an account without the keys', async () => {
    const other = await newAccount();
    const owner = await newUser(other);
    const created = await json('apikey', 'create', other, owner.name, '--name', 'console');
    const doc = await json('apikey', 'list', other);
    expect(doc).toEqual({ account: { id: expect.any(String), name: other }, apiKeys: [created.apiKey] });
    expect(JSON.stringify(doc)).not.toContain(created.key);
    expect(JSON.stringify(doc)).not.toMatch(/hash/i);
    const { stdout } = await run('apikey', 'list', other);
    expect(stdout).toMatch(new RegExp(`^ID {32}NAME +USER +STATUS +CREATED +LAST USED\n${created.apiKey.id}  console  ${owner.name} +active +\\S+ +-\n$`));
  });

  it('disables, enables and deletes a key by its id', async () => {
    const { key, apiKey } = await json('apikey', 'create', account, user.name);
    expect(await json('apikey', 'disable', apiKey.id)).toEqual({ apiKey: { id: apiKey.id, status: 'disabled' } });
    await expect(identity.resolveApiKey(key)).rejects.toMatchObject({ code: 'Unauthorized' });
    expect((await json('apikey', 'enable', apiKey.id)).apiKey.status).toBe('active');
    await expect(identity.resolveApiKey(key)).resolves.toMatchObject({ userId: user.id });
    expect(await json('apikey', 'delete', apiKey.id)).toEqual({ apiKey: { id: apiKey.id }, deleted: true });
    await expect(identity.resolveApiKey(key)).rejects.toMatchObject({ code: 'Unauthorized' });
  });

  it.each(['disable', 'enable', 'delete'])('%s answers NotFound for an unknown id', async (action) => {
    expect(await jsonError(1, 'apikey', action, 'e'.repeat(32))).toEqual({ code: 'NotFound', message: 'No such API key.' });
    expect((await run('apikey', action, 'not-an-id')).code).toBe(1);
  });
});

describe('--json', () => {
  it('is understood anywhere on the line', async () => {
    const name = await newAccount();
    for (const argv of [
      ['--json', 'account', 'show', name],
      ['account', '--json', 'show', name],
      ['account', 'show', name, '--json'],
    ]) {
      const result = await run(...argv);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).account.name).toBe(name);
    }
  });

  it('prints exactly one JSON document', async () => {
    const { stdout } = await run('account', 'list', '--json');
    expect(() => JSON.parse(stdout)).not.toThrow();
    expect(stdout.endsWith('}\n')).toBe(true);
  });
});
