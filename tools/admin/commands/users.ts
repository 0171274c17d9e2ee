// `user ...`: the users of an account and their roles — ARCHITECTURE.md, "Identity and names".
import { GatewayError, UserRecord, UserRole } from '@gw/core';
import { fields, shortTime, table } from '../cli/format';
import { accountRef, AdminDeps, Command, CommandResult, findAccountUser, userView } from './command';

const ROLES: readonly UserRole[] = ['admin', 'member', 'reader'];

// IdentityService hashes whatever it is given, the empty string included, which would make
// an empty password log in. Until it checks itself, the CLI holds passwords to the rule of
// ROOT_PASSWORD (libs/config).
const PASSWORD = /^[^\x00-\x1F\x7F]{8,128}$/;

function checkPassword(password: string): string {
  if (!PASSWORD.test(password)) throw new GatewayError('InvalidArgument', 'Passwords are 8..128 characters without control characters.');
  return password;
}

function userText(u: UserRecord, accountName: string): string {
  return fields([
    ['User', u.name],
    ['ID', u.id],
    ['Account', `${accountName} (${u.accountId})`],
    ['Role', u.role],
    ['Status', u.status],
    ['Password', u.passwordHash === undefined ? 'not set' : 'set'],
    ['Created', shortTime(u.createdAt)],
  ]);
}

async function changeUser(
  deps: AdminDeps,
  [accountArg, userArg]: string[],
  change: (user: UserRecord) => Promise<void>,
): Promise<CommandResult> {
  const { account, user } = await findAccountUser(deps, accountArg, userArg);
  await change(user);
  const changed = await deps.identity.findUser(user.id, account.id);
  return { json: { account: accountRef(account), user: userView(changed) }, text: userText(changed, account.name) };
}

function setStatus(action: 'enable' | 'disable'): Command {
  return {
    group: 'user',
    action,
    args: ['account', 'user'],
    summary: action === 'disable' ? "Refuse the user's requests, keys and logins" : 'Let the user in again',
    run: ({ args }, deps) =>
      changeUser(deps, args, (user) => deps.identity.setUserStatus(user.id, action === 'enable' ? 'active' : 'disabled')),
  };
}

export const userCommands: Command[] = [
  {
    group: 'user',
    action: 'create',
    args: ['account', 'name'],
    options: { role: { value: ROLES.join('|'), choices: ROLES }, password: { value: 'password' } },
    summary: 'Create a user (role member unless given)',
    async run({ args: [accountArg, name], options }, deps) {
      const account = await deps.storage.accounts.find(accountArg);
      const password = options.password === undefined ? undefined : checkPassword(options.password);
      const role = (options.role ?? 'member') as UserRole;
      const user = await deps.identity.createUser({ accountId: account.id, name, role, password });
      return { json: { account: accountRef(account), user: userView(user) }, text: userText(user, account.name) };
    },
  },
  {
    group: 'user',
    action: 'list',
    args: ['account'],
    summary: "List an account's users",
    async run({ args: [accountArg] }, deps) {
      const account = await deps.storage.accounts.find(accountArg);
      const users = await deps.identity.listUsers(account.id);
      return {
        json: { account: accountRef(account), users: users.map(userView) },
        text: table(
          ['ID', 'NAME', 'ROLE', 'STATUS', 'PASSWORD', 'CREATED'],
          users.map((u) => [u.id, u.name, u.role, u.status, u.passwordHash === undefined ? 'no' : 'yes', shortTime(u.createdAt)]),
        ),
      };
    },
  },
  setStatus('disable'),
  setStatus('enable'),
  {
    group: 'user',
    action: 'delete',
    args: ['account', 'user'],
    summary: 'Delete a user with their credentials and API keys',
    async run({ args: [accountArg, userArg] }, deps) {
      const { account, user } = await findAccountUser(deps, accountArg, userArg);
      await deps.identity.deleteUser(user.id);
      return {
        json: { account: accountRef(account), user: userView(user), deleted: true },
        text: `Deleted user ${user.name} (${user.id}) of account ${account.name}.\n`,
      };
    },
  },
  {
    group: 'user',
    action: 'password',
    args: ['account', 'user', 'password'],
    summary: "Set a user's console password",
    run: ({ args: [accountArg, userArg, password] }, deps) =>
      changeUser(deps, [accountArg, userArg], (user) => deps.identity.setPassword(user.id, checkPassword(password))),
  },
];
