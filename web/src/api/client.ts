import createClient, { type Middleware } from 'openapi-fetch';
import { sessionStore } from '../auth/session-store';
import type { paths } from './schema';

/** Every call carries the session's token unless it brings its own (sign-in fetches the user with the new one). */
const bearerToken: Middleware = {
  onRequest({ request }) {
    const token = sessionStore.getSnapshot().session?.token;
    if (token && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  async onResponse({ response }) {
    // Expired, revoked or deactivated: whatever the reason, the token is dead and the user must sign in again.
    // A wrong password at sign-in is INVALID_CREDENTIALS, not this, and there is no session to end then.
    if (response.status === 401 && sessionStore.getSnapshot().session) {
      const body = (await response.clone().json().catch(() => undefined)) as { code?: string } | undefined;
      if (body?.code === 'UNAUTHENTICATED') sessionStore.end('expired');
    }
    return response;
  },
};

/** The typed API client: paths, parameters and bodies come from schema.d.ts, generated from the service. */
export const api = createClient<paths>({ baseUrl: '' });
api.use(bearerToken);
