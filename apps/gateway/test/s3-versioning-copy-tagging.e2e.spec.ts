// Versioning, CopyObject and object tagging end to end with @aws-sdk/client-s3 and its defaults
// (CRC32 on every body it sends): the calls as SDK users write them, and what the SDK parses back.
import { createHash } from 'node:crypto';
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  DeleteObjectTaggingCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { errorOf } from './sdk-errors';
import { startTestGateway, TestGateway } from './start-test-gateway';

const md5 = (data: string) => createHash('md5').update(data).digest('hex');

describe('S3 versioning, CopyObject and tagging with @aws-sdk/client-s3', () => {
  let gw: TestGateway;
  let s3: S3Client;
  beforeAll(async () => {
    gw = await startTestGateway();
    s3 = new S3Client({ endpoint: gw.url, region: gw.region, forcePathStyle: true, credentials: { accessKeyId: gw.accessKey, secretAccessKey: gw.secretKey } });
    for (const Bucket of ['versions', 'plain', 'other']) await s3.send(new CreateBucketCommand({ Bucket }));
  });
  afterAll(async () => {
    s3?.destroy();
    await gw?.close();
  });

  const text = async (Bucket: string, Key: string, VersionId?: string) =>
    (await s3.send(new GetObjectCommand({ Bucket, Key, VersionId }))).Body!.transformToString();

  describe('versioning', () => {
    it('PutBucketVersioning and GetBucketVersioning', async () => {
      expect((await s3.send(new GetBucketVersioningCommand({ Bucket: 'versions' }))).Status).toBeUndefined();
      await s3.send(new PutBucketVersioningCommand({ Bucket: 'versions', VersioningConfiguration: { Status: 'Enabled' } }));
      expect((await s3.send(new GetBucketVersioningCommand({ Bucket: 'versions' }))).Status).toBe('Enabled');
      const bad = await errorOf(s3.send(new PutBucketVersioningCommand({ Bucket: 'versions', VersioningConfiguration: { Status: 'Off' as never } })));
      expect(bad.name).toBe('MalformedXML');
    });

    it('versions, delete markers and versioned GET, HEAD and DELETE', async () => {
      const v1 = await s3.send(new PutObjectCommand({ Bucket: 'versions', Key: 'doc.txt', Body: 'first' }));
      const v2 = await s3.send(new PutObjectCommand({ Bucket: 'versions', Key: 'doc.txt', Body: 'second' }));
      expect(v1.VersionId).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(v2.VersionId).not.toBe(v1.VersionId);
      expect(await text('versions', 'doc.txt', v1.VersionId)).toBe('first');
      const latest = await s3.send(new GetObjectCommand({ Bucket: 'versions', Key: 'doc.txt' }));
      expect([await latest.Body!.transformToString(), latest.VersionId]).toEqual(['second', v2.VersionId]);
      expect((await s3.send(new HeadObjectCommand({ Bucket: 'versions', Key: 'doc.txt', VersionId: v1.VersionId }))).ContentLength).toBe(5);

      const deleted = await s3.send(new DeleteObjectCommand({ Bucket: 'versions', Key: 'doc.txt' }));
      expect(deleted.DeleteMarker).toBe(true);
      expect(deleted.VersionId).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect((await errorOf(s3.send(new GetObjectCommand({ Bucket: 'versions', Key: 'doc.txt' })))).name).toBe('NoSuchKey');
      const ofMarker = await errorOf(s3.send(new GetObjectCommand({ Bucket: 'versions', Key: 'doc.txt', VersionId: deleted.VersionId })));
      expect(ofMarker.$metadata.httpStatusCode).toBe(405);
      expect((await errorOf(s3.send(new GetObjectCommand({ Bucket: 'versions', Key: 'doc.txt', VersionId: 'A'.repeat(32) })))).name).toBe('NoSuchVersion');
      expect((await s3.send(new ListObjectsV2Command({ Bucket: 'versions' }))).Contents ?? []).toEqual([]);

      const undeleted = await s3.send(new DeleteObjectCommand({ Bucket: 'versions', Key: 'doc.txt', VersionId: deleted.VersionId }));
      expect([undeleted.DeleteMarker, undeleted.VersionId]).toEqual([true, deleted.VersionId]);
      expect(await text('versions', 'doc.txt')).toBe('second');
      await s3.send(new DeleteObjectCommand({ Bucket: 'versions', Key: 'doc.txt', VersionId: v2.VersionId }));
      expect(await text('versions', 'doc.txt')).toBe('first');
    });

    it('ListObjectVersions, page by page', async () => {
      for (const body of ['a1', 'a2']) await s3.send(new PutObjectCommand({ Bucket: 'versions', Key: 'list/a', Body: body }));
      await s3.send(new PutObjectCommand({ Bucket: 'versions', Key: 'list/b', Body: 'b1' }));
      const marker = await s3.send(new DeleteObjectCommand({ Bucket: 'versions', Key: 'list/b' }));

      const all = await s3.send(new ListObjectVersionsCommand({ Bucket: 'versions', Prefix: 'list/' }));
      expect(all.Versions?.map((v) => [v.Key, v.IsLatest, v.Size, v.ETag])).toEqual([
        ['list/a', true, 2, `"${md5('a2')}"`],
        ['list/a', false, 2, `"${md5('a1')}"`],
        ['list/b', false, 2, `"${md5('b1')}"`],
      ]);
      expect(all.DeleteMarkers?.map((m) => [m.Key, m.VersionId, m.IsLatest, m.Owner?.ID])).toEqual([['list/b', marker.VersionId, true, gw.userId]]);
      expect(all.IsTruncated).toBe(false);

      const seen: string[] = [];
      let KeyMarker: string | undefined;
      let VersionIdMarker: string | undefined;
      for (let page = 0; page < 10; page++) {
        const res = await s3.send(new ListObjectVersionsCommand({ Bucket: 'versions', Prefix: 'list/', MaxKeys: 1, KeyMarker, VersionIdMarker }));
        seen.push(...(res.Versions ?? []).map((v) => v.VersionId!), ...(res.DeleteMarkers ?? []).map((m) => m.VersionId!));
        if (!res.IsTruncated) break;
        KeyMarker = res.NextKeyMarker;
        VersionIdMarker = res.NextVersionIdMarker;
      }
      expect(seen).toEqual([all.Versions![0].VersionId, all.Versions![1].VersionId, marker.VersionId, all.Versions![2].VersionId]);
      const rolled = await s3.send(new ListObjectVersionsCommand({ Bucket: 'versions', Delimiter: '/' }));
      expect(rolled.CommonPrefixes?.map((p) => p.Prefix)).toContain('list/');
    });

    it('DeleteObjects with version ids, reporting delete markers', async () => {
      const a = await s3.send(new PutObjectCommand({ Bucket: 'versions', Key: 'many/a', Body: 'a' }));
      await s3.send(new PutObjectCommand({ Bucket: 'versions', Key: 'many/b', Body: 'b' }));
      const result = await s3.send(
        new DeleteObjectsCommand({ Bucket: 'versions', Delete: { Objects: [{ Key: 'many/a', VersionId: a.VersionId }, { Key: 'many/b' }] } }),
      );
      const byKey = Object.fromEntries((result.Deleted ?? []).map((d) => [d.Key, d]));
      expect(byKey['many/a']).toMatchObject({ VersionId: a.VersionId });
      expect(byKey['many/a'].DeleteMarker).toBeUndefined();
      expect(byKey['many/b']).toMatchObject({ DeleteMarker: true, DeleteMarkerVersionId: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/) });
      expect(result.Errors ?? []).toEqual([]);
      const versions = await s3.send(new ListObjectVersionsCommand({ Bucket: 'versions', Prefix: 'many/' }));
      expect(versions.Versions?.map((v) => v.Key)).toEqual(['many/b']);
      expect(versions.DeleteMarkers?.map((m) => m.Key)).toEqual(['many/b']);
    });
  });

  describe('CopyObject', () => {
    it('copies with the source metadata (COPY) or the request metadata (REPLACE)', async () => {
      await s3.send(new PutObjectCommand({ Bucket: 'plain', Key: 'src', Body: 'hello', ContentType: 'text/plain', Metadata: { color: 'blue' } }));
      const copied = await s3.send(new CopyObjectCommand({ Bucket: 'plain', Key: 'copy', CopySource: 'plain/src' }));
      expect(copied.CopyObjectResult?.ETag).toBe(`"${md5('hello')}"`);
      expect(copied.CopyObjectResult?.LastModified).toBeInstanceOf(Date);
      const head = await s3.send(new HeadObjectCommand({ Bucket: 'plain', Key: 'copy' }));
      expect([head.ContentType, head.Metadata]).toEqual(['text/plain', { color: 'blue' }]);

      await s3.send(
        new CopyObjectCommand({ Bucket: 'plain', Key: 'replaced', CopySource: 'plain/src', MetadataDirective: 'REPLACE', ContentType: 'image/png', Metadata: { size: 'L' } }),
      );
      const replaced = await s3.send(new HeadObjectCommand({ Bucket: 'plain', Key: 'replaced' }));
      expect([replaced.ContentType, replaced.Metadata]).toEqual(['image/png', { size: 'L' }]);
    });

    it('copies across buckets, keys that need encoding, and versions', async () => {
      const key = 'dir/\u00fcn\u00ef c\u00f8d\u00e9+&.txt';
      await s3.send(new PutObjectCommand({ Bucket: 'plain', Key: key, Body: 'unicode' }));
      await s3.send(new CopyObjectCommand({ Bucket: 'other', Key: 'from-plain', CopySource: `plain/${encodeURIComponent(key)}` }));
      expect(await text('other', 'from-plain')).toBe('unicode');

      const v1 = await s3.send(new PutObjectCommand({ Bucket: 'versions', Key: 'copy-me', Body: 'version one' }));
      await s3.send(new PutObjectCommand({ Bucket: 'versions', Key: 'copy-me', Body: 'version two' }));
      const copied = await s3.send(new CopyObjectCommand({ Bucket: 'other', Key: 'old', CopySource: `versions/copy-me?versionId=${v1.VersionId}` }));
      expect(copied.CopySourceVersionId).toBe(v1.VersionId);
      expect(copied.VersionId).toBeUndefined();
      expect(await text('other', 'old')).toBe('version one');
      const restored = await s3.send(new CopyObjectCommand({ Bucket: 'versions', Key: 'copy-me', CopySource: `versions/copy-me?versionId=${v1.VersionId}` }));
      expect(restored.VersionId).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(await text('versions', 'copy-me')).toBe('version one');
    });

    it('a copy onto itself needs REPLACE', async () => {
      await s3.send(new PutObjectCommand({ Bucket: 'plain', Key: 'self', Body: 'data', Metadata: { v: '1' } }));
      expect((await errorOf(s3.send(new CopyObjectCommand({ Bucket: 'plain', Key: 'self', CopySource: 'plain/self' })))).name).toBe('InvalidRequest');
      await s3.send(new CopyObjectCommand({ Bucket: 'plain', Key: 'self', CopySource: 'plain/self', MetadataDirective: 'REPLACE', Metadata: { v: '2' } }));
      const head = await s3.send(new HeadObjectCommand({ Bucket: 'plain', Key: 'self' }));
      expect([head.Metadata, head.ETag]).toEqual([{ v: '2' }, `"${md5('data')}"`]);
    });

    it('conditional copies: a failed x-amz-copy-source-if-* is PreconditionFailed', async () => {
      await s3.send(new PutObjectCommand({ Bucket: 'plain', Key: 'cond', Body: 'data' }));
      const etag = `"${md5('data')}"`;
      await s3.send(new CopyObjectCommand({ Bucket: 'plain', Key: 'cond-ok', CopySource: 'plain/cond', CopySourceIfMatch: etag }));
      const failures = [
        { CopySourceIfMatch: '"0000"' },
        { CopySourceIfNoneMatch: etag },
        { CopySourceIfModifiedSince: new Date(Date.now() + 3_600_000) },
        { CopySourceIfUnmodifiedSince: new Date(Date.now() - 3_600_000) },
      ];
      for (const conditions of failures) {
        const error = await errorOf(s3.send(new CopyObjectCommand({ Bucket: 'plain', Key: 'cond-no', CopySource: 'plain/cond', ...conditions })));
        expect({ conditions, name: error.name, status: error.$metadata.httpStatusCode }).toEqual({ conditions, name: 'PreconditionFailed', status: 412 });
      }
      expect((await errorOf(s3.send(new HeadObjectCommand({ Bucket: 'plain', Key: 'cond-no' })))).$metadata.httpStatusCode).toBe(404);
    });
  });

  describe('tagging', () => {
    it('PutObjectTagging, GetObjectTagging, DeleteObjectTagging and TagCount', async () => {
      await s3.send(new PutObjectCommand({ Bucket: 'plain', Key: 'tagged', Body: 'x' }));
      await s3.send(new PutObjectTaggingCommand({ Bucket: 'plain', Key: 'tagged', Tagging: { TagSet: [{ Key: 'team', Value: 'storage' }, { Key: 'empty', Value: '' }] } }));
      const tags = await s3.send(new GetObjectTaggingCommand({ Bucket: 'plain', Key: 'tagged' }));
      expect(tags.TagSet?.sort((a, b) => a.Key!.localeCompare(b.Key!))).toEqual([{ Key: 'empty', Value: '' }, { Key: 'team', Value: 'storage' }]);
      expect((await s3.send(new GetObjectCommand({ Bucket: 'plain', Key: 'tagged' }))).TagCount).toBe(2);
      await s3.send(new DeleteObjectTaggingCommand({ Bucket: 'plain', Key: 'tagged' }));
      expect((await s3.send(new GetObjectTaggingCommand({ Bucket: 'plain', Key: 'tagged' }))).TagSet).toEqual([]);
      const tooMany = Array.from({ length: 11 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
      expect((await errorOf(s3.send(new PutObjectTaggingCommand({ Bucket: 'plain', Key: 'tagged', Tagging: { TagSet: tooMany } })))).name).toBe('BadRequest');
      const twice = [{ Key: 'a', Value: '1' }, { Key: 'a', Value: '2' }];
      expect((await errorOf(s3.send(new PutObjectTaggingCommand({ Bucket: 'plain', Key: 'tagged', Tagging: { TagSet: twice } })))).name).toBe('InvalidTag');
    });

    it('the Tagging parameter of PutObject (x-amz-tagging) and tags of a version', async () => {
      const v1 = await s3.send(new PutObjectCommand({ Bucket: 'versions', Key: 'with-tags', Body: 'x', Tagging: 'project=gw&note=a%20b' }));
      await s3.send(new PutObjectCommand({ Bucket: 'versions', Key: 'with-tags', Body: 'y' }));
      const old = await s3.send(new GetObjectTaggingCommand({ Bucket: 'versions', Key: 'with-tags', VersionId: v1.VersionId }));
      expect(old.VersionId).toBe(v1.VersionId);
      expect(Object.fromEntries(old.TagSet!.map((t) => [t.Key, t.Value]))).toEqual({ project: 'gw', note: 'a b' });
      expect((await s3.send(new GetObjectTaggingCommand({ Bucket: 'versions', Key: 'with-tags' }))).TagSet).toEqual([]);
      const head = await s3.send(new HeadObjectCommand({ Bucket: 'versions', Key: 'with-tags', VersionId: v1.VersionId }));
      expect(head.TagCount).toBe(2);
      expect((await s3.send(new GetObjectCommand({ Bucket: 'versions', Key: 'with-tags', VersionId: v1.VersionId }))).TagCount).toBe(2);
      const invalid = await errorOf(s3.send(new PutObjectCommand({ Bucket: 'plain', Key: 'bad-tags', Body: 'x', Tagging: 'a=1&a=2' })));
      expect(invalid.name).toBe('InvalidArgument');
    });
  });
});
