export * from './shared';
export * from './activities';
export * from './client';
export * from './dev-server';
