import { defineStore } from 'pinia';
import { api, setCsrfToken } from '../../shared/api/client';
import { run } from '../../shared/api/run';

export interface User {
  id: number; username: string; display_name: string; roles: string[]; conference_id: number; member_id?: number;
  studio_id?: number;
}

export const useSession = defineStore('session', {
  state: () => ({ user: null as User | null, checked: false }),
  getters: {
    has: (s) => (role: string) => !!s.user?.roles.includes(role),
  },
  actions: {
    async login(username: string, password: string) {
      const r = await api<{ user: User; csrf_token: string }>('POST', '/api/v1/auth/login', { username, password });
      setCsrfToken(r.csrf_token);
      this.user = r.user;
      this.checked = true;
    },
    async restore() {
      if (this.checked) return;
      // A failed /me means nobody is signed in; nothing to show.
      const r = await run(() => api<{ user: User; csrf_token?: string }>('GET', '/api/v1/me'));
      if (r?.csrf_token) setCsrfToken(r.csrf_token);
      this.user = r?.user ?? null;
      this.checked = true;
    },
    async logout() {
      try { await api('POST', '/api/v1/auth/logout', {}); } finally {
        this.user = null;
        setCsrfToken('');
      }
    },
  },
});
