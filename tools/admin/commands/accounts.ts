// `account ...`: accounts (projects, tenants) — ARCHITECTURE.md, "Identity and names".
import type { AccountRecord, AccountUsage } from '@gw/core';
import { bytes, fields, shortTime, table } from '../cli/format';
import { accountView, Command, CommandResult } from './command';

function accountText(a: AccountRecord, usage?: AccountUsage): string {
  return fields([
    ['Account', a.name],
    ['ID', a.id],
    ['Display name', a.displayName],
    ['Status', a.status],
    ['Created', shortTime(a.createdAt)],
    ['Buckets', usage?.bucketCount],
    ['Objects', usage?.objectCount],
    ['Stored', usage && bytes(usage.bytesUsed)],
  ]);
}

const single = (a: AccountRecord, extra: Record<string, unknown> = {}): CommandResult => ({
  json: { account: accountView(a), ...extra },
  text: accountText(a),
});

function setStatus(action: 'enable' | 'disable'): Command {
  return {
    group: 'account',
    action,
    args: ['account'],
    summary: action === 'disable' ? 'Refuse every request of the account (its data stays)' : 'Serve the account again',
    async run({ args: [ref] }, { storage }) {
      return single(await storage.accounts.setStatus(ref, action === 'enable' ? 'active' : 'disabled'));
    },
  };
}

export const accountCommands: Command[] = [
  {
    group: 'account',
    action: 'create',
    args: ['name'],
    options: { id: { value: '32hex' }, 'display-name': { value: 'text' } },
    summary: 'Create an account (id generated unless given)',
    async run({ args: [name], options }, { storage }) {
      return single(await storage.accounts.create({ name, id: options.id, displayName: options['display-name'] }));
    },
  },
  {
    group: 'account',
    action: 'list',
    args: [],
    summary: 'List all accounts',
    async run(_input, { storage }) {
      const accounts = await storage.accounts.list();
      return {
        json: { accounts: accounts.map(accountView) },
        text: table(
          ['ID', 'NAME', 'DISPLAY NAME', 'STATUS', 'CREATED'],
          accounts.map((a) => [a.id, a.name, a.displayName, a.status, shortTime(a.createdAt)]),
        ),
      };
    },
  },
  {
    group: 'account',
    action: 'show',
    args: ['account'],
    summary: 'Show an account with its usage',
    async run({ args: [ref] }, { storage }) {
      const account = await storage.accounts.find(ref);
      const usage = await storage.accounts.usage(account.id);
      return { json: { account: accountView(account), usage }, text: accountText(account, usage) };
    },
  },
  setStatus('disable'),
  setStatus('enable'),
  {
    group: 'account',
    action: 'delete',
    args: ['account'],
    summary: 'Delete an account with its users and keys (refused while it owns buckets)',
    async run({ args: [ref] }, { storage }) {
      const account = await storage.accounts.find(ref);
      await storage.accounts.delete(account.id);
      return { json: { account: accountView(account), deleted: true }, text: `Deleted account ${account.name} (${account.id}).\n` };
    },
  },
];
