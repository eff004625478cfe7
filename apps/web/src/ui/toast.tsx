import { create } from 'zustand';
import { Icon } from './icons';

type Toast = { id: number; message: string; kind: 'info' | 'error' };
type ToastState = { toasts: Toast[]; push: (message: string, kind?: Toast['kind']) => void; dismiss: (id: number) => void };

let nextId = 1;
const useToasts = create<ToastState>()((set, get) => ({
  toasts: [],
  push: (message, kind = 'info') => {
    const id = nextId++;
    set((s) => ({ toasts: [...s.toasts.slice(-3), { id, message, kind }] }));
    setTimeout(() => get().dismiss(id), kind === 'error' ? 6000 : 2500);
  },
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));

export const toast = {
  info: (message: string) => useToasts.getState().push(message, 'info'),
  error: (message: string) => useToasts.getState().push(message, 'error'),
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
