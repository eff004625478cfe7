import { request } from './http';

export type User = { id: string; email: string; name: string };
export type Workspace = { id: string; name: string; role: string; personal: boolean };
export type Me = { user: User; workspaces: Workspace[] };

export const authApi = {
  me: () => request<Me>('/api/me'),
  signup: (body: { email: string; password: string; name: string }) =>
    request<{ user: User }>('/api/auth/signup', { method: 'POST', body }),
  login: (body: { email: string; password: string }) =>
    request<{ user: User }>('/api/auth/login', { method: 'POST', body }),
  logout: () => request<void>('/api/auth/logout', { method: 'POST' }),
};
