// Swift "Discoverability" (GET /info): the capabilities document clients and test suites read to
// decide what to exercise. It lists exactly what this gateway serves, nothing it does not.
import type { Request, Response } from 'express';
import { MAX_KEY_BYTES, META_LIMITS } from '@gw/core';
import { sendBody, setCommonHeaders } from '../wire/common-headers';
import { ACCOUNT_LISTING_LIMIT, CONTAINER_LISTING_LIMIT } from '../wire/limits';

export function swiftCapabilities(maxObjectSize: number): Record<string, unknown> {
  return {
    swift: {
      max_file_size: maxObjectSize,
      max_object_name_length: MAX_KEY_BYTES,
      max_container_name_length: 63,
      container_listing_limit: CONTAINER_LISTING_LIMIT,
      account_listing_limit: ACCOUNT_LISTING_LIMIT,
      ...META_LIMITS,
      policies: [{ name: 'default', default: true }],
    },
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
