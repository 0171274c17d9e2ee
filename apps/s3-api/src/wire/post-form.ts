import type { Readable } from 'node:stream';
import type { Request, Response } from 'express';
import { MulterError } from 'multer';
import { GatewayError } from '@gw/core';
import { readStreamingForm } from '@gw/http';

/** A browser POST upload's form, read up to its file. */
export interface PostForm {
  /** The fields before the file, names lowercased (S3 reads form field names case-insensitively). */
  fields: Record<string, string>;
  /** The file's bytes, streamed as they arrive: never buffered, never written to a temp file. */
  file: { stream: Readable; filename: string };
  /**
   * Lets the form reader go on past the file (later fields are ignored, as S3 ignores them) or
   * stop with the error the upload failed with. Resolves once the request body is read.
   */
  release(error?: unknown): Promise<void>;
}

/**
 * S3 caps what precedes the file at 20 KB (MaxPostPreDataLengthExceededError); a field is held
 * to that, and the number of fields bounded, so a form costs little memory whatever it sends.
 */
const LIMITS = { fieldSize: 20 * 1024, fields: 200, parts: 1000, fieldNameSize: 256 };

/**
 * Reads a `multipart/form-data` POST Object request with @gw/http's streaming form reader: the
 * form's fields and the file stream go to the caller (which streams it into the core), and the
 * reader is held at the file until the caller releases it. Refuses a request that is not
 * multipart/form-data (PreconditionFailed, as S3), a form without a file (InvalidArgument),
 * malformed multipart (MalformedPOSTRequest) and oversized fields.
 */
export function readPostForm(req: Request, res: Response): Promise<PostForm> {
  if (!/^multipart\/form-data\b/i.test(req.headers['content-type'] ?? '')) {
    return Promise.reject(
      new GatewayError('PreconditionFailed', undefined, { Condition: 'Bucket POST must be of the enclosure-type multipart/form-data' }),
    );
  }
  return new Promise((resolve, reject) => {
    let delivered = false;
    const formRead = readStreamingForm(req, res, {
      limits: LIMITS,
      onFile(file, fieldsBefore) {
        // S3 takes the field named `file`; it must be the last one, so anything after it is ignored.
        if (delivered || file.fieldName.toLowerCase() !== 'file') {
          file.stream.resume();
          return Promise.resolve();
        }
        delivered = true;
        return new Promise<void>((settle, fail) => {
          let released = false;
          const release = (error?: unknown): Promise<void> => {
            if (!released) {
              released = true;
              if (error === undefined) settle();
              else fail(error);
            }
            return bodyRead;
          };
          // However the request ends (an error answered early, a client gone), the reader is let go.
          res.once('close', () => void release(new Error('the response ended before the form was read')));
          try {
            resolve({ fields: formFields(fieldsBefore), file: { stream: file.stream, filename: file.filename }, release });
          } catch (error) {
            reject(error);
            void release(error);
          }
        });
      },
    });
    const bodyRead = formRead.then(
      () => undefined,
      () => undefined,
    );
    formRead.then(
      () => !delivered && reject(noFile()),
      (error: unknown) => !delivered && reject(formError(error)),
    );
  });
}

const noFile = (): GatewayError =>
  new GatewayError('InvalidArgument', 'POST requires exactly one file upload per request.', { ArgumentName: 'file', ArgumentValue: '0' });

/** Form fields as S3 reads them: names lowercased, each given once. */
function formFields(body: Record<string, unknown>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(body ?? {})) {
    const lower = name.toLowerCase();
    // multer makes repeated names arrays and `a[b]` names objects; S3 has neither.
    if (typeof value !== 'string' || lower in fields) {
      throw new GatewayError('InvalidArgument', `The form field "${name}" must be given once, as a plain field.`, { ArgumentName: name });
    }
    fields[lower] = value;
  }
  return fields;
}

function formError(error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  if (error instanceof MulterError) {
    if (error.code === 'LIMIT_FIELD_VALUE' || error.code === 'LIMIT_FIELD_COUNT' || error.code === 'LIMIT_FIELD_KEY') {
      return new GatewayError('MaxPostPreDataLengthExceededError');
    }
  }
  return new GatewayError('MalformedPOSTRequest');
}
