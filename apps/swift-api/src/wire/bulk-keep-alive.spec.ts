import express from 'express';
import request from 'supertest';
import { GatewayError } from '@gw/core';
import { BulkKeepAlive } from './bulk-keep-alive';
import { failedReport, sendBulkReport } from './bulk-report';

const report = { numberDeleted: 3, numberNotFound: 1, responseStatus: '200 OK', responseBody: '', errors: [] };

/** An app whose one route beats `beats` times (interval `intervalMs`), then reports or fails. */
function appWith(intervalMs: number, beats: number, failWith?: GatewayError) {
  const app = express();
  app.delete('/', (req, res) => {
    const keepAlive = new BulkKeepAlive(res, intervalMs);
    for (let i = 0; i < beats; i++) keepAlive.beat();
    if (failWith && keepAlive.started) return sendBulkReport(req, res, failedReport(failWith, 2));
    sendBulkReport(req, res, report);
  });
  return app;
}

describe('BulkKeepAlive', () => {
  it('answers exactly as without it when the work ends within the interval', async () => {
    const res = await request(appWith(60_000, 5)).delete('/').set('Accept', 'application/json').expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength(res.text)));
    expect(JSON.parse(res.text)).toMatchObject({ 'Number Deleted': 3, 'Response Status': '200 OK' });
    expect(res.text.startsWith('{')).toBe(true);
  });

  it('starts the 200 early, writes a space per beat, then a blank line and the report', async () => {
    const res = await request(appWith(0, 3)).delete('/').set('Accept', 'application/json').expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-length']).toBeUndefined();
    expect(res.text.startsWith('   \r\n\r\n{')).toBe(true);
    expect(JSON.parse(res.text)).toMatchObject({ 'Number Deleted': 3, 'Number Not Found': 1 });
  });

  it('keeps the XML report parseable: whitespace only before the root element', async () => {
    const res = await request(appWith(0, 1)).delete('/').set('Accept', 'application/xml').buffer(true).parse((r, done) => {
      let text = '';
      r.on('data', (c: Buffer) => (text += c.toString()));
      r.on('end', () => done(null, text));
    });
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(String(res.body)).toMatch(/^ \r\n\r\n<delete>\n<number_deleted>3<\/number_deleted>/);
  });

  it('puts a failure after the start into the report', async () => {
    const res = await request(appWith(0, 1, new GatewayError('BadRequest', 'Folder not found'))).delete('/').expect(200);
    expect(res.text).toBe(' \r\n\r\nNumber Deleted: 2\nNumber Not Found: 0\nResponse Body: Folder not found\nResponse Status: 400 Bad Request\nErrors:\n');
  });
});
