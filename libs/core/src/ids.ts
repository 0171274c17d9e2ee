import { randomBytes } from 'node:crypto';

/** 32 lowercase hex chars: the id format of accounts, users, API keys and upload ids. */
export const newHexId = (): string => randomBytes(16).toString('hex');

export const HEX_ID = /^[0-9a-f]{32}$/;
