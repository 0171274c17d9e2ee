import type { Request, Response } from 'express';
import type { AccessRequest, Action, IdentityService, Principal, SignedScope, TokenService } from '@gw/auth';
import type { AccountRecord, BucketRecord, Storage } from '@gw/core';
import type { SwiftTarget } from '../request/target';

/** What the Swift app is built from. */
export interface SwiftServices {
  storage: Storage;
  identity: IdentityService;
  /** Issues and verifies the X-Auth-Tokens of the identity endpoints. */
  tokens: TokenService;
  /** PUBLIC_URL: the base of the X-Storage-Url and catalog endpoints handed to clients. */
  publicUrl: string;
}

/** One Swift request after identification, authentication and authorization. */
export interface SwiftCall {
  req: Request;
  res: Response;
  services: SwiftServices;
  target: SwiftTarget;
  query: URLSearchParams;
  principal: Principal;
  account: AccountRecord;
  /** The addressed container, loaded before authorization (absent for account calls and container PUT). */
  bucket?: BucketRecord;
  /**
   * Asks the access decision point for the operation's action on `key` of the container, with what
   * a verified signature grants; throws the refusal on a deny. For operations that authorize in run.
   */
  authorize(key: string | undefined, signedScope?: SignedScope): void;
  /** The request's access context (client address, Referer) for decisions on other targets (authorize-target.ts). */
  accessContext: AccessRequest['context'];
}

/** A Swift operation: its name, the action it needs, and how it runs. One file per operation. */
export interface SwiftOperation {
  name: string;
  action: Action;
  /** False for operations on a container that may not exist yet (container PUT). */
  needsBucket: boolean;
  /**
   * True when the credential is in the request body (FormPost): the lifecycle then neither reads
   * a token nor decides up front, and run calls `authorize` (also when the container is missing).
   */
  authorizesInRun?: boolean;
  run(call: SwiftCall): Promise<void>;
}

export const containerOf = (call: SwiftCall): BucketRecord => {
  if (!call.bucket) throw new Error(`${call.req.method} ${call.req.originalUrl}: operation needs a container`);
  return call.bucket;
};
