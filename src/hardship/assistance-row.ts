import type { AssistanceKind, AssistanceStatus } from './hardship-rules';

/** An assistance record as the reads below return it: with its case number, the worker's name and the users' names. */
export interface AssistanceRow {
  id: string;
  caseId: string;
  caseNumber: string;
  applicantPosition: number | null;
  workerName: string | null;
  kind: AssistanceKind;
  amount: string | null;
  givenOn: string;
  note: string;
  status: AssistanceStatus;
  proposedById: string;
  proposedByName: string;
  proposedAt: Date;
  decidedById: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
}

/**
 * The select behind every read, over `assistance_records r`. Only the applicant's name is joined: ID numbers and
 * phones never leave case_applicants through this module.
 */
export const ASSISTANCE_SELECT = `
  SELECT r.id, r.case_id AS "caseId", c.case_number AS "caseNumber", r.applicant_position AS "applicantPosition",
         a.name AS "workerName", r.kind, r.amount::text AS amount, r.given_on::text AS "givenOn", r.note, r.status,
         r.proposed_by AS "proposedById", pu.display_name AS "proposedByName", r.proposed_at AS "proposedAt",
         r.decided_by AS "decidedById", du.display_name AS "decidedByName", r.decided_at AS "decidedAt",
         r.decision_note AS "decisionNote"
  FROM assistance_records r
  JOIN cases c ON c.id = r.case_id AND c.organization_id = r.organization_id
  JOIN users pu ON pu.id = r.proposed_by
  LEFT JOIN users du ON du.id = r.decided_by
  LEFT JOIN case_applicants a ON a.case_id = r.case_id AND a.position = r.applicant_position`;

/** Oldest gift first; records of one day in the order they were proposed. */
export const ASSISTANCE_ORDER = 'ORDER BY r.given_on, r.proposed_at, r.id';
