export { parseTempUrlExpires, parseTempUrlSig, signTempUrl, TEMP_URL_DIGESTS, tempUrlHmacBody, verifyTempUrl } from './tempurl-signature';
export type { HmacBodyInput, TempUrlAlgorithm, TempUrlRequest } from './tempurl-signature';
export { issueTempUrl, parseIssueExpires } from './issue-temp-url';
export type { IssueTempUrlInput, IssuedTempUrl } from './issue-temp-url';
export { TEMP_URL_METHODS, tempUrlScope } from './temp-url-scope';
export type { TempUrlScopeInput } from './temp-url-scope';
export { verifyFormPost } from './formpost-signature';
export type { FormPostCheck, FormPostFields, FormPostInput } from './formpost-signature';
export { newTempUrlKey, TEMP_URL_KEY, tempUrlKeysOf } from './temp-url-keys';
