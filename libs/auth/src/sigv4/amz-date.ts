// The two time formats SigV4 accepts: X-Amz-Date (ISO 8601 basic, UTC) and the HTTP Date header.

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const HTTP_DATE = /^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** `20130524T000000Z` -> Date, or null when malformed or not a real instant. */
export function parseAmzDate(value: string): Date | null {
  const m = AMZ_DATE.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Date.UTC rolls 20130231 over to March; a calendar date that does not exist is malformed.
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return date;
}

/** Date -> `20130524T000000Z` */
export function formatAmzDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** IMF-fixdate of the HTTP Date header (`Fri, 24 May 2013 00:00:00 GMT`) -> Date, or null. */
export function parseHttpDate(value: string): Date | null {
  if (!HTTP_DATE.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms);
}
