/** What leaves the service for an external channel: enough for a gateway to address and word a message. */
export interface OutgoingNotification {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly body: string;
  readonly caseId: string | null;
  readonly alertId: string | null;
  readonly screeningId: string | null;
  readonly createdAt: string;
  readonly recipient: { readonly id: string; readonly username: string; readonly displayName: string; readonly role: string };
}

/**
 * An external delivery channel (an SMS or e-mail gateway). `deliver` throws when the message did not get through,
 * and the delivery job is tried again; it must tolerate receiving the same notification twice (the id is stable).
 */
export interface NotificationChannel {
  readonly name: string;
  deliver(notification: OutgoingNotification): Promise<void>;
}

export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');
