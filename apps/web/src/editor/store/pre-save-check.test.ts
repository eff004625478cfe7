import { describe, expect, it } from 'vitest';
import { createEditorStore } from './editor-store';
import { findBlocker } from './pre-save-check';
import { testCatalogue } from './testing';

const graph = {
  nodes: [{ id: 'chat1', type: 'llm.chat', version: 2, params: { prompt: 'Hi' }, position: { x: 0, y: 0 } }],
  edges: [],
};

function loaded(name = 'Bot') {
  const store = createEditorStore();
  store.getState().setCatalogue(testCatalogue);
  store
    .getState()
    .load({ id: 'b', graph, meta: { name, description: '', llmConnectionId: null, llmModelOverride: null, onFailure: null } });
  return store;
}

describe('findBlocker', () => {
  it('lets a named bot without broken inputs through', () => {
    expect(findBlocker(loaded().getState())).toBeNull();
  });

  it('names the node and field of an input that does not parse, until it is fixed or gone', () => {
    const store = loaded();
    store.getState().setDraftError('chat1', { key: 'temperature', label: 'Temperature' }, 'Enter a number.');
    expect(findBlocker(store.getState())).toEqual({ message: 'LLM chat → Temperature: Enter a number.', nodeId: 'chat1' });
    store.getState().setDraftError('chat1', { key: 'temperature', label: 'Temperature' }, null);
    expect(findBlocker(store.getState())).toBeNull();
    store.getState().setDraftError('chat1', { key: 'temperature', label: 'Temperature' }, 'Enter a number.');
    store
      .getState()
      .load({ id: 'b', graph, meta: { name: 'Bot', description: '', llmConnectionId: null, llmModelOverride: null, onFailure: null } });
    expect(store.getState().draftErrors).toEqual({});
  });

  it('asks for a name and points at the name field', () => {
    expect(findBlocker(loaded('  ').getState())).toEqual({ message: 'Give the bot a name first.', focusId: 'bot-meta-name' });
  });
});
