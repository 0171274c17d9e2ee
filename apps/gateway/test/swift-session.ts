// The clients an end-to-end test of both dialects starts with: the AWS SDK on the gateway's S3
// credential, and a Swift session (v1 auth with the user's password) with a `swift(path, init)`
// fetch that carries the token. For new e2e files; the older ones repeat this setup inline.
import { S3Client } from '@aws-sdk/client-s3';
import type { TestGateway } from './start-test-gateway';

export interface SwiftSession {
  token: string;
  /** X-Storage-Url: `{gateway}/v1/AUTH_{account}`. */
  storageUrl: string;
  swift(path: string, init?: RequestInit): Promise<globalThis.Response>;
}

export const s3ClientFor = (gw: TestGateway): S3Client =>
  new S3Client({ endpoint: gw.url, region: gw.region, forcePathStyle: true, credentials: { accessKeyId: gw.accessKey, secretAccessKey: gw.secretKey } });

export async function swiftSession(gw: TestGateway, password: string): Promise<SwiftSession> {
  await gw.identity.setPassword(gw.userId, password);
  const user = await gw.identity.findUser(gw.userId);
  const auth = await fetch(`${gw.url}/auth/v1.0`, { headers: { 'X-Auth-User': `e2e:${user.name}`, 'X-Auth-Key': password } });
  if (auth.status !== 200) throw new Error(`v1 auth answered ${auth.status}`);
  const token = auth.headers.get('x-auth-token')!;
  const storageUrl = auth.headers.get('x-storage-url')!;
  const swift = (path: string, init: RequestInit = {}) =>
    fetch(`${storageUrl}/${path}`, { ...init, headers: { 'X-Auth-Token': token, ...(init.headers as Record<string, string>) } });
  return { token, storageUrl, swift };
}
