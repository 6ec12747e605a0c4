import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Flex, Result, Row, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { hasCode } from '../../api/api-error';
import { api } from '../../api/client';
import { unwrap } from '../../api/unwrap';
import { ErrorAlert, ErrorResult } from '../../common/error-result';
import { AgreementPanel } from './detail/agreement-panel';
import { AssistancePanel } from './detail/assistance-panel';
import { CaseActions } from './detail/case-actions';
import { BackToList, CaseFacts, CaseTitle, RiskPanel } from './detail/case-header';
import { DeadlinesPanel } from './detail/deadlines-panel';
import { DocumentsPanel } from './detail/documents-panel';
import { HistoryPanel } from './detail/history-panel';
import { PartiesPanel } from './detail/parties-panel';
import { RevealedValues } from './detail/reveal';
import { RoutesPanel } from './detail/routes-panel';
import { SessionsPanel } from './detail/sessions-panel';
import { StateChart } from './detail/state-chart';

/**
 * GET /api/cases/:id: where the case stands in the chart, what this user may do now, and everything around it —
 * deadlines, risk, routes, documents, assistance, parties and history. Personal data is masked as the API decides.
 */
export function CaseDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [conflict, setConflict] = useState(false);
  const detail = useQuery({
    queryKey: ['case', id],
    queryFn: () => unwrap(api.GET('/api/cases/{id}', { params: { path: { id } } })),
  });

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (detail.isError && !detail.data) {
    // A malformed id is as absent as an unknown one: both simply are not a case this user can open.
    if (hasCode(detail.error, 'NOT_FOUND') || hasCode(detail.error, 'VALIDATION_FAILED')) {
      return <Result status="404" title={t('caseDetail.notFound')} extra={<BackToList />} />;
    }
    return <ErrorResult error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const data = detail.data;
  const onConflict = () => {
    setConflict(true);
    void detail.refetch();
  };
  return (
    <RevealedValues key={id}>
      <Flex vertical gap="middle">
        <BackToList />
        <CaseTitle detail={data} />
        {conflict ? (
          <Alert type="warning" showIcon closable={{ onClose: () => setConflict(false) }} title={t('caseFile.actions.conflictTitle')} description={t('errors.versionConflict')} role="alert" data-testid="version-conflict" />
        ) : null}
        {detail.isError ? <ErrorAlert error={detail.error} /> : null}
        <Card size="small">
          <StateChart detail={data} />
        </Card>
        <CaseActions detail={data} onConflict={onConflict} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={15}>
            <Flex vertical gap="middle">
              <CaseFacts detail={data} />
              <AgreementPanel detail={data} />
              <SessionsPanel detail={data} />
              <PartiesPanel detail={data} />
              <HistoryPanel caseId={data.id} version={data.version} />
            </Flex>
          </Col>
          <Col xs={24} xl={9}>
            <Flex vertical gap="middle">
              <DeadlinesPanel detail={data} />
              <RiskPanel detail={data} />
              <RoutesPanel caseId={data.id} version={data.version} />
              <DocumentsPanel detail={data} />
              <AssistancePanel detail={data} />
            </Flex>
          </Col>
        </Row>
      </Flex>
    </RevealedValues>
  );
}
