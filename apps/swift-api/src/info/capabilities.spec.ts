import express from 'express';
import request from 'supertest';
import { capabilitiesHandler, swiftCapabilities } from './capabilities';

describe('GET /info', () => {
  it('advertises only the core swift limits, as JSON, without authentication', async () => {
    const app = express();
    app.get('/info', capabilitiesHandler(5 * 1024 ** 3));
    const res = await request(app).get('/info').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['x-trans-id']).toMatch(/^tx/);
    expect(res.body.swift).toMatchObject({
      max_file_size: 5 * 1024 ** 3,
      max_object_name_length: 1024,
      max_container_name_length: 256,
      container_listing_limit: 1000,
      account_listing_limit: 10000,
      max_meta_count: 90,
      max_meta_overall_size: 4096,
    });
    // Middleware not served yet must not be advertised: clients would use it.
    expect(Object.keys(swiftCapabilities(1))).not.toContain('staticweb');
  });

  it('advertises tempurl and formpost as they are enforced', () => {
    const info = swiftCapabilities(1);
    expect(info.tempurl).toEqual({
      methods: ['GET', 'HEAD', 'PUT', 'POST', 'DELETE'],
      incoming_remove_headers: [],
      incoming_allow_headers: [],
      outgoing_remove_headers: ['x-object-meta-*'],
      outgoing_allow_headers: ['x-object-meta-public-*'],
      allowed_digests: ['sha1', 'sha256', 'sha512'],
    });
    expect(info.formpost).toEqual({ allowed_digests: ['sha1', 'sha256', 'sha512'] });
  });

  it('advertises bulk_delete with the limits the code enforces', () => {
    expect(swiftCapabilities(1).bulk_delete).toEqual({ max_deletes_per_request: 10000, max_failed_deletes: 1000 });
  });

  it('advertises slo and dlo with the limits the code enforces', () => {
    const info = swiftCapabilities(1);
    expect(info.slo).toEqual({ max_manifest_segments: 1000, max_manifest_size: 8388608, min_segment_size: 1, yield_frequency: 10 });
    expect(info.dlo).toEqual({ max_segments: 10000 });
  });
});
