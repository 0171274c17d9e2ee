// POST Object (S3 API reference "POST Object"; "Browser-Based Uploads Using POST" and its POST policy): a browser form upload.
import { pipeline } from 'node:stream';
import type { Request } from 'express';
import { checkPostPolicy, ContentLengthRange } from '@gw/auth';
import { GatewayError, ObjectRecord } from '@gw/core';
import type { S3Call, S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { parseAclHeaders } from '../wire/acl-headers';
import { sendXml } from '../wire/common-headers';
import { writeExpirationHeader } from '../wire/expiration-header';
import { enforceLengthRange } from '../wire/length-range';
import { quoteEtag, readStoredHeaders, readUserMetadata, STORED_HEADERS } from '../wire/object-headers';
import { PostForm, readPostForm } from '../wire/post-form';
import { readServerSideEncryption, writeServerSideEncryption } from '../wire/server-side-encryption';
import { assertStandardStorageClass } from '../wire/storage-class';
import { parseTaggingDocument } from '../wire/tagging';
import { writeNewVersionHeader } from '../wire/version-headers';
import { renderXml } from '../wire/xml';

interface AuthenticatedForm {
  form: PostForm;
  key: string;
  range?: ContentLengthRange;
}

/** The form read while authenticating, for run(): the credentials of a POST are in its body. */
const forms = new WeakMap<Request, AuthenticatedForm>();

export const postObject: S3Operation = {
  name: 'PostObject',
  action: 'storage.objects.create',
  needsBucket: true,

  async authenticate({ req, res, target, authenticator }) {
    const form = await readPostForm(req, res);
    const { principal, policy } = await authenticator.authenticatePostForm(form.fields);
    const key = objectKey(form);
    // The policy holds the key as it will be stored (`${filename}` replaced), as MinIO and S3 do.
    const range = policy && checkPostPolicy(policy, { bucket: target.bucketName ?? '', fields: { ...form.fields, key } });
    forms.set(req, { form, key, range });
    return { principal, trailers: () => ({}) };
  },

  async run(call) {
    const authenticated = forms.get(call.req);
    if (!authenticated) throw new Error('PostObject ran without its form');
    const { form, key, range } = authenticated;
    const headers = formHeaders(form.fields);
    let object: ObjectRecord;
    try {
      assertStandardStorageClass(headers);
      // The SSE fields (x-amz-server-side-encryption, SSE-KMS and SSE-C ones) are checked as their headers are on PutObject.
      const encryption = readServerSideEncryption(form.fields);
      const tags = form.fields.tagging === undefined ? undefined : await parseTaggingDocument(Buffer.from(form.fields.tagging, 'utf8'));
      object = await call.services.storage.objects.put({
        bucket: bucketOf(call),
        key,
        body: range ? pipeline(form.file.stream, enforceLengthRange(range), () => undefined) : form.file.stream,
        contentType: form.fields['content-type'],
        userMeta: readUserMetadata(headers),
        headers: readStoredHeaders(headers),
        ownerUserId: call.principal.kind === 'user' ? call.principal.userId : undefined,
        tags,
        acl: parseAclHeaders(headers),
        encryption,
      });
    } catch (error) {
      void form.release(error);
      throw error;
    }
    await form.release();
    respond(call, form.fields, key, object);
  },
};

/** The `key` field with `${filename}` replaced by the uploaded file's name. */
function objectKey(form: PostForm): string {
  const key = form.fields.key;
  if (key === undefined || key === '') {
    throw new GatewayError('InvalidArgument', "Bucket POST must contain a field named 'key'.  If it is specified, please check the order of the fields.", {
      ArgumentName: 'key',
      ArgumentValue: '',
    });
  }
  return key.split('${filename}').join(form.file.filename);
}

/** The form fields that mean what the same request headers mean on PutObject (`acl` is x-amz-acl). */
function formHeaders(fields: Record<string, string>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (name.startsWith('x-amz-meta-') || name === 'x-amz-storage-class' || (STORED_HEADERS as readonly string[]).includes(name)) headers[name] = value;
  }
  if (fields.acl !== undefined) headers['x-amz-acl'] = fields.acl;
  return headers;
}

/**
 * success_action_redirect (or the older `redirect`): 303 to it with bucket, key and etag added;
 * else success_action_status 200, 201 (with the PostResponse document) or 204, the default.
 */
function respond(call: S3Call, fields: Record<string, string>, key: string, object: ObjectRecord): void {
  const { req, res, target } = call;
  const bucketName = bucketOf(call).name;
  const etag = quoteEtag(object.etag);
  res.setHeader('ETag', etag);
  res.setHeader('Location', objectUrl(req, target.hostBucket !== undefined ? '' : `/${target.accountId ? `${target.accountId}:` : ''}${bucketName}`, key));
  writeNewVersionHeader(res, object.versionId);
  writeServerSideEncryption(res, object.encryption);
  writeExpirationHeader(res, bucketOf(call), object);

  const redirect = redirectUrl(fields.success_action_redirect ?? fields.redirect);
  if (redirect) {
    redirect.searchParams.append('bucket', bucketName);
    redirect.searchParams.append('key', key);
    redirect.searchParams.append('etag', etag);
    res.status(303).setHeader('Location', redirect.toString());
    res.setHeader('Content-Length', '0');
    res.end();
    return;
  }
  const status = ['200', '201'].includes(fields.success_action_status ?? '') ? Number(fields.success_action_status) : 204;
  if (status === 201) {
    const location = String(res.getHeader('Location'));
    sendXml(res, renderXml('PostResponse', { Location: location, Bucket: bucketName, Key: key, ETag: etag }, null), 201);
    return;
  }
  res.status(status).setHeader('Content-Length', '0');
  res.end();
}

function objectUrl(req: Request, bucketPath: string, key: string): string {
  return `${req.protocol}://${req.headers.host}${bucketPath}/${key.split('/').map(encodeURIComponent).join('/')}`;
}

function redirectUrl(value: string | undefined): URL | undefined {
  if (!value || !URL.canParse(value)) return undefined;
  const url = new URL(value);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
}
