import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';

const HOURLY = 3600 * 1000;

/**
 * Expired sessions, sign-on states and reset links are refused anyway but would pile up: they are
 * deleted once when the API starts and then every hour. The timer never keeps the process alive.
 */
export function registerExpiredCleanup(app: FastifyInstance, deps: AppDeps, everyMs = HOURLY) {
  const { repos } = deps.services;
  const sweep = async () => {
    try {
      const [sessions, logins, resets] = [
        await repos.sessions.deleteExpired(),
        await repos.oidcLogins.deleteExpired(),
        await repos.passwordResets.deleteExpired(),
      ];
      if (sessions + logins + resets > 0) app.log.info({ sessions, logins, resets }, 'expired sign-in rows deleted');
    } catch (err) {
      // A database hiccup: the next sweep tries again.
      app.log.warn({ err }, 'deleting expired sessions failed');
    }
  };
  let timer: NodeJS.Timeout | undefined;
  let first: Promise<void> | undefined;
  app.addHook('onReady', async () => {
    first = sweep();
    timer = setInterval(() => void sweep(), everyMs).unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    // Never close the database under a sweep still running.
    await first;
  });
}
