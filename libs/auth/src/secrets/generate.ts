import { randomBytes, randomInt } from 'node:crypto';

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomString(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** 20 upper-case alphanumerics, the shape of AWS access key ids. */
export const generateAccessKey = (): string => randomString(UPPER_ALNUM, 20);

/** 40 characters, the shape of AWS secret keys (without '/' and '+', which trip some shells). */
export const generateSecretKey = (): string => randomString(SECRET_ALPHABET, 40);

/** Console API keys: a recognisable prefix and 256 random bits. */
export const generateApiKey = (): string => `gwk_${randomBytes(32).toString('base64url')}`;

export const generatePassword = (): string => randomBytes(18).toString('base64url');
