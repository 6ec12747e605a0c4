import { ExclamationCircleTwoTone } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/unwrap';
import { caseQueryKey } from '../../../cases/events/send-case-event';
import { ErrorAlert } from '../../../common/error-result';

/** GET /api/cases/:id/routes: which enforcement routes are open today and how long each stays open (DOMAIN §6). */
export function RoutesPanel({ caseId, version }: { caseId: string; version: number }) {
  const { t } = useTranslation();
  const routes = useQuery({
    queryKey: [...caseQueryKey(caseId, 'routes'), version],
    queryFn: () => unwrap(api.GET('/api/cases/{id}/routes', { params: { path: { id: caseId } } })),
  });
  return (
    <Card size="small" title={t('caseFile.routes.title')} extra={routes.data ? <Typography.Text type="secondary">{t('caseFile.routes.asOf', { date: routes.data.asOf })}</Typography.Text> : null} data-testid="routes-panel">
      {routes.isPending ? <Skeleton active /> : null}
      {routes.isError ? <ErrorAlert error={routes.error} /> : null}
      {routes.data ? (
        <Flex vertical gap="small">
          {[...routes.data.routes]
            .sort((a, b) => Number(b.open) - Number(a.open))
            .map((route) => (
              <Flex key={route.route} vertical gap={2} data-testid={`route-${route.route}`} style={{ opacity: route.open ? 1 : 0.65 }}>
                <Flex gap="small" align="center" wrap>
                  <Typography.Text strong>{t(`caseFile.route.${route.route}`)}</Typography.Text>
                  <Tag color={route.open ? 'green' : 'default'}>{route.open ? t('caseFile.routes.open') : t('caseFile.routes.closed')}</Tag>
                  {route.deadlineOn ? (
                    <Typography.Text>
                      {t('caseFile.routes.deadlineOn')} {route.deadlineOn}
                    </Typography.Text>
                  ) : null}
                  {route.daysLeft !== undefined ? <Tag color={route.daysLeft <= 3 ? 'gold' : 'blue'}>{t('caseFile.routes.daysLeft', { count: route.daysLeft })}</Tag> : null}
                  {route.calendarVerified ? null : (
                    <Tooltip title={t('caseFile.deadlines.unverified')}>
                      <ExclamationCircleTwoTone twoToneColor="#faad14" aria-label={t('caseFile.deadlines.unverified')} />
                    </Tooltip>
                  )}
                </Flex>
                <Typography.Text type="secondary">
                  {route.reason} · {t('caseFile.routes.basis')}: {route.basis}
                </Typography.Text>
                {route.ifInterruptedDueOn ? <Typography.Text type="secondary">{t('caseFile.routes.possibly', { date: route.ifInterruptedDueOn })}</Typography.Text> : null}
                {route.notes.map((note) => (
                  <Typography.Text key={note} type="secondary" style={{ fontSize: 12 }}>
                    · {note}
                  </Typography.Text>
                ))}
              </Flex>
            ))}
        </Flex>
      ) : null}
    </Card>
  );
}
