import { ValidationError } from '../../common/errors/domain-error';
import { createValidationPipe } from '../../common/errors/validation-pipe';
import { CreateCaseDto } from './create-case.dto';

const EXAMPLE_ID = '220402199003071231';
const EXAMPLE_USCC = '91220400MA0Y123459';

function applicant(overrides: Record<string, unknown> = {}) {
  return {
    name: '张伟',
    idType: 'RESIDENT_ID',
    idNumber: EXAMPLE_ID,
    phone: '13843712345',
    employmentRelation: 'FORMER',
    employmentEndedOn: '2026-08-31',
    migrantWorker: false,
    isRepresentative: false,
    ...overrides,
  };
}

function body(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    source: 'WALK_IN',
    receivedAt: '2026-09-16T09:30:00+08:00',
    applicants: [applicant()],
    respondent: { name: '辽源市西安区某袜业有限公司', unifiedSocialCreditCode: EXAMPLE_USCC, contactPhone: '0437-3221234' },
    claims: [{ type: 'OVERTIME', amount: '18600.00', description: '加班费' }],
    workerCount: 1,
    migrantWorkers: 0,
    knewOrShouldHaveKnownAt: '2025-10-01',
    ...overrides,
  };
}

async function validate(payload: unknown): Promise<CreateCaseDto> {
  return (await createValidationPipe().transform(payload, { type: 'body', metatype: CreateCaseDto })) as CreateCaseDto;
}

async function problems(payload: unknown): Promise<{ field: string; code: string }[]> {
  try {
    await validate(payload);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return error.problems.map(({ field, code }) => ({ field, code }));
  }
  return [];
}

describe(CreateCaseDto.name, () => {
  it('accepts DOMAIN’s example resident ID and USCC', async () => {
    expect(await problems(body())).toEqual([]);
  });

  it('trims text and upper-cases a lower-case x in a resident ID', async () => {
    const dto = await validate(body({ applicants: [applicant({ name: ' 张伟 ', idNumber: '11010519491231002x' })] }));

    expect(dto.applicants[0]).toMatchObject({ name: '张伟', idNumber: '11010519491231002X' });
  });

  describe('applicants[].idNumber', () => {
    it.each([
      ['a wrong check character', '220402199003071232', 'ID_CHECKSUM'],
      ['a birth date that does not exist', '220402199002301238', 'INVALID_FORMAT'],
      ['17 characters', '22040219900307123', 'INVALID_FORMAT'],
      ['letters', '22040219900307123A', 'INVALID_FORMAT'],
    ])('refuses a resident ID with %s', async (_what, idNumber, code) => {
      expect(await problems(body({ applicants: [applicant({ idNumber })] }))).toEqual([{ field: 'applicants[0].idNumber', code }]);
    });

    it('reads the number as its idType says', async () => {
      expect(await problems(body({ applicants: [applicant({ idType: 'OTHER', idNumber: 'E12345678' })] }))).toEqual([]);
      expect(await problems(body({ applicants: [applicant({ idType: 'OTHER', idNumber: '护照' })] }))).toEqual([
        { field: 'applicants[0].idNumber', code: 'INVALID_FORMAT' },
      ]);
    });

    it('names the bad entry of a long list', async () => {
      const list = [applicant(), applicant(), applicant({ idNumber: '220402199003071232' })];
      expect(await problems(body({ applicants: list }))).toEqual([{ field: 'applicants[2].idNumber', code: 'ID_CHECKSUM' }]);
    });
  });

  describe('respondent', () => {
    it.each([
      ['a wrong check character', '91220400MA0Y123458', 'USCC_CHECKSUM'],
      ['lower case', '91220400ma0y123459', 'INVALID_FORMAT'],
      ['an O', '91220400MA0O123459', 'INVALID_FORMAT'],
    ])('refuses a USCC with %s', async (_what, unifiedSocialCreditCode, code) => {
      expect(await problems(body({ respondent: { name: '某公司', unifiedSocialCreditCode } }))).toEqual([
        { field: 'respondent.unifiedSocialCreditCode', code },
      ]);
    });

    it('requires the respondent and its name', async () => {
      const { respondent: _respondent, ...withoutRespondent } = body();
      expect(await problems(withoutRespondent)).toEqual([{ field: 'respondent', code: 'REQUIRED' }]);
      expect(await problems(body({ respondent: { address: '辽源' } }))).toEqual([{ field: 'respondent.name', code: 'REQUIRED' }]);
    });
  });

  describe('phones', () => {
    it.each(['13843712345', '0437-3221234', '04373221234', '010-12345678'])('accepts %s', async (phone) => {
      expect(await problems(body({ applicants: [applicant({ phone })] }))).toEqual([]);
    });

    it.each(['12843712345', '1384371234', '437-3221234', '+8613843712345'])('refuses %s', async (phone) => {
      expect(await problems(body({ applicants: [applicant({ phone })] }))).toEqual([{ field: 'applicants[0].phone', code: 'INVALID_FORMAT' }]);
    });
  });

  describe('claims[].amount', () => {
    it.each(['1', '12800.5', '999999999999.99'])('accepts %s', async (amount) => {
      expect(await problems(body({ claims: [{ type: 'OVERTIME', amount, description: '加班费' }] }))).toEqual([]);
    });

    it.each([
      ['a JSON number', 18600, 'INVALID_FORMAT'],
      ['three decimals', '12.345', 'INVALID_FORMAT'],
      ['thirteen digits', '1000000000000', 'INVALID_FORMAT'],
      ['a sign', '-5', 'INVALID_FORMAT'],
      ['zero', '0.00', 'OUT_OF_RANGE'],
    ])('refuses %s', async (_what, amount, code) => {
      expect(await problems(body({ claims: [{ type: 'OVERTIME', amount, description: '加班费' }] }))).toEqual([{ field: 'claims[0].amount', code }]);
    });
  });

  describe('sizes and ranges', () => {
    it.each([
      ['no applicants', { applicants: [] }, 'applicants', 'TOO_FEW'],
      ['501 applicants', { applicants: Array.from({ length: 501 }, () => applicant()) }, 'applicants', 'TOO_MANY'],
      ['no claims', { claims: [] }, 'claims', 'TOO_FEW'],
      ['51 claims', { claims: Array.from({ length: 51 }, () => ({ type: 'OTHER', description: '其他' })) }, 'claims', 'TOO_MANY'],
      ['0 workers', { workerCount: 0 }, 'workerCount', 'OUT_OF_RANGE'],
      ['a worker count in text', { workerCount: '12' }, 'workerCount', 'INVALID_FORMAT'],
      ['negative migrant workers', { migrantWorkers: -1 }, 'migrantWorkers', 'OUT_OF_RANGE'],
      ['121 months of arrears', { arrearsMonths: 121 }, 'arrearsMonths', 'OUT_OF_RANGE'],
      ['a 4-character court number', { courtCaseNumber: '1234' }, 'courtCaseNumber', 'OUT_OF_RANGE'],
      ['a 65-character court number', { courtCaseNumber: 'x'.repeat(65) }, 'courtCaseNumber', 'OUT_OF_RANGE'],
    ])('refuses %s', async (_what, overrides, field, code) => {
      expect(await problems(body(overrides))).toEqual([{ field, code }]);
    });
  });

  describe('dates and vocabularies', () => {
    it.each([
      ['a receipt time without an offset', { receivedAt: '2026-09-16T09:30:00' }, 'receivedAt'],
      ['a receipt date alone', { receivedAt: '2026-09-16' }, 'receivedAt'],
      ['a receipt on a day that does not exist', { receivedAt: '2026-02-30T09:30:00+08:00' }, 'receivedAt'],
      ['an unknown source', { source: 'EMAIL' }, 'source'],
      ['an unknown procedure', { courtProcedure: 'SUMMARY' }, 'courtProcedure'],
      ['a date in another format', { knewOrShouldHaveKnownAt: '2025/10/01' }, 'knewOrShouldHaveKnownAt'],
      ['an unknown risk flag', { riskFlags: ['ANGRY'] }, 'riskFlags'],
      ['a repeated risk flag', { riskFlags: ['HARDSHIP', 'HARDSHIP'] }, 'riskFlags'],
      ['a related case that is not a UUID', { relatedCaseId: 'LY-2026-000001' }, 'relatedCaseId'],
      ['a court that is not a UUID', { courtOrgId: '吉0402' }, 'courtOrgId'],
    ])('refuses %s as INVALID_FORMAT', async (_what, overrides, field) => {
      expect(await problems(body(overrides))).toEqual([{ field, code: 'INVALID_FORMAT' }]);
    });

    it('accepts a receipt time in UTC', async () => {
      expect(await problems(body({ receivedAt: '2026-09-15T17:30:00.000Z' }))).toEqual([]);
    });

    it.each([
      ['employmentRelation', 'RETIRED'],
      ['idType', 'PASSPORT'],
      ['migrantWorker', 'yes'],
    ])('refuses applicants[0].%s = %p', async (field, value) => {
      expect(await problems(body({ applicants: [applicant({ [field]: value })] }))).toEqual(
        expect.arrayContaining([{ field: `applicants[0].${field}`, code: 'INVALID_FORMAT' }]),
      );
    });
  });

  describe('required and unknown fields', () => {
    it.each(['source', 'receivedAt', 'applicants', 'claims', 'workerCount', 'migrantWorkers', 'knewOrShouldHaveKnownAt'])('requires %s', async (field) => {
      const payload = body();
      delete payload[field];
      expect(await problems(payload)).toEqual([{ field, code: 'REQUIRED' }]);
    });

    it.each(['name', 'idType', 'idNumber', 'phone', 'employmentRelation', 'migrantWorker', 'isRepresentative'])('requires applicants[].%s', async (field) => {
      const entry: Record<string, unknown> = applicant();
      delete entry[field];
      expect(await problems(body({ applicants: [entry] }))).toEqual(expect.arrayContaining([{ field: `applicants[0].${field}`, code: 'REQUIRED' }]));
    });

    it('refuses unknown fields at every depth', async () => {
      const payload = body({ vip: true, applicants: [applicant({ age: 30 })], claims: [{ type: 'OTHER', description: '其他', currency: 'CNY' }] });

      expect(await problems(payload)).toEqual(
        expect.arrayContaining([
          { field: 'vip', code: 'FORBIDDEN' },
          { field: 'applicants[0].age', code: 'FORBIDDEN' },
          { field: 'claims[0].currency', code: 'FORBIDDEN' },
        ]),
      );
    });

    it('answers every bad field at once, one entry each', async () => {
      const payload = body({ source: 'EMAIL', workerCount: 0, applicants: [applicant({ idNumber: '220402199003071232', phone: '123' })] });

      expect(await problems(payload)).toHaveLength(4);
    });
  });
});
