import { useQuery } from '@tanstack/react-query';
import { AutoComplete, Button, DatePicker, Flex, Select } from 'antd';
import dayjs from 'dayjs';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/unwrap';
import { AUDIT_CATEGORIES, KNOWN_ACTIONS, type AuditCategory, type AuditQuery } from './audit-params';
import { useAuditUsers } from './audit-lookups';

/** The API takes instants with an offset; dayjs writes the browser's own (+08:00 at the office). */
const INSTANT = 'YYYY-MM-DDTHH:mm:ssZ';
const CASE_CHOICES = 10;

/** Finds a case by its number (or a party's name) and filters by its id. */
function CaseSelect({ value, onChange }: { value: string | undefined; onChange: (caseId: string | undefined) => void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const q = useDeferredValue(typed.trim());
  const found = useQuery({
    queryKey: ['cases', { q, pageSize: CASE_CHOICES }],
    queryFn: () => unwrap(api.GET('/api/cases', { params: { query: { q: q || undefined, pageSize: CASE_CHOICES } } })),
  });
  const chosen = useQuery({
    queryKey: ['case', value],
    queryFn: () => unwrap(api.GET('/api/cases/{id}', { params: { path: { id: value ?? '' } } })),
    enabled: value !== undefined,
    retry: false,
  });
  const options = (found.data?.items ?? []).map((item) => ({ value: item.id, label: item.caseNumber }));
  if (value && !options.some((option) => option.value === value)) options.unshift({ value, label: chosen.data?.caseNumber ?? value });
  return (
    <Select
      aria-label={t('audit.filters.case')}
      placeholder={t('audit.filters.casePlaceholder')}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      allowClear
      loading={found.isFetching}
      value={value}
      options={options}
      onChange={(caseId?: string) => onChange(caseId)}
      style={{ width: 220 }}
      data-testid="audit-filter-case"
    />
  );
}

interface Props {
  readonly query: AuditQuery;
  readonly onChange: (changes: Partial<AuditQuery>) => void;
  readonly onReset: () => void;
}

/** Every change starts again from page 1. */
export function AuditFilters({ query, onChange, onReset }: Props) {
  const { t } = useTranslation();
  const users = useAuditUsers();
  const change = (changes: Partial<AuditQuery>) => onChange({ ...changes, page: 1 });
  const [action, setAction] = useState(query.action ?? '');
  const applyAction = (value: string) => {
    const code = value.trim().toUpperCase();
    change({ action: /^[A-Z][A-Z0-9_]*$/.test(code) ? code : undefined });
  };
  return (
    <Flex wrap gap="middle" align="center" role="search" data-testid="audit-filters">
      <CaseSelect value={query.caseId} onChange={(caseId) => change({ caseId })} />
      <AutoComplete
        aria-label={t('audit.filters.action')}
        placeholder={t('audit.filters.actionPlaceholder')}
        allowClear
        value={action}
        options={KNOWN_ACTIONS.filter((known) => known.includes(action.toUpperCase())).map((known) => ({ value: known }))}
        onChange={setAction}
        onSelect={(value: string) => applyAction(value)}
        onClear={() => change({ action: undefined })}
        onBlur={() => applyAction(action)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') applyAction(action);
        }}
        style={{ width: 240 }}
      />
      <Select
        aria-label={t('audit.filters.actor')}
        placeholder={t('audit.filters.actor')}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        loading={users.isPending}
        value={query.actorUserId}
        options={(users.data ?? []).map((user) => ({ value: user.id, label: `${user.displayName} (${user.username})` }))}
        onChange={(actorUserId?: string) => change({ actorUserId })}
        style={{ width: 200 }}
      />
      <Select
        aria-label={t('audit.filters.category')}
        placeholder={t('audit.filters.category')}
        allowClear
        value={query.category}
        options={AUDIT_CATEGORIES.map((category) => ({ value: category, label: t(`audit.category.${category}`) }))}
        onChange={(category?: AuditCategory) => change({ category })}
        style={{ width: 170 }}
      />
      <DatePicker.RangePicker
        aria-label={t('audit.filters.period')}
        placeholder={[t('audit.filters.start'), t('audit.filters.end')]}
        showTime={{ format: 'HH:mm' }}
        format="YYYY-MM-DD HH:mm"
        value={[query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null]}
        allowEmpty={[true, true]}
        onChange={(dates) => change({ from: dates?.[0]?.format(INSTANT), to: dates?.[1]?.format(INSTANT) })}
      />
      <Button
        onClick={() => {
          setAction('');
          onReset();
        }}
      >
        {t('common.reset')}
      </Button>
    </Flex>
  );
}
