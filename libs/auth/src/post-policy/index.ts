// Browser-based uploads (POST Object): the policy document a form carries, its signature
// (SigV4 or SigV2), and the check of a form against it. Pure functions over the form's fields.
export { parsePostPolicy, type PostPolicy, type PolicyCondition } from './post-policy';
export { checkPostPolicy, type ContentLengthRange } from './check-post-policy';
export { readPostCredentials, verifyPostSignature, type PostCredentials } from './post-signature';
export { signPostPolicy, type SignPostPolicyInput } from './sign-post-policy';
