export { canary } from './canary';
export type {
  FakeBehaviour,
  FakeDrop,
  FakeProviderServer,
  FakeRawResponse,
  FakeReply,
  FakeServerOptions,
  RecordedRequest,
} from './fakes/fake-http';
export { startFakeOpenAI, openAIResponses } from './fakes/openai';
export { startFakeAnthropic, anthropicResponses } from './fakes/anthropic';
export { startFakeGemini, geminiResponses } from './fakes/gemini';
export { CHROMIUM_FLAGS, chromiumPath } from './chromium';
