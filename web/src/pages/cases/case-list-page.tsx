import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Empty, Flex, Table, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/unwrap';
import { useSession } from '../../auth/use-session';
import type { CaseSummary } from '../../cases/case-vocabulary';
import { ErrorAlert, ErrorResult } from '../../common/error-result';
import { caseColumns, SORTABLE_COLUMNS } from './case-columns';
import { CaseFilters } from './case-filters';
import { DEFAULT_SORT, PAGE_SIZES, queryFromSearch, searchFromQuery, type CaseListQuery, type CaseSort } from './case-list-params';

function sortFrom(sorter: SorterResult<CaseSummary> | SorterResult<CaseSummary>[]): CaseSort {
  const single = Array.isArray(sorter) ? sorter[0] : sorter;
  const key = SORTABLE_COLUMNS[single?.columnKey as keyof typeof SORTABLE_COLUMNS];
  if (!key || !single.order) return DEFAULT_SORT;
  return single.order === 'ascend' ? key : `-${key}`;
}

/** GET /api/cases: the cases the signed-in user may see, filtered, sorted and paged by the service. */
export function CaseListPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [search, setSearch] = useSearchParams();
  const query = queryFromSearch(search);
  const cases = useQuery({
    queryKey: ['cases', query],
    queryFn: () => unwrap(api.GET('/api/cases', { params: { query } })),
    // Keeps the rows on screen while the next page or filter loads, instead of flashing an empty table.
    placeholderData: keepPreviousData,
  });
  const update = (changes: Partial<CaseListQuery>) => setSearch(searchFromQuery({ ...query, ...changes }));

  return (
    <Flex vertical gap="middle">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('cases.title')}
      </Typography.Title>
      <CaseFilters query={query} showMine={user.role === 'MEDIATOR'} onChange={update} onReset={() => setSearch(new URLSearchParams())} />
      {cases.isError && cases.data ? <ErrorAlert error={cases.error} /> : null}
      {cases.isError && !cases.data ? (
        <ErrorResult error={cases.error} onRetry={() => void cases.refetch()} />
      ) : (
        <div data-testid="case-table">
          <Table<CaseSummary>
            rowKey="id"
            columns={caseColumns(t, query.sort ?? DEFAULT_SORT)}
            dataSource={cases.data?.items}
            loading={cases.isFetching}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: cases.isPending ? ' ' : <Empty description={t('cases.empty')} /> }}
            pagination={{
              current: cases.data?.page ?? query.page,
              pageSize: cases.data?.pageSize ?? query.pageSize,
              total: cases.data?.total ?? 0,
              pageSizeOptions: PAGE_SIZES,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
            }}
            onChange={(pagination, _filters, sorter, { action }) =>
              update(action === 'sort' ? { sort: sortFrom(sorter), page: 1 } : { page: pagination.current, pageSize: pagination.pageSize })
            }
          />
        </div>
      )}
    </Flex>
  );
}
