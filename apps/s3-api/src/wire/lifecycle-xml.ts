// The <LifecycleConfiguration> mapping is shared with /v1_ext's XML lifecycle: it lives in @gw/http.
export { parseLifecycleXml, renderLifecycleXml } from '@gw/http';
