export { buildApp, type AppDeps } from './app';
export { HttpError } from './lib/errors';
