// `credential ...`: S3 access/secret key pairs of users — ARCHITECTURE.md, "Identity and names".
import { s3OwnerOf } from '@gw/auth';
import { fields, shortTime, table } from '../cli/format';
import { UsageError } from '../cli/args';
import { accountRef, Command, credentialView, findAccountUser, usersById } from './command';

function setStatus(action: 'enable' | 'disable'): Command {
  return {
    group: 'credential',
    action,
    args: ['access-key'],
    summary: action === 'disable' ? 'Refuse requests signed with the key' : 'Accept the key again',
    async run({ args: [accessKey] }, { identity }) {
      const status = action === 'enable' ? 'active' : 'disabled';
      await identity.setCredentialStatus(accessKey, status);
      return { json: { credential: { accessKey, status } }, text: fields([['Access key', accessKey], ['Status', status]]) };
    },
  };
}

export const credentialCommands: Command[] = [
  {
    group: 'credential',
    action: 'create',
    args: ['account', 'user'],
    options: { 'access-key': { value: 'key' }, 'secret-key': { value: 'secret' } },
    summary: 'Create an S3 key pair for a user (generated unless given); the secret is shown once',
    async run({ args: [accountArg, userArg], options }, deps) {
      const accessKey = options['access-key'];
      const secretKey = options['secret-key'];
      if ((accessKey === undefined) !== (secretKey === undefined)) {
        throw new UsageError('--access-key and --secret-key go together.');
      }
      const { account, user } = await findAccountUser(deps, accountArg, userArg);
      const created = await deps.identity.createCredential({ userId: user.id, accessKey, secretKey });
      const owner = s3OwnerOf(user);
      return {
        json: {
          accessKey: created.credential.accessKey,
          secretKey: created.secretKey,
          accountId: account.id,
          owner,
          account: accountRef(account),
          credential: credentialView(created.credential, user),
        },
        text:
          fields([
            ['Access key', created.credential.accessKey],
            ['Secret key', created.secretKey],
            ['Account', `${account.name} (${account.id})`],
            ['User', `${user.name} (${user.role})`],
            ['S3 Owner ID', owner.id],
            ['S3 DisplayName', owner.displayName],
          ]) + '\nThe secret key is shown only now: store it.\n',
      };
    },
  },
  {
    group: 'credential',
    action: 'list',
    args: ['account'],
    summary: "List the S3 keys of an account's users (never their secrets)",
    async run({ args: [accountArg] }, deps) {
      const account = await deps.storage.accounts.find(accountArg);
      const [credentials, users] = await Promise.all([deps.identity.listCredentials(account.id), usersById(deps, account.id)]);
      return {
        json: { account: accountRef(account), credentials: credentials.map((c) => credentialView(c, users.get(c.userId))) },
        text: table(
          ['ACCESS KEY', 'USER', 'KIND', 'STATUS', 'EXPIRES', 'CREATED', 'LAST USED'],
          credentials.map((c) => [
            c.accessKey,
            users.get(c.userId)?.name ?? c.userId,
            c.kind,
            c.status,
            shortTime(c.expiresAt),
            shortTime(c.createdAt),
            shortTime(c.lastUsedAt),
          ]),
        ),
      };
    },
  },
  setStatus('disable'),
  setStatus('enable'),
  {
    group: 'credential',
    action: 'delete',
    args: ['access-key'],
    summary: 'Delete an S3 key pair',
    async run({ args: [accessKey] }, { identity }) {
      await identity.deleteCredential(accessKey);
      return { json: { credential: { accessKey }, deleted: true }, text: `Deleted access key ${accessKey}.\n` };
    },
  },
];
