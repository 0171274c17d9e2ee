import { BucketDocument, BucketRecord, repositories } from '@gw/metadata';
import { LOG_KEY_SUFFIX_LENGTH, LoggingConfiguration } from '../access-logs/logging-configuration';
import type { CorsConfiguration } from '../cors/cors-rule';
import { normalizeCors } from '../cors/validate-cors';
import { GatewayError } from '../errors';
import type { LifecycleConfiguration } from '../lifecycle-rules/lifecycle-rule';
import { normalizeLifecycle } from '../lifecycle-rules/validate-lifecycle';
import { assertValidObjectKey } from '../objects/object-key';
import type { StorageContext } from '../storage-context';
import { corsOf, lifecycleOf, loggingOf } from './bucket-documents';
import { normalizePublicAccess, PublicAccess, publicAccessOf } from '../public-access/public-access';
import { containerAclDocument, ContainerAclDocument, containerAclOf } from '../acl/container-acl';

/**
 * A bucket's lifecycle rules, CORS rules and access logging: each a whole document that a PUT
 * replaces (S3, /v1_ext and KOS all replace, never merge) after the model's checks.
 */
export class BucketConfigService {
  constructor(private readonly ctx: StorageContext) {}

  /** The lifecycle rules, or NoSuchLifecycleConfiguration. */
  getLifecycle(bucket: BucketRecord): LifecycleConfiguration {
    const lifecycle = lifecycleOf(bucket);
    if (!lifecycle) throw new GatewayError('NoSuchLifecycleConfiguration', undefined, { BucketName: bucket.name });
    return lifecycle;
  }

  /** Replaces the rules; returns them as stored (generated ids filled in). */
  async putLifecycle(bucket: BucketRecord, configuration: LifecycleConfiguration): Promise<LifecycleConfiguration> {
    const normalized = normalizeLifecycle(configuration);
    return lifecycleOf(await this.store(bucket, 'lifecycle', normalized))!;
  }

  async deleteLifecycle(bucket: BucketRecord): Promise<void> {
    await this.store(bucket, 'lifecycle', undefined);
  }

  /** The CORS rules, or NoSuchCORSConfiguration. */
  getCors(bucket: BucketRecord): CorsConfiguration {
    const cors = corsOf(bucket);
    if (!cors) throw new GatewayError('NoSuchCORSConfiguration', undefined, { BucketName: bucket.name });
    return cors;
  }

  async putCors(bucket: BucketRecord, configuration: CorsConfiguration): Promise<CorsConfiguration> {
    return corsOf(await this.store(bucket, 'cors', normalizeCors(configuration)))!;
  }

  async deleteCors(bucket: BucketRecord): Promise<void> {
    await this.store(bucket, 'cors', undefined);
  }

  /** Where the bucket's access logs go; undefined when logging is off (not an error, as in S3). */
  getLogging(bucket: BucketRecord): LoggingConfiguration | undefined {
    return loggingOf(bucket);
  }

  /**
   * Turns logging on towards a bucket of the same account (InvalidTargetBucketForLogging
   * otherwise), or off with undefined.
   */
  async putLogging(bucket: BucketRecord, logging: LoggingConfiguration | undefined): Promise<void> {
    if (logging) {
      const target = await repositories(this.ctx.db.knex).buckets.findByName(bucket.accountId, logging.targetBucket);
      if (!target) throw new GatewayError('InvalidTargetBucketForLogging', 'The target bucket for logging does not exist', { TargetBucket: logging.targetBucket });
      // Every log object key must be a key the store can hold.
      assertValidObjectKey(logging.targetPrefix + '0'.repeat(LOG_KEY_SUFFIX_LENGTH));
    }
    await this.store(bucket, 'logging', logging && { targetBucket: logging.targetBucket, targetPrefix: logging.targetPrefix });
  }

  /** The Swift container ACLs (X-Container-Read / -Write); undefined when neither is set. */
  getContainerAcl(bucket: BucketRecord): ContainerAclDocument | undefined {
    return containerAclOf(bucket);
  }

  /**
   * Sets the Swift container ACLs as a container PUT/POST does: a header given replaces that
   * ACL (an empty value removes it), one not given keeps what is stored. InvalidArgument with
   * Swift's message for an invalid entry.
   */
  async setContainerAcl(bucket: BucketRecord, headers: { read?: string; write?: string }): Promise<ContainerAclDocument | undefined> {
    const current = containerAclOf(bucket);
    const doc = containerAclDocument(headers.read ?? current?.read?.header, headers.write ?? current?.write?.header);
    const stored = await this.store(bucket, 'swift_acl', doc.read || doc.write ? doc : undefined);
    return containerAclOf(stored);
  }

  /** The /v1_ext public access; undefined when never set. */
  getPublicAccess(bucket: BucketRecord): PublicAccess | undefined {
    return publicAccessOf(bucket);
  }

  /** Replaces the /v1_ext public access after its checks; undefined removes it (ACLs alone decide). */
  async setPublicAccess(bucket: BucketRecord, access: PublicAccess | undefined): Promise<BucketRecord> {
    return this.store(bucket, 'public_access', access && normalizePublicAccess(access));
  }

  private async store(bucket: BucketRecord, name: BucketDocument, document: object | undefined): Promise<BucketRecord> {
    const updated = await repositories(this.ctx.db.knex).buckets.setDocument(bucket.id, name, document);
    if (!updated) throw new GatewayError('NoSuchBucket', undefined, { BucketName: bucket.name });
    return updated;
  }
}
