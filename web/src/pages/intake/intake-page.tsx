import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/unwrap';
import { ErrorAlert } from '../../common/error-result';
import { IntakeForm } from './intake-form';
import type { CreateCaseBody } from './intake-values';

/**
 * 登记 (POST /api/cases): a mediator or supervisor registers a walk-in worker, a hotline call, a court's file or a
 * collective dispute, and lands on the new case.
 */
export function IntakePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const courts = useQuery({
    queryKey: ['organizations', { kind: 'COURT' }],
    queryFn: () => unwrap(api.GET('/api/organizations', { params: { query: { kind: 'COURT' } } })),
    staleTime: Infinity,
  });

  const create = async (body: CreateCaseBody) => {
    const created = await unwrap(api.POST('/api/cases', { body }));
    // The desk, the list and the queue all gain a case.
    void client.invalidateQueries({ queryKey: ['cases'] });
    void client.invalidateQueries({ queryKey: ['deadlines'] });
    void message.success(t('intake.submitted', { caseNumber: created.caseNumber }));
    await navigate(`/cases/${created.id}`);
  };

  return (
    <Flex vertical gap="middle" style={{ maxWidth: 1200 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('intake.title')}
      </Typography.Title>
      {courts.isError ? <ErrorAlert error={courts.error} /> : null}
      <IntakeForm courts={courts.data ?? []} courtsLoading={courts.isPending} onSubmit={create} />
    </Flex>
  );
}
