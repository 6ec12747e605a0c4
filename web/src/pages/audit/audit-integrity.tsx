import { CheckCircleFilled, CloseCircleFilled, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { hasCode } from '../../api/api-error';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { unwrap } from '../../api/unwrap';
import { useSession } from '../../auth/use-session';
import { ErrorAlert } from '../../common/error-result';

const VERIFY = ['audit', 'verify'] as const;
const LATEST_CHECKPOINT = ['audit', 'checkpoint', 'latest'] as const;

function Hash({ value }: { value: string }) {
  return (
    <Typography.Text code copyable style={{ wordBreak: 'break-all', fontSize: 12 }}>
      {value}
    </Typography.Text>
  );
}

/**
 * GET /api/audit/verify: every chain in scope walked and re-hashed. Each verification is itself audited, so it runs
 * once when the screen opens and again only when asked.
 */
function useVerification() {
  return useQuery({
    queryKey: VERIFY,
    queryFn: () => unwrap(api.GET('/api/audit/verify')),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

type VerificationQuery = ReturnType<typeof useVerification>;
type CheckpointAnchor = components['schemas']['CheckpointAnchorDto'];

function Verification({ verify }: { verify: VerificationQuery }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const again = (
    <Button icon={<SafetyCertificateOutlined />} loading={verify.isFetching} onClick={() => void verify.refetch()} data-testid="verify-again">
      {t('audit.verify.again')}
    </Button>
  );
  let body;
  if (verify.isPending) body = <Skeleton active paragraph={{ rows: 2 }} />;
  else if (verify.isError) body = <ErrorAlert error={verify.error} />;
  else {
    const { ok, checked, firstBroken, checkpointBroken } = verify.data;
    const details = [
      firstBroken
        ? `${t('audit.verify.firstBroken', { seq: firstBroken.seq ?? '—', chainId: firstBroken.chainId, chainSeq: firstBroken.chainSeq })}: ${t(`audit.verify.kind.${firstBroken.kind}`)}`
        : null,
      checkpointBroken ? `${t('audit.verify.checkpointBroken', { cpSeq: checkpointBroken.cpSeq })}: ${t(`audit.verify.kind.${checkpointBroken.kind}`)}` : null,
    ].filter((line): line is string => line !== null);
    body = (
      <Result
        style={{ padding: 8 }}
        status={ok ? 'success' : 'error'}
        icon={ok ? <CheckCircleFilled /> : <CloseCircleFilled />}
        title={<span data-testid="verify-status">{ok ? t('audit.verify.ok') : t('audit.verify.broken')}</span>}
        subTitle={
          <Flex vertical>
            <span data-testid="verify-checked">{t('audit.verify.checked', { count: checked })}</span>
            {details.map((line) => (
              <Typography.Text key={line} type="danger" data-testid="verify-first-broken">
                {line}
              </Typography.Text>
            ))}
          </Flex>
        }
      />
    );
  }
  return (
    <Card size="small" title={t('audit.verify.title')} extra={again} data-testid="audit-verify" aria-busy={verify.isFetching}>
      {body}
      <Typography.Text type="secondary">{user.role === 'ADMIN' ? t('audit.verify.scopeAdmin') : t('audit.verify.scopeSupervisor')}</Typography.Text>
    </Card>
  );
}

/**
 * GET /api/audit/checkpoints/latest, the external anchor; an administrator may take one now (POST, ADMIN only). The
 * verification names the latest checkpoint already, so a fresh database without one is not asked (and not a 404).
 */
function LatestCheckpoint({ anchor }: { anchor: CheckpointAnchor | null | undefined }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const { message } = App.useApp();
  const client = useQueryClient();
  const latest = useQuery({
    queryKey: [...LATEST_CHECKPOINT, anchor?.cpSeq],
    queryFn: () => unwrap(api.GET('/api/audit/checkpoints/latest')),
    enabled: Boolean(anchor),
  });
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/audit/checkpoints')),
    onSuccess: (result) => {
      if (result.created && result.checkpoint) void message.success(t('audit.checkpoint.created', { cpSeq: result.checkpoint.cpSeq }));
      else void message.info(t('audit.checkpoint.unchanged'));
      void client.invalidateQueries({ queryKey: LATEST_CHECKPOINT });
      void client.invalidateQueries({ queryKey: VERIFY });
    },
  });
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' });
  const extra =
    user.role === 'ADMIN' ? (
      <Button loading={create.isPending} onClick={() => create.mutate()} data-testid="create-checkpoint">
        {t('audit.checkpoint.create')}
      </Button>
    ) : null;
  let body;
  // No checkpoint yet is an answer, not a failure: the hourly job has not run on a fresh database.
  const none = <Typography.Text type="secondary" data-testid="checkpoint-none">{t('audit.checkpoint.none')}</Typography.Text>;
  if (anchor === undefined) body = <Skeleton active paragraph={{ rows: 3 }} />;
  else if (anchor === null) body = none;
  else if (latest.isPending) body = <Skeleton active paragraph={{ rows: 3 }} />;
  else if (latest.isError && hasCode(latest.error, 'NOT_FOUND')) body = none;
  else if (latest.isError) body = <ErrorAlert error={latest.error} />;
  else {
    const checkpoint = latest.data;
    body = (
      <Descriptions
        size="small"
        column={1}
        data-testid="checkpoint-latest"
        items={[
          { key: 'cpSeq', label: t('audit.checkpoint.cpSeq'), children: checkpoint.cpSeq },
          { key: 'at', label: t('audit.checkpoint.at'), children: when.format(new Date(checkpoint.at)) },
          { key: 'chains', label: t('audit.checkpoint.chainCount'), children: checkpoint.chainCount },
          { key: 'hash', label: t('audit.checkpoint.hash'), children: <Hash value={checkpoint.hash} /> },
          { key: 'prev', label: t('audit.checkpoint.prevCpHash'), children: <Hash value={checkpoint.prevCpHash} /> },
        ]}
      />
    );
  }
  return (
    <Card size="small" title={t('audit.checkpoint.title')} extra={extra} data-testid="audit-checkpoint">
      <Flex vertical gap="small">
        {create.isError ? <ErrorAlert error={create.error} /> : null}
        {body}
        <Typography.Text type="secondary">{t('audit.checkpoint.hint')}</Typography.Text>
      </Flex>
    </Card>
  );
}

export function AuditIntegrity() {
  const verify = useVerification();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <Verification verify={verify} />
      </Col>
      <Col xs={24} xl={14}>
        <LatestCheckpoint anchor={verify.isError ? null : verify.data?.checkpoint} />
      </Col>
    </Row>
  );
}
