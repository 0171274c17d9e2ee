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
      container_listing_limit: 1000,
      account_listing_limit: 10000,
      max_meta_count: 90,
      max_meta_overall_size: 4096,
    });
    // Middleware not served yet must not be advertised: clients would use it.
    expect(Object.keys(swiftCapabilities(1))).toEqual(['swift']);
  });
});
