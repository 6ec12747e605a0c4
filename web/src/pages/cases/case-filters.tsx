import { Button, Flex, Input, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CASE_SOURCES, CASE_STATE_GROUPS, RISK_LEVELS, statesOfGroup } from '../../cases/case-vocabulary';
import type { CaseListQuery } from './case-list-params';

interface Props {
  readonly query: CaseListQuery;
  /** Only mediators have cases assigned to them. */
  readonly showMine: boolean;
  readonly onChange: (changes: Partial<CaseListQuery>) => void;
  readonly onReset: () => void;
}

/** Every change starts again from page 1; the search box searches on Enter or its button. */
export function CaseFilters({ query, showMine, onChange, onReset }: Props) {
  const { t } = useTranslation();
  const change = (changes: Partial<CaseListQuery>) => onChange({ ...changes, page: 1 });
  const stateOptions = CASE_STATE_GROUPS.map((group) => ({
    label: t(`cases.stateGroup.${group}`),
    options: [
      { value: group, label: `${t(`cases.stateGroup.${group}`)} · ${t('common.all')}` },
      ...statesOfGroup(group).map((state) => ({ value: state, label: t(`caseState.${state}`) })),
    ],
  }));
  return (
    <Flex wrap gap="middle" align="center" role="search" data-testid="case-filters">
      <Input.Search
        key={query.q ?? ''}
        defaultValue={query.q}
        placeholder={t('cases.searchPlaceholder')}
        aria-label={t('common.search')}
        enterButton={t('common.search')}
        allowClear
        onSearch={(value) => change({ q: value.trim() || undefined })}
        style={{ width: 420, maxWidth: '100%' }}
      />
      <Select
        aria-label={t('cases.filterState')}
        placeholder={t('cases.filterState')}
        allowClear
        value={query.state}
        options={stateOptions}
        onChange={(state?: string) => change({ state })}
        style={{ width: 200 }}
        data-testid="filter-state"
      />
      <Select
        aria-label={t('cases.filterSource')}
        placeholder={t('cases.filterSource')}
        allowClear
        value={query.source}
        options={CASE_SOURCES.map((source) => ({ value: source, label: t(`caseSource.${source}`) }))}
        onChange={(source?: CaseListQuery['source']) => change({ source })}
        style={{ width: 180 }}
      />
      <Select
        aria-label={t('cases.filterRisk')}
        placeholder={t('cases.filterRisk')}
        allowClear
        value={query.riskLevel}
        options={RISK_LEVELS.map((level) => ({ value: level, label: t(`riskLevel.${level}`) }))}
        onChange={(riskLevel?: CaseListQuery['riskLevel']) => change({ riskLevel })}
        style={{ width: 140 }}
      />
      <Flex align="center" gap="small">
        <Switch id="cases-open" checked={query.open === true} onChange={(open) => change({ open: open || undefined })} data-testid="filter-open" />
        <Typography.Text>
          <label htmlFor="cases-open">{t('cases.openOnly')}</label>
        </Typography.Text>
      </Flex>
      {showMine ? (
        <Flex align="center" gap="small">
          <Switch id="cases-mine" checked={query.mine === true} onChange={(mine) => change({ mine: mine || undefined })} />
          <Typography.Text>
            <label htmlFor="cases-mine">{t('cases.mine')}</label>
          </Typography.Text>
        </Flex>
      ) : null}
      <Button onClick={onReset}>{t('common.reset')}</Button>
    </Flex>
  );
}
