import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSessionState } from './use-session';

export interface LoginLocationState {
  /** Where to go back to after signing in. */
  readonly from?: string;
}

/** Renders its children while signed in; otherwise, and the moment the session ends, sends the user to sign in. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { session } = useSessionState();
  const location = useLocation();
  if (!session) {
    const state: LoginLocationState = { from: `${location.pathname}${location.search}` };
    return <Navigate to="/login" replace state={state} />;
  }
  return children;
}
