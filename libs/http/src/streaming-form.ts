/**
 * Reads a `multipart/form-data` request body as a stream of parts, for browser form uploads (S3
 * POST Object, Swift FormPost): multer with a storage engine of our own that stores nothing and
 * hands each file part, in order, to the caller with the fields read before it.
 *
 * API: `readStreamingForm(req, res, { limits, onFile })` -> the form's fields (multer's body).
 * - `onFile(file, fieldsBefore)` runs for one file at a time; the form is not read past a file
 *   until its handler settles, so memory stays constant whatever the files' sizes. The handler
 *   must consume `file.stream` (or `resume()` it). A rejection stops the form: later files are
 *   discarded and the read rejects with that error once the request body is drained.
 * - Parts with an empty filename are not files (multer skips them). Multer's own failures
 *   (limits, malformed multipart) reject with its MulterError for the dialect to translate.
 */
import type { Readable } from 'node:stream';
import type { Request, Response } from 'express';
import multer, { Options, StorageEngine } from 'multer';

export interface StreamedFile {
  fieldName: string;
  filename: string;
  contentType: string;
  stream: Readable;
}

export interface StreamingFormOptions {
  limits: Options['limits'];
  onFile(file: StreamedFile, fieldsBefore: Record<string, unknown>): Promise<void>;
}

export function readStreamingForm(req: Request, res: Response, { limits, onFile }: StreamingFormOptions): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let queue: Promise<void> = Promise.resolve();
    let failed = false;
    const engine: StorageEngine = {
      _handleFile(request, file, done) {
        const fields = { ...(request.body as Record<string, unknown>) };
        // Busboy emits the next file once this one's bytes are read, possibly before its handler
        // has finished: handlers are chained so that they run one after the other.
        queue = queue.then(async () => {
          if (failed) {
            file.stream.resume();
            done(null, {});
            return;
          }
          try {
            await onFile({ fieldName: file.fieldname, filename: file.originalname, contentType: file.mimetype, stream: file.stream }, fields);
            done(null, {});
          } catch (error) {
            failed = true;
            file.stream.resume();
            done(error as Error);
          }
        });
      },
      _removeFile(_request, _file, done) {
        done(null);
      },
    };
    multer({ storage: engine, limits, defParamCharset: 'utf8' }).any()(req, res, (error?: unknown) => {
      if (error === undefined) resolve({ ...(req.body as Record<string, unknown>) });
      else reject(error);
    });
  });
}
