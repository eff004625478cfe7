import { create } from 'zustand';
import { Icon } from './icons';

type Toast = { id: number; message: string; kind: 'info' | 'error'; key?: string };
type ToastState = { toasts: Toast[]; push: (message: string, kind?: Toast['kind'], key?: string) => void; dismiss: (id: number) => void };

let nextId = 1;
const useToasts = create<ToastState>()((set, get) => ({
  toasts: [],
  push: (message, kind = 'info', key) => {
    const id = nextId++;
    // A newer message about the same thing (the latest save attempt) replaces the older one, so
    // repeated attempts do not stack up over the form.
    set((s) => ({ toasts: [...s.toasts.filter((t) => !key || t.key !== key).slice(-2), { id, message, kind, key }] }));
    setTimeout(() => get().dismiss(id), kind === 'error' ? 6000 : 2500);
  },
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));

export const toast = {
  /** `key` names what the message is about; a later toast with the same key replaces it. */
  info: (message: string, key?: string) => useToasts.getState().push(message, 'info', key),
  error: (message: string, key?: string) => useToasts.getState().push(message, 'error', key),
  /** Takes back the messages about `key` (their problem is solved). */
  clear: (key: string) => useToasts.setState((s) => ({ toasts: s.toasts.filter((t) => t.key !== key) })),
};

export function Toasts() {
  const toasts = useToasts((s) => s.toasts);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast ${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'}>
          <Icon name={t.kind === 'error' ? 'alert' : 'check'} />
          {t.message}
        </div>
      ))}
    </div>
  );
}
