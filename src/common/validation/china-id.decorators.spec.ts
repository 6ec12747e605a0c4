import { IsOptional, validate } from 'class-validator';
import { toFieldProblems } from '../errors/validation-pipe';
import { IsMoney, IsPhone, IsResidentId, IsUscc } from './china-id.decorators';

class ApplicantInput {
  @IsResidentId({ today: () => '2026-09-15' })
  idNumber: unknown;

  @IsPhone()
  phone: unknown = '13812345678';

  @IsOptional()
  @IsUscc()
  employerCode?: unknown;

  @IsOptional()
  @IsMoney()
  amount?: unknown;
}

/** What the global validation pipe would answer, with its options. */
async function problemsFor(fields: Partial<ApplicantInput>): Promise<{ field: string; code: string; message: string }[]> {
  const input = Object.assign(new ApplicantInput(), { idNumber: '220402199003071231' }, fields);
  const errors = await validate(input, { stopAtFirstError: true, validationError: { target: false, value: true } });
  return toFieldProblems(errors);
}

async function codesFor(fields: Partial<ApplicantInput>): Promise<string[]> {
  return (await problemsFor(fields)).map(({ field, code }) => `${field}:${code}`);
}

describe('china id decorators', () => {
  it('accepts valid values', async () => {
    await expect(
      problemsFor({ idNumber: '22040219900307108x', phone: '0437-3221234', employerCode: '91220400MA0Y123459', amount: '12800.00' }),
    ).resolves.toEqual([]);
  });

  describe(IsResidentId.name, () => {
    it.each([
      { problem: 'a wrong check character', idNumber: '220402199003071232', code: 'ID_CHECKSUM' },
      { problem: 'a wrong length', idNumber: '22040219900307123', code: 'INVALID_FORMAT' },
      { problem: 'an impossible birth date', idNumber: '220402199002301234', code: 'INVALID_FORMAT' },
      { problem: 'a birth date after today', idNumber: '220402202609161236', code: 'INVALID_FORMAT' },
      { problem: 'a number', idNumber: 220402199003071230, code: 'INVALID_FORMAT' },
    ])('answers $problem with $code', async ({ idNumber, code }) => {
      await expect(codesFor({ idNumber })).resolves.toEqual([`idNumber:${code}`]);
    });

    it('uses the today it is given for the birth date', async () => {
      class LaterInput {
        @IsResidentId({ today: () => '2026-09-16' })
        idNumber = '220402202609161236';
      }
      await expect(validate(new LaterInput())).resolves.toEqual([]);
    });

    it('explains the problem without repeating the ID', async () => {
      const [checksum] = await problemsFor({ idNumber: '220402199003071232' });
      const [birthDate] = await problemsFor({ idNumber: '220402199002301234' });
      expect(checksum.message).toMatch(/check character/);
      expect(birthDate.message).toMatch(/birth date/);
      expect(`${checksum.message} ${birthDate.message}`).not.toMatch(/2204021990/);
    });
  });

  describe(IsUscc.name, () => {
    it.each([
      { problem: 'a wrong check character', employerCode: '91220400MA0Y123458', code: 'USCC_CHECKSUM' },
      { problem: 'a wrong length', employerCode: '91220400MA0Y12345', code: 'INVALID_FORMAT' },
      { problem: 'lower case', employerCode: '91220400ma0y123459', code: 'INVALID_FORMAT' },
    ])('answers $problem with $code', async ({ employerCode, code }) => {
      await expect(codesFor({ employerCode })).resolves.toEqual([`employerCode:${code}`]);
    });
  });

  describe(IsPhone.name, () => {
    it('answers a malformed phone with INVALID_FORMAT and no digits of it', async () => {
      const problems = await problemsFor({ phone: '1991234567' });
      expect(problems).toEqual([{ field: 'phone', code: 'INVALID_FORMAT', message: expect.not.stringContaining('1991234567') }]);
    });
  });

  describe(IsMoney.name, () => {
    it.each([
      { problem: 'a JSON number', amount: 12800, code: 'INVALID_FORMAT', message: /JSON numbers are refused/ },
      { problem: 'three decimals', amount: '1.005', code: 'INVALID_FORMAT', message: /2 decimals/ },
      { problem: 'zero', amount: '0.00', code: 'OUT_OF_RANGE', message: /greater than 0/ },
    ])('answers $problem with $code', async ({ amount, code, message }) => {
      await expect(problemsFor({ amount })).resolves.toEqual([{ field: 'amount', code, message: expect.stringMatching(message) }]);
    });
  });

  it('keeps its code when the caller adds a context or overrides the message', async () => {
    class Custom {
      @IsUscc({ context: { code: 'SOMETHING_ELSE', extra: 1 }, message: 'employer code is wrong' })
      code = '91220400MA0Y123458';
    }
    const [error] = await validate(new Custom());
    expect(error.contexts).toEqual({ usccChecksum: { code: 'USCC_CHECKSUM', extra: 1 } });
    expect(error.constraints).toEqual({ usccChecksum: 'employer code is wrong' });
  });
});
