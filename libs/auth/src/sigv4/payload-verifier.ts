import type { IncomingHttpHeaders } from 'node:http';
import type { Transform } from 'node:stream';
import { GatewayError } from '@gw/core';
import { AwsChunkedDecoder, type AwsChunkedMode } from './aws-chunked-decoder';
import { scopeString } from './canonical-request';
import { headerValue } from './header-value';
import { payloadMode } from './payload-hash';
import { createSha256Verifier } from './sha256-verifier';
import type { ParsedSigV4 } from './types';

export interface PayloadVerifierInput {
  parsed: ParsedSigV4;
  /** From verifySigV4; needed by the signed STREAMING-* modes only. */
  signingKey?: Buffer;
  seedSignature?: string;
  headers: IncomingHttpHeaders;
}

export interface PayloadVerifier {
  /** Pipe the request body through this; null when there is nothing to verify (UNSIGNED-PAYLOAD). */
  body: Transform | null;
  /** Trailers of an aws-chunked body (lowercase names); complete once `body` has ended. */
  trailers(): Record<string, string>;
}

const CHUNKED_MODES: Partial<Record<string, AwsChunkedMode>> = {
  'streaming-signed': 'signed',
  'streaming-signed-trailer': 'signed-trailer',
  'streaming-unsigned-trailer': 'unsigned-trailer',
};

function decodedContentLength(headers: IncomingHttpHeaders): number | undefined {
  const value = headerValue(headers, 'x-amz-decoded-content-length');
  if (value === undefined) return undefined;
  const length = /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (Number.isNaN(length)) {
    throw new GatewayError('InvalidArgument', 'x-amz-decoded-content-length is not a number.', {
      ArgumentName: 'x-amz-decoded-content-length',
      ArgumentValue: value,
    });
  }
  return length;
}

/** x-amz-trailer: comma-separated trailer names. */
function declaredTrailers(headers: IncomingHttpHeaders): string[] {
  const value = headerValue(headers, 'x-amz-trailer') ?? '';
  return value
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
}

/**
 * The Transform that checks a request body against what its signature promised, chosen by the
 * payload hash: sha256 of the whole body, nothing (UNSIGNED-PAYLOAD), or aws-chunked decoding
 * with chunk signatures and trailers (STREAMING-*).
 */
export function createPayloadVerifier(input: PayloadVerifierInput): PayloadVerifier {
  const { parsed, headers } = input;
  const mode = payloadMode(parsed.payloadHash);
  if (mode === 'unsigned') return { body: null, trailers: () => ({}) };
  if (mode === 'sha256') return { body: createSha256Verifier(parsed.payloadHash), trailers: () => ({}) };
  const chunkedMode = mode && CHUNKED_MODES[mode];
  if (!chunkedMode) throw new TypeError(`not a payload hash parseSigV4 accepts: ${parsed.payloadHash}`);

  let signing;
  if (chunkedMode !== 'unsigned-trailer') {
    if (!input.signingKey || !input.seedSignature) throw new TypeError(`${parsed.payloadHash} needs signingKey and seedSignature`);
    signing = {
      signingKey: input.signingKey,
      amzDate: parsed.amzDate,
      scope: scopeString(parsed.scope),
      seedSignature: input.seedSignature,
    };
  }
  const decoder = new AwsChunkedDecoder({
    mode: chunkedMode,
    signing,
    declaredTrailers: declaredTrailers(headers),
    decodedContentLength: decodedContentLength(headers),
  });
  return { body: decoder, trailers: () => decoder.trailers };
}
