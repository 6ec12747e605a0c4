import pino from 'pino';
import { Writable } from 'node:stream';
import { loggedUrl, REDACTED_PATHS } from './logger-options';

function capture(): { stream: Writable; lines: () => string } {
  let out = '';
  return {
    stream: new Writable({ write: (chunk: Buffer, _enc, done) => ((out += chunk.toString()), done()) }),
    lines: () => out,
  };
}

describe('log redaction', () => {
  it('censors tokens, passwords, ID numbers and phones wherever they are logged', () => {
    const sink = capture();
    const logger = pino({ redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' } }, sink.stream);
    logger.info({
      req: { headers: { authorization: 'Bearer eyJhbGciOi.secret.sig' } },
      body: { username: 'wangjh', password: 'hunter2hunter2' },
      applicant: { name: '张三', idNumber: '220402199003071231', phone: '13812345678' },
      accessToken: 'eyJ.the.token',
    });
    const line = sink.lines();
    for (const secret of ['eyJhbGciOi', 'hunter2hunter2', '220402199003071231', '13812345678', 'eyJ.the.token']) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('wangjh');
    expect(line).toContain('[REDACTED]');
  });

  it('censors the search term, personal-data query parameters and ID numbers in a logged URL, keeping the rest', () => {
    expect(loggedUrl('/api/cases?q=220402199003071231&pageSize=100')).toBe('/api/cases?q=[REDACTED]&pageSize=100');
    expect(loggedUrl('/api/cases?state=intake&%71=13812345678&phone=13812345678')).toBe('/api/cases?state=intake&%71=[REDACTED]&phone=[REDACTED]');
    expect(loggedUrl('/api/cases/6f9c2b1e-3d4a-4c5b-8e7f-0a1b2c3d4e5f?page=2')).toBe('/api/cases/6f9c2b1e-3d4a-4c5b-8e7f-0a1b2c3d4e5f?page=2');
    expect(loggedUrl('/api/cases/220402199003071231')).toBe('/api/cases/2204**********1231');
  });
});
