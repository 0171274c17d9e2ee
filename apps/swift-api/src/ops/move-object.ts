// KakaoCloud "Move object" (MOVE /v1/{account}/{container}/{object} with Destination): a copy
// (as COPY makes it, no data copied) then the delete of the source.
import { authorizeTarget } from '../routing/authorize-target';
import { containerOf, SwiftOperation } from '../routing/swift-operation';
import { CopyEnd, destinationOf, sendCopied, serverSideCopy } from './copy-object';

export const moveObject: SwiftOperation = {
  name: 'MoveObject',
  action: 'storage.objects.get',
  needsBucket: true,
  async run(call) {
    const source: CopyEnd = { account: call.account, bucket: containerOf(call), key: call.target.object! };
    // Moving takes the source away: the caller must be allowed to delete it, not only to read it.
    await authorizeTarget(call, { account: call.account, container: source.bucket.name, key: source.key }, 'storage.objects.delete');
    const destination = await destinationOf(call);
    const result = await serverSideCopy(call, source, destination);
    if (destination.bucket.id !== source.bucket.id || destination.key !== source.key) {
      const deleter = call.principal.kind === 'user' ? call.principal.userId : undefined;
      await call.services.storage.objects.delete(source.bucket, source.key, { ownerUserId: deleter });
    }
    sendCopied(call, result, source);
  },
};
