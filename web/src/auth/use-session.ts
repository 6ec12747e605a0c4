import { useSyncExternalStore } from 'react';
import { sessionStore, type Session, type SessionState } from './session-store';

export function useSessionState(): SessionState {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.getSnapshot);
}

/** The session of a screen inside the signed-in shell, which renders only while there is one. */
export function useSession(): Session {
  const { session } = useSessionState();
  if (!session) throw new Error('useSession is for screens inside RequireSession');
  return session;
}
