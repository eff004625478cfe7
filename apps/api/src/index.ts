export { buildApp } from './app';
export type { AppDeps, ApiServices } from './deps';
export { HttpError } from './lib/errors';
