import type { NotificationChannel, OutgoingNotification } from './notification-channel';

const TIMEOUT_MS = 10_000;

/**
 * POSTs each notification as JSON to a configured URL: the shape most SMS and e-mail gateways (or a small relay in
 * front of them) accept. `Idempotency-Key` carries the notification id so a gateway can drop a repeat.
 */
export class WebhookChannel implements NotificationChannel {
  readonly name = 'webhook';

  constructor(private readonly url: string) {}

  async deliver(notification: OutgoingNotification): Promise<void> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': notification.id },
      body: JSON.stringify(notification),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`webhook answered ${response.status}`);
  }
}
