import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n';
import { ApiError, isVersionConflict, networkError, toApiError } from './api-error';
import { describeError, describeProblem } from './error-text';

function response(status: number, headers: Record<string, string> = {}): Response {
  return new Response(null, { status, headers });
}

describe(toApiError.name, () => {
  it("keeps the envelope's code, message, details and request id", () => {
    const details = [{ field: 'username', code: 'REQUIRED', message: 'username is required' }];
    const error = toApiError(response(400), { statusCode: 400, code: 'VALIDATION_FAILED', message: 'The request has 1 invalid field.', details, requestId: 'req-1' });
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: 'The request has 1 invalid field.', details, requestId: 'req-1' });
  });

  it("makes do with status and the X-Request-Id header when the body is not the service's envelope", () => {
    const error = toApiError(response(502, { 'x-request-id': 'req-2' }), '<html>Bad Gateway</html>');
    expect(error).toMatchObject({ status: 502, code: 'INTERNAL', requestId: 'req-2' });
  });
});

describe(describeError.name, () => {
  const t = i18n.getFixedT('zh-CN');
  const en = i18n.getFixedT('en');

  it('tells the user that someone else changed the record on 412 VERSION_CONFLICT, in either language', () => {
    const conflict = new ApiError(412, 'VERSION_CONFLICT', 'Case 1 was changed by someone else (version 4, you sent 3).', 'req-3');
    expect(isVersionConflict(conflict)).toBe(true);
    expect(describeError(conflict, t)).toBe('该案件刚被其他人修改过，已为您重新加载最新内容，请核对后再操作。');
    expect(describeError(conflict, en)).toBe('Someone else has just changed this case. It has been reloaded: check it before you go on.');
  });

  it("passes on the service's own message for codes whose message is specific", () => {
    const refused = new ApiError(409, 'INVALID_TRANSITION', 'ACCEPT is not allowed in mediation.active.', 'req-4');
    expect(isVersionConflict(refused)).toBe(false);
    expect(describeError(refused, t)).toBe('ACCEPT is not allowed in mediation.active.');
  });

  it('says the service cannot be reached when the request never got an answer', () => {
    expect(describeError(networkError(new TypeError('Failed to fetch')), t)).toBe('无法连接到服务，请检查网络后重试。');
  });
});

describe(describeProblem.name, () => {
  it('words the problems it knows and passes on the others', () => {
    const t = i18n.getFixedT('zh-CN');
    expect(describeProblem({ field: 'applicants[0].idNumber', code: 'ID_CHECKSUM', message: 'idNumber check digit is wrong' }, t)).toBe('身份证号码校验位不正确');
    expect(describeProblem({ field: 'claims[0].amount', code: 'OUT_OF_RANGE', message: 'amount must not be less than 0.01' }, t)).toBe('amount must not be less than 0.01');
  });
});
