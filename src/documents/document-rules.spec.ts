import type { LegalDate } from '../calendar/legal-date';
import type { CaseViewer } from '../cases/case-access-rules';
import { DOCUMENT_KINDS, type DocumentKind } from './document-kinds';
import { mayGenerate, unavailableReason, type DocumentCaseFacts } from './document-rules';

const ORG = 'org-studio';
const COURT = 'org-court';
const REVIEW_COURT = 'org-review-court';
const TODAY = '2026-09-20' as LegalDate;

function facts(overrides: Partial<DocumentCaseFacts> = {}): DocumentCaseFacts {
  return {
    organizationId: ORG,
    state: 'agreement.effective',
    assignedMediatorId: 'mediator-a',
    courtOrgId: COURT,
    reviewCourtId: REVIEW_COURT,
    source: 'COURT_DELEGATED',
    acceptedOn: '2026-09-16' as LegalDate,
    hasTerms: true,
    judicialConfirmationStatus: 'NONE',
    confirmationWindowEndsOn: '2026-10-19' as LegalDate,
    ...overrides,
  };
}

const viewers: Record<string, CaseViewer> = {
  assignedMediator: { id: 'mediator-a', role: 'MEDIATOR', organizationId: ORG },
  otherMediator: { id: 'mediator-b', role: 'MEDIATOR', organizationId: ORG },
  supervisor: { id: 'supervisor', role: 'SUPERVISOR', organizationId: ORG },
  admin: { id: 'admin', role: 'ADMIN', organizationId: ORG },
  referringLiaison: { id: 'liaison-1', role: 'COURT_LIAISON', organizationId: COURT },
  reviewLiaison: { id: 'liaison-2', role: 'COURT_LIAISON', organizationId: REVIEW_COURT },
  unrelatedLiaison: { id: 'liaison-3', role: 'COURT_LIAISON', organizationId: 'org-other-court' },
  foreignSupervisor: { id: 'supervisor-2', role: 'SUPERVISOR', organizationId: 'org-other-studio' },
};

describe(mayGenerate.name, () => {
  // DOMAIN §8: the agreement only to Ma and S; the rest to the case's mediator and supervisors; the court's two
  // documents also to a linked liaison; nobody outside the case.
  const matrix: Record<string, Record<DocumentKind, boolean>> = {
    assignedMediator: { 'mediation-agreement': true, 'court-feedback-letter': true, 'judicial-confirmation-application': true, 'acceptance-notice': true },
    otherMediator: { 'mediation-agreement': false, 'court-feedback-letter': false, 'judicial-confirmation-application': false, 'acceptance-notice': false },
    supervisor: { 'mediation-agreement': true, 'court-feedback-letter': true, 'judicial-confirmation-application': true, 'acceptance-notice': true },
    admin: { 'mediation-agreement': false, 'court-feedback-letter': false, 'judicial-confirmation-application': false, 'acceptance-notice': false },
    referringLiaison: { 'mediation-agreement': false, 'court-feedback-letter': true, 'judicial-confirmation-application': true, 'acceptance-notice': false },
    reviewLiaison: { 'mediation-agreement': false, 'court-feedback-letter': true, 'judicial-confirmation-application': true, 'acceptance-notice': false },
    unrelatedLiaison: { 'mediation-agreement': false, 'court-feedback-letter': false, 'judicial-confirmation-application': false, 'acceptance-notice': false },
    foreignSupervisor: { 'mediation-agreement': false, 'court-feedback-letter': false, 'judicial-confirmation-application': false, 'acceptance-notice': false },
  };

  const cells = Object.entries(matrix).flatMap(([viewer, row]) => DOCUMENT_KINDS.map((kind) => [viewer, kind, row[kind]] as const));

  it.each(cells)('%s → %s: %s', (viewer, kind, expected) => {
    expect(mayGenerate(kind, viewers[viewer], facts())).toBe(expected);
  });

  it('lets a queue mediator of the organization print nothing of an accepted case assigned to someone else', () => {
    expect(mayGenerate('acceptance-notice', viewers.otherMediator, facts({ state: 'mediation.active' }))).toBe(false);
  });
});

describe(unavailableReason.name, () => {
  const available = (kind: DocumentKind, overrides: Partial<DocumentCaseFacts>, today = TODAY) => unavailableReason(kind, facts(overrides), today) === undefined;

  it.each([
    ['intake.registered', false],
    ['intake.awaitingConsent', true],
    ['mediation.active', true],
    ['closed.failed', true],
  ])('acceptance notice in %s: %s', (state, expected) => {
    expect(available('acceptance-notice', { state, ...(state === 'intake.registered' ? { acceptedOn: undefined } : {}) })).toBe(expected);
  });

  it('has no acceptance notice for a rejected case, which was never accepted', () => {
    expect(available('acceptance-notice', { state: 'closed.rejected', acceptedOn: undefined })).toBe(false);
  });

  it.each([
    ['mediation.active', false],
    ['agreement.signing', true],
    ['agreement.effective', true],
    ['agreement.judicialReview', true],
    ['agreement.confirmed', true],
    ['agreement.defaulted', true],
    ['closed.resolved', true],
    ['closed.referred', true],
    ['closed.failed', false],
    ['closed.withdrawn', false],
  ])('mediation agreement in %s: %s', (state, expected) => {
    expect(available('mediation-agreement', { state })).toBe(expected);
  });

  it('prints no agreement from terms that were refused or withdrawn before they took effect', () => {
    expect(available('mediation-agreement', { state: 'closed.failed', hasTerms: true })).toBe(false);
    expect(available('mediation-agreement', { state: 'agreement.signing', hasTerms: false })).toBe(false);
  });

  it.each([
    ['COURT_DELEGATED', 'closed.failed', true],
    ['COURT_ENTRUSTED', 'closed.resolved', true],
    ['COURT_DELEGATED', 'closed.withdrawn', true],
    ['COURT_DELEGATED', 'agreement.effective', false],
    ['COURT_ENTRUSTED', 'mediation.active', false],
    ['WALK_IN', 'closed.failed', false],
    ['HOTLINE', 'closed.resolved', false],
  ] as const)('feedback letter for %s in %s: %s', (source, state, expected) => {
    expect(available('court-feedback-letter', { source, state })).toBe(expected);
  });

  describe('application for judicial confirmation (CPL Art.205)', () => {
    it('exists while the agreement is effective and the 30-day window is open, to its last day', () => {
      expect(available('judicial-confirmation-application', { source: 'WALK_IN' })).toBe(true);
      expect(available('judicial-confirmation-application', { source: 'WALK_IN' }, '2026-10-19' as LegalDate)).toBe(true);
    });

    it('does not once the window has closed', () => {
      expect(available('judicial-confirmation-application', { source: 'WALK_IN' }, '2026-10-20' as LegalDate)).toBe(false);
      expect(available('judicial-confirmation-application', { source: 'WALK_IN', confirmationWindowEndsOn: undefined })).toBe(false);
    });

    it('never exists for an entrusted case, whose court issues a mediation statement instead', () => {
      expect(available('judicial-confirmation-application', { source: 'COURT_ENTRUSTED' })).toBe(false);
      expect(available('judicial-confirmation-application', { source: 'COURT_ENTRUSTED', state: 'agreement.judicialReview', judicialConfirmationStatus: 'REQUESTED' })).toBe(false);
    });

    it('stays available as the record of a filed application, even after the window', () => {
      const late = '2026-12-01' as LegalDate;
      expect(available('judicial-confirmation-application', { state: 'agreement.judicialReview', judicialConfirmationStatus: 'REQUESTED' }, late)).toBe(true);
      expect(available('judicial-confirmation-application', { state: 'agreement.confirmed', judicialConfirmationStatus: 'CONFIRMED' }, late)).toBe(true);
      expect(available('judicial-confirmation-application', { state: 'closed.resolved', judicialConfirmationStatus: 'CONFIRMED' }, late)).toBe(true);
    });

    it('does not exist before the agreement takes effect or for an application withdrawn by performance', () => {
      expect(available('judicial-confirmation-application', { state: 'agreement.signing' })).toBe(false);
      expect(available('judicial-confirmation-application', { state: 'closed.resolved', judicialConfirmationStatus: 'WITHDRAWN' })).toBe(false);
    });
  });
});
