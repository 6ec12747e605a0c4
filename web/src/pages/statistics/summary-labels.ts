import type { TFunction } from 'i18next';
import type { components } from '../../api/schema';
import { isCaseSource, isCaseState, isClaimType, isRiskLevel } from '../../cases/case-vocabulary';
import { statisticsZhCN } from '../../i18n/areas/statistics';
import type { GroupBy } from './statistics-params';

export type Summary = components['schemas']['SummaryResponseDto'];
export type SummaryCounts = components['schemas']['SummaryCountsDto'];
export type SummaryGroup = components['schemas']['SummaryGroupDto'];
export type CountByKey = components['schemas']['CountByKeyDto'];

type Outcome = keyof typeof statisticsZhCN.outcome;
type DeadlineKind = keyof typeof statisticsZhCN.deadlineKind;

const isOutcome = (key: string): key is Outcome => Object.hasOwn(statisticsZhCN.outcome, key);
const isDeadlineKind = (key: string): key is DeadlineKind => Object.hasOwn(statisticsZhCN.deadlineKind, key);

// The service labels its codes in Chinese for the files it writes; on screen they take the console's language. A code
// the console does not know yet keeps the service's label rather than showing a key.

export function sourceLabel(entry: CountByKey, t: TFunction): string {
  return isCaseSource(entry.key) ? t(`caseSource.${entry.key}`) : entry.label;
}

export function claimTypeLabel(entry: CountByKey, t: TFunction): string {
  return isClaimType(entry.key) ? t(`claimType.${entry.key}`) : entry.label;
}

export function stateLabel(entry: CountByKey, t: TFunction): string {
  return isCaseState(entry.key) ? t(`caseState.${entry.key}`) : entry.label;
}

export function riskLevelLabel(entry: CountByKey, t: TFunction): string {
  return isRiskLevel(entry.key) ? t(`riskLevel.${entry.key}`) : entry.label;
}

export function deadlineKindLabel(entry: CountByKey, t: TFunction): string {
  return isDeadlineKind(entry.key) ? t(`statistics.deadlineKind.${entry.key}`) : entry.label;
}

export function groupLabel(groupBy: GroupBy, group: SummaryGroup, t: TFunction): string {
  const key = group.key;
  if (key === null) return groupBy === 'mediator' ? t('statistics.noMediator') : group.label;
  if (groupBy === 'source' && isCaseSource(key)) return t(`caseSource.${key}`);
  if (groupBy === 'claimType' && isClaimType(key)) return t(`claimType.${key}`);
  if (groupBy === 'outcome' && isOutcome(key)) return t(`statistics.outcome.${key}`);
  // Months (YYYY-MM) read the same in both languages; mediators are people's names.
  return group.label;
}
