import type { operations } from '../../api/schema';
import { pageFromSearch } from '../../common/page-params';

export type AuditQuery = NonNullable<operations['AuditController_list']['parameters']['query']>;
export type AuditCategory = NonNullable<AuditQuery['category']>;
export type ExportQuery = NonNullable<operations['AuditController_export']['parameters']['query']>;

const CATEGORIES: Record<AuditCategory, true> = { CASE: true, DIRECTORY: true, ACCESS: true, RISK: true, REPORT: true, SYSTEM: true };
export const AUDIT_CATEGORIES = Object.keys(CATEGORIES) as AuditCategory[];

/** Actions the service writes, offered as suggestions; the filter takes any SCREAMING_SNAKE code. */
export const KNOWN_ACTIONS = [
  'CASE_CREATED',
  'CASE_EVENT',
  'PII_REVEALED',
  'DOCUMENT_GENERATED',
  'HANDOFF_ACKNOWLEDGED',
  'DEADLINE_RECOMPUTED',
  'DEADLINE_MISSED',
  'ALERT_RAISED',
  'ALERT_LEVEL_RAISED',
  'ALERT_ESCALATED',
  'ALERT_ACKNOWLEDGED',
  'ALERT_RESOLVED',
  'RISK_SCREENING_RUN',
  'RISK_RULES_CHANGED',
  'ASSISTANCE_PROPOSED',
  'ASSISTANCE_APPROVED',
  'ASSISTANCE_REJECTED',
  'SENSITIVE_PERIOD_CREATED',
  'SENSITIVE_PERIOD_UPDATED',
  'SENSITIVE_PERIOD_DEACTIVATED',
  'USER_CREATED',
  'REPORT_EXPORTED',
  'LEDGER_EXPORTED',
  'AUDIT_EXPORTED',
  'AUDIT_VERIFIED',
  'AUDIT_CHECKPOINT_CREATED',
] as const;

export const AUDIT_PAGE_SIZES = [20, 50, 100, 200];
export const DEFAULT_AUDIT_PAGE_SIZE = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACTION = /^[A-Z][A-Z0-9_]*$/;
// The API wants an offset on every instant: the trail is UTC and the office UTC+8.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function matching(value: string | null, pattern: RegExp): string | undefined {
  return value !== null && pattern.test(value) ? value : undefined;
}

/** The trail's filters live in the address, like the case list's; values the API would refuse are dropped. */
export function auditQueryFrom(search: URLSearchParams): AuditQuery {
  const category = search.get('category') ?? '';
  const from = matching(search.get('from'), INSTANT);
  const to = matching(search.get('to'), INSTANT);
  const ordered = from === undefined || to === undefined || Date.parse(from) <= Date.parse(to);
  return {
    caseId: matching(search.get('caseId'), UUID),
    actorUserId: matching(search.get('actorUserId'), UUID),
    action: matching(search.get('action'), ACTION),
    category: Object.hasOwn(CATEGORIES, category) ? (category as AuditCategory) : undefined,
    from: ordered ? from : undefined,
    to: ordered ? to : undefined,
    ...pageFromSearch(search, AUDIT_PAGE_SIZES, DEFAULT_AUDIT_PAGE_SIZE),
  };
}

export function searchFromAuditQuery(query: AuditQuery): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || (key === 'page' && value === 1) || (key === 'pageSize' && value === DEFAULT_AUDIT_PAGE_SIZE)) continue;
    search.set(key, String(value));
  }
  return search;
}

/** What the export takes of the list's filters: the case and the time window. */
export function exportQueryOf(query: AuditQuery, format: NonNullable<ExportQuery['format']>): ExportQuery {
  return { caseId: query.caseId, from: query.from, to: query.to, format };
}
