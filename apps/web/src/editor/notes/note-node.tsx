import { NodeResizer, type NodeProps } from '@xyflow/react';
import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import Markdown from 'react-markdown';
import { useReadOnly } from '../hooks/read-only';
import { editorStore } from '../store/editor-store';
import type { NoteColor, NoteFlowNode } from '../store/flow-types';
import './notes.css';

/** The schema's colours, in the order offered, with their names. */
const COLOR_LABEL = {
  yellow: 'editor:notes.colors.yellow',
  blue: 'editor:notes.colors.blue',
  green: 'editor:notes.colors.green',
  pink: 'editor:notes.colors.pink',
  grey: 'editor:notes.colors.grey',
} as const satisfies Record<NoteColor, string>;
export const NOTE_COLORS = Object.keys(COLOR_LABEL) as NoteColor[];

/** A sticky note: markdown shown rendered, edited in place (double-click or Enter), resized by its corners. */
function NoteNodeView({ id, data, selected }: NodeProps<NoteFlowNode>) {
  const { t } = useTranslation();
  const readOnly = useReadOnly();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(data.text);
  const area = useRef<HTMLTextAreaElement>(null);
  const color = data.color ?? 'yellow';

  useEffect(() => {
    if (editing) area.current?.focus();
  }, [editing]);

  const start = () => {
    if (readOnly) return;
    setDraft(data.text);
    setEditing(true);
  };
  const finish = () => {
    setEditing(false);
    if (draft !== data.text) editorStore.getState().updateNote(id, { text: draft });
  };
  const onCardKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !editing && e.target === e.currentTarget) {
      e.preventDefault();
      start();
    }
  };
  const onAreaKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // The canvas must not take these (Backspace would delete the note, arrows would move it).
    e.stopPropagation();
    if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
      e.preventDefault();
      finish();
    }
  };

  return (
    <div
      className={`sticky-note note-${color}${selected ? ' selected' : ''}`}
      data-note-id={id}
      tabIndex={0}
      role="group"
      aria-label={t('editor:notes.label')}
      onDoubleClick={start}
      onKeyDown={onCardKey}
    >
      {!readOnly && (
        <NodeResizer isVisible={selected} minWidth={120} minHeight={80} onResizeStart={() => editorStore.getState().checkpoint()} />
      )}
      {selected && !readOnly && !editing && (
        <div className="note-tools nodrag" role="toolbar" aria-label={t('editor:notes.tools')}>
          {NOTE_COLORS.map((c) => (
            <button
              key={c}
              type="button"
              className={`note-swatch note-${c}`}
              aria-label={t(COLOR_LABEL[c])}
              title={t(COLOR_LABEL[c])}
              aria-pressed={c === color}
              onClick={() => editorStore.getState().updateNote(id, { color: c })}
            />
          ))}
          <button type="button" className="note-tool" onClick={start}>
            {t('editor:notes.edit')}
          </button>
          <button type="button" className="note-tool" onClick={() => editorStore.getState().deleteNotes([id])}>
            {t('editor:notes.delete')}
          </button>
        </div>
      )}
      {editing ? (
        <textarea
          ref={area}
          className="note-editor nodrag nowheel"
          value={draft}
          aria-label={t('editor:notes.text')}
          placeholder={t('editor:notes.placeholder')}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={finish}
          onKeyDown={onAreaKey}
        />
      ) : (
        <div className="note-body nowheel" translate="no">
          {data.text.trim() ? (
            // react-markdown never renders raw HTML (skipHtml drops it): a note cannot inject markup.
            <Markdown skipHtml>{data.text}</Markdown>
          ) : (
            <span className="note-empty">{readOnly ? '' : t('editor:notes.empty')}</span>
          )}
        </div>
      )}
    </div>
  );
}

export const NoteNode = memo(NoteNodeView);
NoteNode.displayName = 'NoteNode';
