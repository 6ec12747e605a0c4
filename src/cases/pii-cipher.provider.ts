import type { Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PiiCipher } from '../common/pii/pii-cipher';

/** One PiiCipher for the application: key derivation (HKDF) runs once, at start-up. */
export const piiCipherProvider: Provider = {
  provide: PiiCipher,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => PiiCipher.fromSecret(config.piiSecret),
};
