// The PII paths a reveal may name (DOMAIN §1): an applicant's ID number or phone, or the respondent's contact phone.

export const REVEAL_FIELD_PATTERN = /^(?:applicants\[(0|[1-9]\d{0,3})\]\.(idNumber|phone)|respondent\.contactPhone)$/;

export type RevealTarget =
  | { readonly kind: 'APPLICANT'; readonly position: number; readonly attribute: 'idNumber' | 'phone' }
  | { readonly kind: 'RESPONDENT_CONTACT_PHONE' };

export function parseRevealField(field: string): RevealTarget | undefined {
  const match = REVEAL_FIELD_PATTERN.exec(field);
  if (match === null) return undefined;
  if (match[1] === undefined) return { kind: 'RESPONDENT_CONTACT_PHONE' };
  return { kind: 'APPLICANT', position: Number(match[1]), attribute: match[2] as 'idNumber' | 'phone' };
}
