// Keystone's version document at `GET /v3` (OpenStack Identity API v3, "Version discovery"): what
// keystoneauth's generic plugins (the `openstack` CLI) read before they authenticate.
import type { Request, Response } from 'express';
import type { SwiftServices } from '../routing/swift-operation';
import { setCommonHeaders } from '../wire/common-headers';
import { sendJson } from './keystone-token-document';

export function keystoneVersion(services: SwiftServices) {
  return (_req: Request, res: Response): void => {
    setCommonHeaders(res);
    sendJson(res, 200, {
      version: {
        id: 'v3.14',
        status: 'stable',
        updated: '2020-04-07T00:00:00Z',
        links: [{ rel: 'self', href: `${services.publicUrl}/v3/` }],
        'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.identity-v3+json' }],
      },
    });
  };
}
