// Swift FormPost middleware (formpost.py): POST /v1/{account}/{container}[/{prefix}] multipart/form-data, one object per file.
import { FormPostFields, tempUrlKeysOf, verifyFormPost } from '@gw/auth';
import { isGatewayError } from '@gw/core';
import { readStreamingForm, StreamedFile } from '@gw/http';
import type { SwiftCall, SwiftOperation } from '../routing/swift-operation';
import { FormPostFailure, FormPostOutcome, sendFormPostFailure, sendFormPostOutcome } from '../wire/formpost-answer';
import { sizeCap } from '../wire/size-cap';
import { SWIFT_ERROR_STATUS } from '../wire/swift-error-codes';

/** Swift reads at most 4096 bytes of a field (MAX_VALUE_LENGTH); the form is a few fields and files. */
const FORM_LIMITS = { fieldSize: 4096, fieldNameSize: 256, fields: 100, parts: 10_000 };

/** Swift's answer to a body that is not well-formed multipart (multer's and busboy's failures). */
const malformed = (): FormPostFailure => new FormPostFailure(400, 'invalid starting boundary');

/**
 * The form's fields `redirect`, `max_file_size`, `max_file_count`, `expires` and `signature` come
 * before the files. Each file is checked against them (signature with the temp URL keys, expiry,
 * count) and authorized at the decision point with the scope the signature proves, then streamed
 * to `prefix + filename`. The first file that fails stops the form; its status is the answer.
 * Optional fields as Swift: `content-type` (else the part's), `x_delete_at`, `x_delete_after`.
 */
export const formPost: SwiftOperation = {
  name: 'FormPost',
  action: 'storage.objects.create',
  needsBucket: true,
  authorizesInRun: true,
  async run(call) {
    let outcome: FormPostOutcome | undefined;
    let fields: Record<string, string> = {};
    let count = 0;
    // Failures of our own (the store, the database) stay failures: only the form reader's are a 400.
    let ownFailure: unknown;
    try {
      const all = await readStreamingForm(call.req, call.res, {
        limits: FORM_LIMITS,
        onFile: async (file, before) => {
          if (outcome && outcome.status !== 201) return void file.stream.resume();
          fields = formAttributes(before);
          count += 1;
          outcome = await storeFile(call, file, fields, count).catch((error: unknown) => {
            ownFailure = error;
            throw error;
          });
        },
      });
      fields = formAttributes(all);
    } catch (error) {
      if (error instanceof FormPostFailure) return sendFormPostFailure(call.res, error);
      if (isGatewayError(error) || error === ownFailure) throw error;
      return sendFormPostFailure(call.res, malformed());
    }
    sendFormPostOutcome(call.res, outcome ?? { status: 400, message: 'no files to process' }, fields.redirect);
  },
};

async function storeFile(call: SwiftCall, file: StreamedFile, fields: Record<string, string>, count: number): Promise<FormPostOutcome> {
  const { account, bucket, target } = call;
  const prefix = target.object ?? '';
  const check = verifyFormPost({
    keys: tempUrlKeysOf(account.meta, bucket?.meta),
    path: decodeURIComponent(call.req.originalUrl.split('?')[0]),
    fields: fields as FormPostFields,
    accountId: account.id,
    container: target.container!,
    prefix,
  });
  if (!check.ok) throw new FormPostFailure(check.status, check.message);
  if (count > check.maxFileCount) {
    file.stream.resume();
    return { status: 400, message: 'max file count exceeded' };
  }
  const deleteAt = deleteAtOf(fields);
  if (!bucket) {
    file.stream.resume();
    return { status: 404, message: '' };
  }
  const key = prefix + (file.filename || 'filename');
  call.authorize(key, check.scope);
  const cap = sizeCap(check.maxFileSize, () => new FormPostFailure(400, 'max_file_size exceeded'));
  // Piped, not pipeline(): a failed write must leave busboy's file stream alive to be drained,
  // or the parser waits on it forever.
  let truncated = false;
  file.stream
    .on('error', (error) => {
      truncated = true;
      cap.destroy(error);
    })
    .pipe(cap);
  try {
    await call.services.storage.objects.put({
      bucket,
      key,
      body: cap,
      contentType: fields['content-type'] || file.contentType || 'application/octet-stream',
      ...(deleteAt ? { deleteAt } : {}),
    });
  } catch (error) {
    file.stream.unpipe(cap);
    file.stream.resume();
    if (cap.exceeded) throw new FormPostFailure(400, 'max_file_size exceeded');
    if (truncated) throw malformed();
    // A refused write (bad name, too large, ...) is the form's status, as Swift's sub-request's is.
    if (isGatewayError(error)) return { status: SWIFT_ERROR_STATUS[error.code], message: '' };
    throw error;
  }
  return { status: 201, message: '' };
}

/** Fields as Swift's formpost keeps them: names lower case, the last of a repeated name, trailing CR, LF and `-` stripped. */
function formAttributes(body: Record<string, unknown>): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (typeof last === 'string') attributes[name.toLowerCase()] = last.replace(/[\r\n-]+$/, '');
  }
  return attributes;
}

/** `x_delete_at` (Unix seconds) or `x_delete_after` (seconds from now); 400 when not an integer, as Swift. */
function deleteAtOf(fields: Record<string, string>): Date | undefined {
  for (const [name, base] of [['x_delete_at', 0], ['x_delete_after', Date.now() / 1000]] as const) {
    const value = fields[name];
    if (value === undefined) continue;
    if (!/^\s*[+-]?\d+\s*$/.test(value)) throw new FormPostFailure(400, `${name} not an integer`);
    return new Date((base + Number(value.trim())) * 1000);
  }
  return undefined;
}
