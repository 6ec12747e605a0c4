import { api } from '../api/client';
import { unwrap } from '../api/unwrap';
import { sessionStore, type Session } from './session-store';

export interface Credentials {
  readonly username: string;
  readonly password: string;
}

/** Signs in, then fetches who that is with the new token before any screen relies on the session. */
export async function signIn(credentials: Credentials): Promise<Session> {
  const login = await unwrap(api.POST('/api/auth/login', { body: credentials }));
  // Counted from before the user is fetched, so the console never believes in a token longer than the service does.
  const expiresAt = Date.now() + login.expiresIn * 1000;
  const user = await unwrap(api.GET('/api/auth/me', { headers: { authorization: `Bearer ${login.accessToken}` } }));
  const session: Session = { token: login.accessToken, expiresAt, user };
  sessionStore.start(session);
  return session;
}

export function signOut(): void {
  sessionStore.end('signedOut');
}
