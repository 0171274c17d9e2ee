/**
 * Swift FormPost (formpost.py) form checks: the signature over the form's limits, its expiry and
 * the limits themselves, with Swift's answers for each failure.
 *
 * API: `verifyFormPost({ keys, path, fields, accountId, container, prefix, now? })` ->
 * - `{ ok: true, scope, maxFileSize, maxFileCount }`: a verified scope to create objects named
 *   `prefix` + filename in the container;
 * - `{ ok: false, status, message }`: 401 `Invalid Signature` / `Form Expired`, or 400 with
 *   Swift's text for a limit that is not an integer (the dialect prefixes `FormPost: `).
 *
 * The signed text is `path\nredirect\nmax_file_size\nmax_file_count\nexpires`, `path` being the
 * decoded request path (`/v1/{account}/{container}[/{prefix}]`); the signature is hex (sha1,
 * sha256 or sha512 by length) or `<digest>:<base64>`, keyed with any temp URL key.
 */
import { SignedScope, verifiedScope } from '../access/signed-scope';
import { parseTempUrlSig, signatureMatches } from './tempurl-signature';

export interface FormPostFields {
  redirect?: string;
  max_file_size?: string;
  max_file_count?: string;
  expires?: string;
  signature?: string;
}

export interface FormPostInput {
  keys: readonly string[];
  path: string;
  fields: FormPostFields;
  accountId: string;
  container: string;
  prefix: string;
  now?: number;
}

export type FormPostCheck =
  | { ok: true; scope: SignedScope; maxFileSize: number; maxFileCount: number }
  | { ok: false; status: 400 | 401; message: string };

/** Python's int() of a form value: surrounding blanks and a sign allowed; '' counts as 0 as Swift's `or 0` does. */
function pyInt(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return 0;
  return /^\s*[+-]?\d+\s*$/.test(value) ? Number(value.trim()) : undefined;
}

export function verifyFormPost({ keys, path, fields, accountId, container, prefix, now = Date.now() / 1000 }: FormPostInput): FormPostCheck {
  const fail = (status: 400 | 401, message: string): FormPostCheck => ({ ok: false, status, message });
  const maxFileCount = pyInt(fields.max_file_count);
  if (maxFileCount === undefined) return fail(400, 'max_file_count not an integer');
  if (keys.length === 0) return fail(401, 'Invalid Signature');
  const maxFileSize = pyInt(fields.max_file_size);
  if (maxFileSize === undefined) return fail(400, 'max_file_size not an integer');
  const expires = pyInt(fields.expires);
  if (expires === undefined) return fail(400, 'expired not an integer');
  if (expires < now) return fail(401, 'Form Expired');

  const parsed = parseTempUrlSig(fields.signature ?? '');
  if (!parsed) return fail(401, 'Invalid Signature');
  const body = [path, fields.redirect || '', fields.max_file_size || '0', fields.max_file_count || '0', fields.expires || '0'].join('\n');
  if (!signatureMatches(parsed, keys, [body])) return fail(401, 'Invalid Signature');
  const scope = verifiedScope({ kind: 'formpost', accountId, container, target: { prefix }, actions: new Set(['storage.objects.create']) });
  return { ok: true, scope, maxFileSize, maxFileCount };
}
