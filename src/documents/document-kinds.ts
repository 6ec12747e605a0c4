import type { CaseSource } from '../cases/machine/case.types';

/** The documents a case can print (DOMAIN §8, issue 6), as the URL names them. */
export const DOCUMENT_KINDS = ['mediation-agreement', 'court-feedback-letter', 'judicial-confirmation-application', 'acceptance-notice'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The title printed on the document and used in its file name. The feedback letter follows the court's own word for
 * the referral: 委派 before filing, 委托 after (Invited Arts.1 and 21), so a delegated case gets 委派调解反馈函.
 */
export function documentTitle(kind: DocumentKind, source: CaseSource): string {
  switch (kind) {
    case 'mediation-agreement':
      return '调解协议书';
    case 'court-feedback-letter':
      return source === 'COURT_DELEGATED' ? '委派调解反馈函' : '委托调解反馈函';
    case 'judicial-confirmation-application':
      return '司法确认申请书';
    case 'acceptance-notice':
      return '受理通知书';
  }
}

export interface DocumentFileName {
  /** ASCII only, for clients that ignore filename* (RFC 6266 §4.3). */
  readonly ascii: string;
  readonly unicode: string;
}

export function documentFileName(kind: DocumentKind, source: CaseSource, caseNumber: string): DocumentFileName {
  const asciiCaseNumber = caseNumber.replace(/[^A-Za-z0-9-]/g, '_');
  return { ascii: `${kind}-${asciiCaseNumber}.docx`, unicode: `${documentTitle(kind, source)}-${caseNumber}.docx` };
}

/**
 * `attachment` with both names: a quoted ASCII fallback and the UTF-8 name as an RFC 5987 ext-value, which percent-
 * encodes everything outside attr-char (encodeURIComponent leaves ' ( ) * unencoded, so those are added).
 */
export function contentDisposition(name: DocumentFileName): string {
  const encoded = encodeURIComponent(name.unicode).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  const quoted = name.ascii.replace(/[\\"]/g, '_');
  return `attachment; filename="${quoted}"; filename*=UTF-8''${encoded}`;
}
