import type { components } from '../api/schema';

export type User = components['schemas']['UserResponseDto'];
export type Role = User['role'];

export interface Session {
  readonly token: string;
  /** Epoch milliseconds when the token stops working: the moment the console signs the user out by itself. */
  readonly expiresAt: number;
  readonly user: User;
}

/** Why there is no session any more: the login screen tells the user. */
export type SessionEnd = 'expired' | 'signedOut';

export interface SessionState {
  readonly session: Session | null;
  readonly ended: SessionEnd | null;
}

// sessionStorage, not localStorage: the token dies with the tab, so a shared desk computer does not keep a mediator
// signed in after the browser window is closed, and each tab may hold its own account.
const STORAGE_KEY = 'tiaojie.session';

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const { token, expiresAt, user } = value as Record<string, unknown>;
  return typeof token === 'string' && typeof expiresAt === 'number' && typeof user === 'object' && user !== null;
}

function restore(now: number): SessionState {
  let stored: unknown;
  try {
    stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null');
  } catch {
    stored = null;
  }
  if (!isSession(stored)) return { session: null, ended: null };
  if (stored.expiresAt <= now) {
    sessionStorage.removeItem(STORAGE_KEY);
    return { session: null, ended: 'expired' };
  }
  return { session: stored, ended: null };
}

/** The signed-in session, kept in sessionStorage, ended by sign-out, by its expiry or by the API refusing the token. */
export class SessionStore {
  private state: SessionState;
  private readonly listeners = new Set<() => void>();
  private expiryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.state = restore(Date.now());
    this.armExpiry();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly getSnapshot = (): SessionState => this.state;

  start(session: Session): void {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    this.update({ session, ended: null });
  }

  end(reason: SessionEnd): void {
    if (this.state.session === null) return;
    sessionStorage.removeItem(STORAGE_KEY);
    this.update({ session: null, ended: reason });
  }

  private update(next: SessionState): void {
    this.state = next;
    this.armExpiry();
    for (const listener of this.listeners) listener();
  }

  private armExpiry(): void {
    clearTimeout(this.expiryTimer);
    const session = this.state.session;
    if (session) this.expiryTimer = setTimeout(() => this.end('expired'), Math.max(0, session.expiresAt - Date.now()));
  }
}

export const sessionStore = new SessionStore();
