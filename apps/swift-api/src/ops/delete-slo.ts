// Swift SLO "Delete SLO" (DELETE ...?multipart-manifest=delete; slo.py handle_multipart_delete): segments, then the manifest; a bulk-delete report.
import { summarizeBulkDelete } from '@gw/core';
import { containerDecision } from '../routing/segment-access';
import { containerOf, SwiftOperation } from '../routing/swift-operation';
import { sendBulkReport } from '../wire/bulk-report';

/** 200 whatever happened to each object; the report says (Number Deleted, Number Not Found, Errors). */
export const deleteSlo: SwiftOperation = {
  name: 'DeleteSlo',
  action: 'storage.objects.delete',
  needsBucket: true,
  async run(call) {
    const { req, res, principal } = call;
    const outcomes = await call.services.storage.largeObjects.deleteSlo({
      bucket: containerOf(call),
      key: call.target.object!,
      mayDelete: containerDecision(call, 'storage.objects.delete'),
      ownerUserId: principal.kind === 'user' ? principal.userId : undefined,
    });
    sendBulkReport(req, res, summarizeBulkDelete(outcomes));
  },
};
