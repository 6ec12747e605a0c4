import pino from 'pino';
import { Writable } from 'node:stream';
import { REDACTED_PATHS } from './logger-options';

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
});
