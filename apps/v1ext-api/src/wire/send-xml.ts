import type { Response } from 'express';

/** An XML answer as the spec's lifecycle calls show it. */
export function sendXml(res: Response, xml: string): void {
  res.status(200).setHeader('Content-Type', 'application/xml; charset=utf-8');
  res.end(xml);
}
