export { isPublicAddress } from './address';
export { parseAllowedPrivateHosts, type AllowRule } from './allowlist';
export { readBodyCapped, readTextCapped, capResponse, type BodyLike } from './body';
export { createGuardedDispatcher, type GuardedDispatcherOptions } from './dispatcher';
export {
  ALLOWED_PRIVATE_HOSTS_ENV,
  OutboundBlockedError,
  ResponseTooLargeError,
  TooManyRedirectsError,
  type OutboundBlockedDetails,
} from './errors';
export { createGuardedFetch, type GuardedFetchOptions } from './fetch';
export {
  assertAddressesAllowed,
  assertUrlAllowed,
  createOutboundPolicy,
  isAddressAllowed,
  systemResolver,
  type AddressVerdict,
  type CreateOutboundPolicyOptions,
  type OutboundPolicy,
  type ResolvedAddress,
  type Resolver,
} from './policy';
