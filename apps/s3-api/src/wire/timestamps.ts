/** XML timestamps: ISO 8601 with milliseconds, as S3 writes them (2026-11-21T07:54:46.000Z). */
export const xmlTime = (date: Date): string => date.toISOString();

/** Header timestamps: RFC 1123 (Sat, 21 Nov 2026 07:54:46 GMT). */
export const httpDate = (date: Date): string => date.toUTCString();
