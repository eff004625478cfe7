import { useCallback, useEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import './expressions.css';
import { useInsertAtCursor } from '../inspector/use-insert-at-cursor';
import { applySuggestion, completionContext, suggest, type Suggestion } from './completions';
import { CompletionList, optionId } from './completion-list';
import { DataTree } from './data-tree';
import { ExpressionPreview } from './expression-preview';
import { previewTemplate } from './preview';
import { useExpressionData } from './use-expression-data';

type TextField = HTMLTextAreaElement & HTMLInputElement;

/**
 * A key typed or deleted (or a syllable being composed), as opposed to a paste, a drop or text set
 * at once, which reach the document immediately like any other discrete edit.
 */
function isKeystroke(e: Event): boolean {
  const { inputType, data } = e as InputEvent;
  if (inputType === 'insertText') return (data?.length ?? 0) <= 1;
  return inputType === 'insertCompositionText' || inputType === 'insertLineBreak' || Boolean(inputType?.startsWith('delete'));
}

/** How long typing may pause before the text reaches the document (and the canvas). */
const COMMIT_MS = 250;

/**
 * The field's text, typed locally and given to the document once typing pauses, on blur, before a
 * shortcut and at once for inserts: on a large graph each document change re-renders the canvas,
 * which must not happen per key. A change from outside (undo, a renamed node) replaces the text
 * unless the user's own edit is still on its way.
 */
function useDraftText(stored: string, onChange: (next: string) => void) {
  const [text, setText] = useState(stored);
  const latest = useRef(stored);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const commit = useCallback(() => {
    if (timer.current === null) return;
    clearTimeout(timer.current);
    timer.current = null;
    onChangeRef.current(latest.current);
  }, []);
  const edit = useCallback((next: string, now: boolean) => {
    latest.current = next;
    setText(next);
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    if (now) onChangeRef.current(next);
    else
      timer.current = setTimeout(() => {
        timer.current = null;
        onChangeRef.current(latest.current);
      }, COMMIT_MS);
  }, []);
  useEffect(() => {
    if (timer.current !== null) return;
    latest.current = stored;
    setText(stored);
  }, [stored]);
  useEffect(() => commit, [commit]);
  return { text, edit, commit };
}

type Props = {
  nodeId: string;
  id: string;
  text: string;
  onChange: (next: string) => void;
  multiline: boolean;
  className: string;
  invalid: boolean;
  placeholder?: string;
  spellCheck?: boolean;
  /** Rendered after the input, before the data tree (e.g. the field's hint). */
  children?: ReactNode;
};

/**
 * A text param that takes `{{ }}` expressions: while it is being edited it shows the data tree of
 * the upstream nodes, autocompletes inside `{{ }}` and previews the resolved value. Everything past
 * the plain input is mounted only for the field being edited, so typing elsewhere (and on a large
 * graph) costs nothing extra; the data it reads is selected so that typing does not recompute it.
 */
export function ExpressionEditor({
  nodeId,
  id,
  text: stored,
  onChange,
  multiline,
  className,
  invalid,
  placeholder,
  spellCheck,
  children,
}: Props) {
  const ref = useRef<TextField>(null);
  const { text, edit, commit } = useDraftText(stored, onChange);
  const { insert, handlers } = useInsertAtCursor(ref, text, (next) => edit(next, true));
  // The tree keeps one callback, so typing does not re-render it (it may hold thousands of rows).
  const insertRef = useRef(insert);
  insertRef.current = insert;
  const onInsert = useCallback((reference: string) => insertRef.current(reference), []);
  const [active, setActive] = useState(false);
  const [treeHidden, setTreeHidden] = useState(false);
  const [cursor, setCursor] = useState<number | null>(null);
  const [picked, setPicked] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const data = useExpressionData(nodeId, active);

  const ctx = active && cursor !== null ? completionContext(text, cursor) : null;
  const items = useMemo(
    () => (ctx && data ? suggest(ctx.typed, data.completion).filter((s) => s.apply !== ctx.typed) : []),
    [ctx?.typed, data],
  );
  const open = items.length > 0 && dismissedAt !== ctx?.from;
  const current = Math.min(picked, items.length - 1);
  const preview = useMemo(() => (data ? previewTemplate(text, data.preview, false) : null), [text, data]);
  const listId = `${id}-complete`;

  const track = () => setCursor(ref.current?.selectionStart ?? null);
  const accept = (s: Suggestion) => {
    if (!ctx) return;
    const next = applySuggestion(text, ctx, s);
    edit(next.text, true);
    setPicked(0);
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(next.cursor, next.cursor);
      setCursor(next.cursor);
    });
  };

  const onKeyDown = (e: KeyboardEvent<TextField>) => {
    if (e.nativeEvent.isComposing) return;
    // Shortcuts (save, run, undo) act on the document: give them what was just typed.
    if (e.ctrlKey || e.metaKey) commit();
    if (open) {
      if (e.key === 'ArrowDown') setPicked((current + 1) % items.length);
      else if (e.key === 'ArrowUp') setPicked((current - 1 + items.length) % items.length);
      else if (e.key === 'Enter' || e.key === 'Tab') accept(items[current]!);
      else if (e.key === 'Escape') setDismissedAt(ctx?.from ?? null);
      else return;
      e.preventDefault();
      e.stopPropagation();
    } else if (e.key === 'Escape' && !treeHidden) {
      setTreeHidden(true);
      e.stopPropagation();
    }
  };

  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    commit();
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) {
      setActive(false);
      setTreeHidden(false);
      setDismissedAt(null);
    }
  };

  const inputProps = {
    ref,
    id,
    value: text,
    className,
    placeholder,
    spellCheck,
    'aria-invalid': invalid || undefined,
    'aria-autocomplete': 'list' as const,
    'aria-controls': open ? listId : undefined,
    'aria-expanded': open,
    'aria-activedescendant': open ? optionId(listId, current) : undefined,
    role: 'combobox',
    ...handlers,
    onKeyDown,
    onSelect: track,
    onClick: track,
    onChange: (e: { target: { value: string; selectionStart: number | null }; nativeEvent: Event }) => {
      edit(e.target.value, !isKeystroke(e.nativeEvent));
      setCursor(e.target.selectionStart);
      setPicked(0);
      setDismissedAt(null);
    },
  };

  return (
    <div className={active ? 'expr-editor active' : 'expr-editor'} onFocus={() => setActive(true)} onBlur={onBlur}>
      <div className="expr-input-wrap">
        {multiline ? <textarea {...inputProps} /> : <input {...inputProps} />}
        {open && <CompletionList id={listId} items={items} active={current} onPick={accept} />}
      </div>
      {children}
      {/* A half-typed path is not an error yet while suggestions for it are open. */}
      {data && preview && !(open && preview.kind === 'error' && !preview.syntax) && (
        <ExpressionPreview preview={preview} trees={data.trees} mentionsSecrets={text.includes('secrets')} />
      )}
      {data && !treeHidden && <DataTree trees={data.trees} onInsert={onInsert} />}
    </div>
  );
}
