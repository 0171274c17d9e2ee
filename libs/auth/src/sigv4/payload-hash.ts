import { GatewayError } from '@gw/core';
import {
  STREAMING_SIGNED,
  STREAMING_SIGNED_TRAILER,
  STREAMING_UNSIGNED_TRAILER,
  UNSIGNED_PAYLOAD,
} from './constants';

/** How the body of a request is protected, from its x-amz-content-sha256 value. */
export type PayloadMode = 'sha256' | 'unsigned' | 'streaming-signed' | 'streaming-signed-trailer' | 'streaming-unsigned-trailer';

const MODES: Record<string, PayloadMode> = {
  [UNSIGNED_PAYLOAD]: 'unsigned',
  [STREAMING_SIGNED]: 'streaming-signed',
  [STREAMING_SIGNED_TRAILER]: 'streaming-signed-trailer',
  [STREAMING_UNSIGNED_TRAILER]: 'streaming-unsigned-trailer',
};

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The mode of a valid payload hash, undefined for anything S3 would refuse. */
export function payloadMode(payloadHash: string): PayloadMode | undefined {
  if (SHA256_HEX.test(payloadHash)) return 'sha256';
  return Object.hasOwn(MODES, payloadHash) ? MODES[payloadHash] : undefined;
}

/**
 * Refuses an x-amz-content-sha256 S3 would not accept, with S3's InvalidArgument. The ECDSA
 * (SigV4a) streaming values are refused too: that algorithm is not supported here.
 */
export function assertPayloadHash(payloadHash: string): void {
  if (payloadMode(payloadHash) !== undefined) return;
  throw new GatewayError(
    'InvalidArgument',
    'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, ' +
      'STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER or a valid sha256 value.',
    { ArgumentName: 'x-amz-content-sha256', ArgumentValue: payloadHash },
  );
}
