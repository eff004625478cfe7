export * from './config';
export * from './services';
export * from './llm-store';
export * from './rotate-keys';
export * from './validate-bot';
export * from './secret-store';
