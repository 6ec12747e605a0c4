import { parseRevealField } from './reveal-field';

describe(parseRevealField.name, () => {
  it.each([
    ['applicants[0].idNumber', { kind: 'APPLICANT', position: 0, attribute: 'idNumber' }],
    ['applicants[2].phone', { kind: 'APPLICANT', position: 2, attribute: 'phone' }],
    ['applicants[499].phone', { kind: 'APPLICANT', position: 499, attribute: 'phone' }],
    ['respondent.contactPhone', { kind: 'RESPONDENT_CONTACT_PHONE' }],
  ])('reads %s', (field, target) => {
    expect(parseRevealField(field)).toEqual(target);
  });

  it.each(['applicants[0].name', 'applicants[01].phone', 'applicants[-1].phone', 'applicants.0.phone', 'respondent.name', 'respondent.contactPhone ', ''])(
    'refuses %p',
    (field) => {
      expect(parseRevealField(field)).toBeUndefined();
    },
  );
});
