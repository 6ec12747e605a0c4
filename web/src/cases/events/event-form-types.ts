import type { ComponentType } from 'react';
import type { User } from '../../auth/session-store';
import type { CaseDetail } from '../case-vocabulary';

export type CaseEventType = CaseDetail['allowedEvents'][number];

export type FormValues = Record<string, unknown>;

/** What a form knows besides its own fields: the case as loaded, who is sending, and today's legal date. */
export interface EventFormContext {
  readonly detail: CaseDetail;
  readonly user: User;
  readonly today: string;
}

export interface EventFormSpec {
  /** The form's fields; their names are the payload's, so the service's field problems land under them. */
  readonly Fields: ComponentType<{ context: EventFormContext }>;
  /** The body without `type`. */
  readonly toPayload: (values: FormValues, context: EventFormContext) => Record<string, unknown>;
  readonly initialValues?: (context: EventFormContext) => FormValues;
  /** A long form (the agreement terms) opens in a wide drawer instead of a modal. */
  readonly wide?: boolean;
  /** The event closes the case or undoes work: its button and submit are red. */
  readonly danger?: boolean;
  /** Sent by the timers only (DEADLINE_EXPIRED): never offered as a button. */
  readonly systemOnly?: boolean;
}
