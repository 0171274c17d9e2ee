// `apikey ...`: console API keys (`X-API-Key` on /admin/v1) — ARCHITECTURE.md, "Identity and names".
import { fields, shortTime, table } from '../cli/format';
import { accountRef, apiKeyView, Command, findAccountUser, usersById } from './command';

const DEFAULT_NAME = 'default';

function setStatus(action: 'enable' | 'disable'): Command {
  return {
    group: 'apikey',
    action,
    args: ['id'],
    summary: action === 'disable' ? 'Refuse the API key' : 'Accept the API key again',
    async run({ args: [id] }, { identity }) {
      const status = action === 'enable' ? 'active' : 'disabled';
      await identity.setApiKeyStatus(id, status);
      return { json: { apiKey: { id, status } }, text: fields([['API key', id], ['Status', status]]) };
    },
  };
}

export const apiKeyCommands: Command[] = [
  {
    group: 'apikey',
    action: 'create',
    args: ['account', 'user'],
    options: { name: { value: 'label' }, key: { value: 'key' } },
    summary: `Create a console API key for a user (name "${DEFAULT_NAME}", key generated unless given); the key is shown once`,
    async run({ args: [accountArg, userArg], options }, deps) {
      const { account, user } = await findAccountUser(deps, accountArg, userArg);
      const created = await deps.identity.createApiKey({ userId: user.id, name: options.name ?? DEFAULT_NAME, key: options.key });
      return {
        json: { key: created.key, account: accountRef(account), apiKey: apiKeyView(created.apiKey, user) },
        text:
          fields([
            ['API key', created.key],
            ['ID', created.apiKey.id],
            ['Name', created.apiKey.name],
            ['Account', `${account.name} (${account.id})`],
            ['User', `${user.name} (${user.role})`],
          ]) + '\nThe key is shown only now: store it. Send it as X-API-Key.\n',
      };
    },
  },
  {
    group: 'apikey',
    action: 'list',
    args: ['account'],
    summary: "List the API keys of an account's users (never the keys)",
    async run({ args: [accountArg] }, deps) {
      const account = await deps.storage.accounts.find(accountArg);
      const [keys, users] = await Promise.all([deps.identity.listApiKeys(account.id), usersById(deps, account.id)]);
      return {
        json: { account: accountRef(account), apiKeys: keys.map((k) => apiKeyView(k, users.get(k.userId))) },
        text: table(
          ['ID', 'NAME', 'USER', 'STATUS', 'CREATED', 'LAST USED'],
          keys.map((k) => [k.id, k.name, users.get(k.userId)?.name ?? k.userId, k.status, shortTime(k.createdAt), shortTime(k.lastUsedAt)]),
        ),
      };
    },
  },
  setStatus('disable'),
  setStatus('enable'),
  {
    group: 'apikey',
    action: 'delete',
    args: ['id'],
    summary: 'Delete an API key',
    async run({ args: [id] }, { identity }) {
      await identity.deleteApiKey(id);
      return { json: { apiKey: { id }, deleted: true }, text: `Deleted API key ${id}.\n` };
    },
  },
];
