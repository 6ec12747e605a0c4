import { maskPayload } from './mask-payload';

describe('maskPayload', () => {
  it('masks personal data at any depth and leaves everything else alone', () => {
    const masked = maskPayload({
      applicants: [{ name: '张三', idNumber: '220402199003071231', phone: '13812345678' }],
      respondent: { name: '辽源市某袜业有限公司', contactPhone: '0437-3212345' },
      amount: '12800.00',
      at: '2026-09-16',
    });
    expect(masked).toEqual({
      applicants: [{ name: '张三', idNumber: '2204**********1231', phone: '138****5678' }],
      respondent: { name: '辽源市某袜业有限公司', contactPhone: '********2345' },
      amount: '12800.00',
      at: '2026-09-16',
    });
  });

  it('masks resident IDs and mobile numbers quoted in free text, but not longer tokens that contain digits', () => {
    const masked = maskPayload({
      note: '已电话联系申请人13812345678，身份证号22040219900307123X',
      mediatorId: 'a1b2c3d4-0000-4000-8000-a13812345678',
      rulingNumber: '（2026）吉0402民特88号',
    });
    expect(masked).toEqual({
      note: '已电话联系申请人138****5678，身份证号2204**********123X',
      mediatorId: 'a1b2c3d4-0000-4000-8000-a13812345678',
      rulingNumber: '（2026）吉0402民特88号',
    });
  });

  it('does not modify its argument', () => {
    const payload = { phone: '13812345678' };
    maskPayload(payload);
    expect(payload.phone).toBe('13812345678');
  });
});
