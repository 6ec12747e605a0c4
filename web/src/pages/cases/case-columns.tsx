import { Flex, Tag, Typography } from 'antd';
import type { ColumnsType, SortOrder } from 'antd/es/table/interface';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { RiskTag, StateTag } from '../../cases/case-tags';
import type { CaseSummary } from '../../cases/case-vocabulary';
import type { CaseSort } from './case-list-params';

/** Table columns that the API can sort by, and the sort key each stands for. */
export const SORTABLE_COLUMNS = { caseNumber: 'caseNumber', receivedOn: 'receivedAt', riskLevel: 'riskLevel' } as const;
type SortableColumn = keyof typeof SORTABLE_COLUMNS;

function sortOrderOf(column: SortableColumn, sort: CaseSort): SortOrder {
  const key = SORTABLE_COLUMNS[column];
  if (sort === key) return 'ascend';
  if (sort === `-${key}`) return 'descend';
  return null;
}

export function caseColumns(t: TFunction, sort: CaseSort): ColumnsType<CaseSummary> {
  return [
    {
      key: 'caseNumber',
      title: t('cases.columns.caseNumber'),
      sorter: true,
      sortOrder: sortOrderOf('caseNumber', sort),
      render: (_, row) => (
        <Flex vertical>
          <Link to={`/cases/${row.id}`}>{row.caseNumber}</Link>
          {row.collective ? <Tag style={{ width: 'fit-content' }}>{t('cases.collective')}</Tag> : null}
        </Flex>
      ),
    },
    { key: 'state', title: t('cases.columns.state'), render: (_, row) => <StateTag state={row.state} /> },
    { key: 'source', title: t('cases.columns.source'), render: (_, row) => t(`caseSource.${row.source}`) },
    {
      key: 'applicant',
      title: t('cases.columns.applicant'),
      render: (_, row) =>
        row.leadApplicant ? (
          <Flex vertical>
            <span>
              {row.leadApplicant.name}
              {row.applicantCount > 1 ? ` ${t('cases.moreApplicants', { count: row.applicantCount })}` : ''}
            </span>
            <Typography.Text type="secondary">{row.leadApplicant.phone}</Typography.Text>
          </Flex>
        ) : (
          t('common.none')
        ),
    },
    { key: 'respondent', title: t('cases.columns.respondent'), dataIndex: 'respondentName', ellipsis: true },
    { key: 'workers', title: t('cases.columns.workers'), dataIndex: 'workerCount', align: 'right' },
    { key: 'claimed', title: t('cases.columns.claimed'), dataIndex: 'totalClaimed', align: 'right' },
    {
      key: 'riskLevel',
      title: t('cases.columns.risk'),
      sorter: true,
      sortOrder: sortOrderOf('riskLevel', sort),
      render: (_, row) => <RiskTag level={row.riskLevel} />,
    },
    {
      key: 'mediator',
      title: t('cases.columns.mediator'),
      render: (_, row) => row.assignedMediator?.displayName ?? <Typography.Text type="secondary">{t('cases.unassigned')}</Typography.Text>,
    },
    { key: 'receivedOn', title: t('cases.columns.receivedOn'), dataIndex: 'receivedOn', sorter: true, sortOrder: sortOrderOf('receivedOn', sort) },
  ];
}
