import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from './notification-channel';
import { NotificationDeliveryWorker } from './notification-delivery.worker';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { WebhookChannel } from './webhook.channel';

/** The in-app outbox and its delivery to the external channels configured (NOTIFICATION_WEBHOOK_URL). */
@Module({
  controllers: [NotificationsController],
  providers: [
    {
      provide: NOTIFICATION_CHANNELS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): NotificationChannel[] => (config.notificationWebhookUrl ? [new WebhookChannel(config.notificationWebhookUrl)] : []),
    },
    NotificationsService,
    NotificationDeliveryWorker,
  ],
  exports: [NotificationsService],
})
export class NotificationsModule {}
