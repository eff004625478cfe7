export type { ChatMessage, ListModelsInput, LlmResult, LlmUsage, Provider, ProviderCallInput, ProviderDeps, Purpose } from './types';
export { LlmError, isLlmError, type LlmErrorCode, type LlmErrorOptions } from './errors';
export { callProvider, listProviderModels } from './call-provider';
export {
  contentFiltered,
  httpFailureToError,
  invalidJson,
  missingKey,
  schemaMismatch,
  timeoutError,
  transportFailureToError,
  wrongShape,
  type CallContext,
  type HttpFailure,
} from './failures';
export {
  connectionUsableBy,
  createLlmService,
  type CallLlmRequest,
  type LlmConnectionRecord,
  type LlmService,
  type LlmServiceDeps,
  type LlmStore,
  type TestConnectionResult,
} from './call-llm';
export { connectionKeyDecrypter } from './connection-key';
export {
  PRICE_SOURCE,
  priceFor,
  callCost,
  costOf,
  listPrices,
  pricesOf,
  type ModelPrice,
  type PriceUsed,
  type ListedPrice,
} from './pricing';
export { estimateCallUsd, estimateTokens, countInputTokens, DEFAULT_OUTPUT_RESERVATION } from './estimate';
export { MAX_IMAGES, MAX_IMAGE_BYTES, describeImage, parseImages, type ImageInput, type ImageMimeType, type ImageProblem } from './images';
export {
  checkResponseSchema,
  isStrictCompatible,
  validateAgainstSchema,
  type ResponseSchema,
  type SchemaCheck,
  type SchemaProblem,
} from './response-schema';
