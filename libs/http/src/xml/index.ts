// XML of the S3 schema, shared by the dialects that speak it (S3, and /v1_ext's lifecycle).
export { childText, children, parseXml, renderXml, S3_NAMESPACE } from './xml';
export { expectOnly, integerText, optionalChild, optionalText, parseConfigDocument, requiredText, texts } from './config-xml';
export { parseLifecycleXml, renderLifecycleXml } from './lifecycle-xml';
export { completedPartsOf } from './complete-multipart-xml';
