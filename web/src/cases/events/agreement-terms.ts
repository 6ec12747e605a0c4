import { fromFen, isAmount, toFen } from './money';

// The agreement terms of REACH_AGREEMENT (DOMAIN §3 termsValid) as the form holds them, and the checks the console
// makes before sending: the service makes them too (a wrong shape is 400, a broken rule 422), but a desk should
// see a schedule that does not add up while typing it, not after a round trip.

export const AGREEMENT_ITEM_KINDS = ['WAGES', 'WORK_INJURY_MEDICAL', 'ECONOMIC_COMPENSATION', 'DAMAGES', 'SOCIAL_INSURANCE', 'OTHER_MONEY', 'NON_MONETARY'] as const;
export type AgreementItemKind = (typeof AGREEMENT_ITEM_KINDS)[number];

export const MAX_ITEMS = 50;
export const MAX_INSTALMENTS = 36;

export interface TermsItemDraft {
  readonly kind?: AgreementItemKind;
  readonly description?: string;
  readonly amount?: string;
}

export interface InstalmentDraft {
  /** YYYY-MM-DD */
  readonly dueOn?: string;
  readonly amount?: string;
}

export interface TermsDraft {
  readonly facts?: string;
  readonly disputedMatters?: string;
  readonly items?: readonly (TermsItemDraft | undefined)[];
  readonly schedule?: readonly (InstalmentDraft | undefined)[];
  readonly waiverOfOtherClaims?: boolean;
  readonly defaultClause?: string;
  readonly collectiveConsentRecorded?: boolean;
}

/** The `terms` of the REACH_AGREEMENT body. */
export interface AgreementTermsPayload {
  facts: string;
  disputedMatters: string;
  items: { kind: AgreementItemKind; description: string; amount?: string }[];
  schedule: { no: number; dueOn: string; amount: string }[];
  waiverOfOtherClaims: boolean;
  defaultClause?: string;
  collectiveConsentRecorded?: boolean;
}

export function isMoneyKind(kind: AgreementItemKind | undefined): boolean {
  return kind !== undefined && kind !== 'NON_MONETARY';
}

export interface TermsTotals {
  /** The sum of the money items: what the schedule must add up to. */
  readonly agreedTotal: string;
  readonly scheduledTotal: string;
  /** agreedTotal − scheduledTotal; "0.00" when the schedule adds up. */
  readonly difference: string;
  readonly balanced: boolean;
}

export function termsTotals(draft: TermsDraft): TermsTotals {
  const agreed = (draft.items ?? []).reduce((sum, item) => sum + (item && isMoneyKind(item.kind) ? toFen(item.amount) : 0n), 0n);
  const scheduled = (draft.schedule ?? []).reduce((sum, row) => sum + toFen(row?.amount), 0n);
  return { agreedTotal: fromFen(agreed), scheduledTotal: fromFen(scheduled), difference: fromFen(agreed - scheduled), balanced: agreed === scheduled };
}

/** What is wrong with one item's amount, as a message key of `caseFile.terms`; undefined when nothing is. */
export function itemAmountProblem(item: TermsItemDraft | undefined): 'amountRequired' | 'amountForbidden' | 'moneyFormat' | undefined {
  const amount = item?.amount?.trim() ?? '';
  if (!isMoneyKind(item?.kind)) return item?.kind === 'NON_MONETARY' && amount !== '' ? 'amountForbidden' : undefined;
  if (amount === '') return 'amountRequired';
  return isAmount(amount) ? undefined : 'moneyFormat';
}

export function instalmentAmountProblem(amount: string | undefined): 'amountRequired' | 'moneyFormat' | undefined {
  const value = amount?.trim() ?? '';
  if (value === '') return 'amountRequired';
  return isAmount(value) ? undefined : 'moneyFormat';
}

/** Due dates strictly increase and none is before today (legal dates compare as strings). */
export function dueOnProblem(schedule: TermsDraft['schedule'], index: number, today: string): 'notBeforeToday' | 'datesIncreasing' | undefined {
  const dueOn = schedule?.[index]?.dueOn;
  if (!dueOn) return undefined;
  if (dueOn < today) return 'notBeforeToday';
  const previous = schedule?.[index - 1]?.dueOn;
  return index > 0 && previous && dueOn <= previous ? 'datesIncreasing' : undefined;
}

function trimmedOrUndefined(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** The body's `terms`: instalments numbered 1, 2, 3 in order, amounts trimmed, a non-monetary item without one. */
export function toTermsPayload(draft: TermsDraft, collective: boolean): AgreementTermsPayload {
  const defaultClause = trimmedOrUndefined(draft.defaultClause);
  return {
    facts: draft.facts?.trim() ?? '',
    disputedMatters: draft.disputedMatters?.trim() ?? '',
    items: (draft.items ?? []).filter((item): item is TermsItemDraft => item !== undefined).map((item) => {
      const kind = item.kind ?? 'OTHER_MONEY';
      const amount = trimmedOrUndefined(item.amount);
      return { kind, description: item.description?.trim() ?? '', ...(isMoneyKind(kind) && amount !== undefined ? { amount } : {}) };
    }),
    schedule: (draft.schedule ?? [])
      .filter((row): row is InstalmentDraft => row !== undefined)
      .map((row, index) => ({ no: index + 1, dueOn: row.dueOn ?? '', amount: row.amount?.trim() ?? '' })),
    waiverOfOtherClaims: draft.waiverOfOtherClaims === true,
    ...(defaultClause === undefined ? {} : { defaultClause }),
    ...(collective ? { collectiveConsentRecorded: draft.collectiveConsentRecorded === true } : {}),
  };
}
