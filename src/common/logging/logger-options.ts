import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../../config/app-config';
import { maskPiiInText } from '../pii/mask-payload';

const SECRET_KEYS = ['password', 'newPassword', 'currentPassword', 'accessToken', 'token', 'idNumber', 'phone', 'contactPhone', 'bankAccount'];

/**
 * Secrets and personal data never reach the log: tokens, passwords, ID numbers, phones and bank accounts are
 * censored wherever they appear one or two levels deep in a logged object.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

// `q` searches cases by a complete ID number or phone (GET /api/cases?q=…), so its value is personal data.
const CENSORED_QUERY_PARAMETERS = new Set(['q', ...SECRET_KEYS]);

/**
 * The request URL as logged: the values of search and personal-data query parameters censored, and any resident ID
 * or mobile number elsewhere in it (a path a client built from one) masked.
 */
export function loggedUrl(url: string): string {
  const start = url.indexOf('?');
  if (start < 0) return maskPiiInText(url);
  const query = url
    .slice(start + 1)
    .split('&')
    .map((pair) => {
      const [name] = pair.split('=', 1);
      return CENSORED_QUERY_PARAMETERS.has(decodeQueryName(name)) ? `${name}=[REDACTED]` : pair;
    });
  return maskPiiInText(`${url.slice(0, start)}?${query.join('&')}`);
}

function decodeQueryName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
      // Liveness probes every few seconds would drown the log.
      autoLogging: { ignore: (req) => req.url === '/api/health' },
      customProps: () => ({ service: 'tiaojie' }),
      serializers: {
        req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
          id: req.id,
          method: req.method,
          url: loggedUrl(req.url),
          remoteAddress: req.remoteAddress,
        }),
      },
    },
  };
}
