export { AclService } from './acl-service';
export type { AccessTarget } from './acl-service';
export { bucketAcl, objectAcl } from './acl';
export type { Acl, AclInput, ObjectAclFields } from './acl';
export { CANNED_ACLS, cannedGrants, isCannedAcl, objectOwnerOf } from './canned-acl';
export type { AclOwners, CannedAcl } from './canned-acl';
export { MAX_ACL_GRANTS, resolveAcl } from './resolve-acl';
export { containerAclDocument, containerAclOf, parseContainerAcl } from './container-acl';
export type { ContainerAclDocument, ContainerAclGrants, PrincipalGrant, ReferrerRule } from './container-acl';
