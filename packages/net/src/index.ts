export { isPublicAddress } from './address';
export { parseAllowedPrivateHosts, type AllowRule } from './allowlist';
export { readBodyCapped, type BodyLike } from './body';
export { createGuardedDispatcher, type GuardedDispatcherOptions } from './dispatcher';
export { OutboundBlockedError, ResponseTooLargeError, TooManyRedirectsError, type OutboundBlockedDetails } from './errors';
export { createGuardedFetch, type GuardedFetchOptions } from './fetch';
export {
  assertUrlAllowed,
  createOutboundPolicy,
  isAddressAllowed,
  type AddressVerdict,
  type CreateOutboundPolicyOptions,
  type OutboundPolicy,
  type ResolvedAddress,
  type Resolver,
} from './policy';
