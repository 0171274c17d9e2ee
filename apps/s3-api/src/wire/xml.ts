// The S3 XML reader and writer are shared with /v1_ext: they live in @gw/http.
export { childText, children, parseXml, renderXml, S3_NAMESPACE } from '@gw/http';
