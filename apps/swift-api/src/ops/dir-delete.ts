// KakaoCloud "Empty bucket" (DELETE /v1/{account}/{container}/?dir-delete) and "Empty bucket
// folder" (DELETE /v1/{account}/{container}/{directory}/?dir-delete): every object of the
// container, or every object under `directory/` including the folder marker, in bounded batches
// (set-based in an unversioned container), kept alive with whitespace while it runs long.
// 200 with the bulk delete report; a folder with nothing under it is 400 ("not found", as the spec lists).
import { containerOf, SwiftOperation } from '../routing/swift-operation';
import { BulkKeepAlive } from '../wire/bulk-keep-alive';
import { failedReport, sendBulkReport, statusLine } from '../wire/bulk-report';
import { DeletePrefixResult, GatewayError, isGatewayError, swiftQuote } from '@gw/core';

export const dirDelete: SwiftOperation = {
  name: 'DirDelete',
  action: 'storage.objects.delete',
  needsBucket: true,
  async run(call) {
    const folder = call.target.object;
    const prefix = folder === undefined ? '' : folder.endsWith('/') ? folder : `${folder}/`;
    const deleter = call.principal.kind === 'user' ? call.principal.userId : undefined;
    const keepAlive = new BulkKeepAlive(call.res);
    let progress: Readonly<DeletePrefixResult> = { deleted: 0, failed: [] };
    let result: DeletePrefixResult;
    try {
      result = await call.services.storage.objects.deletePrefix(containerOf(call), prefix, {
        ownerUserId: deleter,
        onProgress: (sofar) => {
          progress = sofar;
          keepAlive.beat();
        },
      });
      if (folder !== undefined && result.deleted === 0 && result.failed.length === 0) throw new GatewayError('BadRequest', 'Folder not found');
    } catch (error) {
      // Once kept alive the status line is out: the failure goes into the report, as bulk.py does.
      if (!keepAlive.started || !isGatewayError(error)) throw error;
      return sendBulkReport(call.req, call.res, failedReport(error, progress.deleted));
    }
    const bucket = containerOf(call);
    const errors = result.failed.map(({ key, error }): [string, string] => [swiftQuote(`${bucket.name}/${key}`), statusLine(error)]);
    sendBulkReport(call.req, call.res, {
      numberDeleted: result.deleted,
      numberNotFound: 0,
      responseStatus: errors.length > 0 ? '400 Bad Request' : '200 OK',
      responseBody: '',
      errors,
    });
  },
};
