// Swift "Discoverability" (GET /info): the capabilities document clients and test suites read to
// decide what to exercise. It lists exactly what this gateway serves, nothing it does not.
import type { Request, Response } from 'express';
import { MAX_BULK_DELETES, MAX_DLO_SEGMENTS, MAX_KEY_BYTES, MAX_SLO_MANIFEST_BYTES, MAX_SLO_SEGMENTS, META_LIMITS } from '@gw/core';
import { sendBody, setCommonHeaders } from '../wire/common-headers';
import { ACCOUNT_LISTING_LIMIT, CONTAINER_LISTING_LIMIT, MAX_FAILED_BULK_DELETES } from '../wire/limits';
import { TEMP_URL_DIGESTS } from '@gw/auth';
import { TEMP_URL_CAPABILITIES } from '../routing/temp-url-access';
import { SWIFT_MAX_CONTAINER_NAME_BYTES } from '../wire/container-name';

export function swiftCapabilities(maxObjectSize: number): Record<string, unknown> {
  return {
    swift: {
      max_file_size: maxObjectSize,
      max_object_name_length: MAX_KEY_BYTES,
      max_container_name_length: SWIFT_MAX_CONTAINER_NAME_BYTES,
      container_listing_limit: CONTAINER_LISTING_LIMIT,
      account_listing_limit: ACCOUNT_LISTING_LIMIT,
      ...META_LIMITS,
      policies: [{ name: 'default', default: true }],
    },
    tempurl: TEMP_URL_CAPABILITIES,
    formpost: { allowed_digests: TEMP_URL_DIGESTS },
    // Large objects: the limits parseSloManifest / resolveDloSegments enforce. yield_frequency is
    // Swift's default (we never heartbeat: the manifest check is one transaction, no HEADs).
    slo: { max_manifest_segments: MAX_SLO_SEGMENTS, max_manifest_size: MAX_SLO_MANIFEST_BYTES, min_segment_size: 1, yield_frequency: 10 },
    dlo: { max_segments: MAX_DLO_SEGMENTS },
    bulk_delete: { max_deletes_per_request: MAX_BULK_DELETES, max_failed_deletes: MAX_FAILED_BULK_DELETES },
  };
}

/** `GET /info`, unauthenticated as in Swift. */
export function capabilitiesHandler(maxObjectSize: number) {
  const body = JSON.stringify(swiftCapabilities(maxObjectSize));
  return (_req: Request, res: Response): void => {
    setCommonHeaders(res);
    sendBody(res, 200, 'application/json; charset=utf-8', body);
  };
}
