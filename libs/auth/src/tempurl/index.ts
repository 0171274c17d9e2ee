export { parseTempUrlExpires, parseTempUrlSig, signTempUrl, tempUrlHmacBody, verifyTempUrl } from './tempurl-signature';
export type { HmacBodyInput, TempUrlAlgorithm, TempUrlRequest } from './tempurl-signature';
export { issueTempUrl, parseIssueExpires } from './issue-temp-url';
export type { IssueTempUrlInput, IssuedTempUrl } from './issue-temp-url';
