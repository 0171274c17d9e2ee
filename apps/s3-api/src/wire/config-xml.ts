// Strict reading of configuration documents is shared with /v1_ext: it lives in @gw/http.
export { expectOnly, integerText, optionalChild, optionalText, parseConfigDocument, requiredText, texts } from '@gw/http';
