import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { downloadFile } from '../../../api/download';
import type { User } from '../../../auth/session-store';
import { useSession } from '../../../auth/use-session';
import type { CaseDetail } from '../../../cases/case-vocabulary';
import { ErrorAlert } from '../../../common/error-result';

export const DOCUMENT_KINDS = ['acceptance-notice', 'mediation-agreement', 'judicial-confirmation-application', 'court-feedback-letter'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const AGREEMENT_STATES = ['agreement.signing', 'agreement.effective', 'agreement.judicialReview', 'agreement.confirmed', 'agreement.defaulted', 'closed.resolved', 'closed.referred'];
const FILED_STATES = ['agreement.judicialReview', 'agreement.confirmed', 'agreement.defaulted', 'closed.resolved', 'closed.referred'];

function mayGenerate(kind: DocumentKind, detail: CaseDetail, user: User): boolean {
  switch (user.role) {
    case 'ADMIN':
      return false;
    case 'COURT_LIAISON':
      return kind === 'court-feedback-letter' || kind === 'judicial-confirmation-application';
    case 'MEDIATOR':
      return kind !== 'mediation-agreement' || detail.assignedMediator?.id === user.id;
    case 'SUPERVISOR':
      return true;
  }
}

/**
 * The documents this case has today, as the service decides (src/documents/document-rules.ts); the service checks
 * again, and a refusal (409 DOCUMENT_NOT_AVAILABLE, such as a closed confirmation window) is shown with its words.
 */
export function availableDocuments(detail: CaseDetail, user: User): DocumentKind[] {
  const status = (detail.judicialConfirmation as { status?: string }).status ?? 'NONE';
  const exists: Record<DocumentKind, boolean> = {
    'acceptance-notice': detail.acceptedOn !== null,
    'mediation-agreement': detail.terms !== null && AGREEMENT_STATES.includes(detail.state),
    'judicial-confirmation-application':
      detail.source !== 'COURT_ENTRUSTED' && (detail.state === 'agreement.effective' || (['REQUESTED', 'CONFIRMED'].includes(status) && FILED_STATES.includes(detail.state))),
    'court-feedback-letter': (detail.source === 'COURT_DELEGATED' || detail.source === 'COURT_ENTRUSTED') && detail.state.startsWith('closed.'),
  };
  return DOCUMENT_KINDS.filter((kind) => exists[kind] && mayGenerate(kind, detail, user));
}

/** GET /api/cases/:id/documents/:kind with the bearer token, saved under the service's file name. */
export function DocumentsPanel({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const download = useMutation({
    mutationFn: (kind: DocumentKind) =>
      downloadFile(api.GET('/api/cases/{id}/documents/{kind}', { params: { path: { id: detail.id, kind } }, parseAs: 'blob' }), `${kind}-${detail.caseNumber}.docx`),
  });
  const kinds = availableDocuments(detail, user);
  return (
    <Card size="small" title={t('caseFile.documents.title')} data-testid="documents-panel">
      <Flex vertical gap="small">
        {kinds.length === 0 ? <Typography.Text type="secondary">{t('caseFile.documents.none')}</Typography.Text> : null}
        {kinds.map((kind) => (
          <Button
            key={kind}
            icon={<DownloadOutlined />}
            loading={download.isPending && download.variables === kind}
            onClick={() => download.mutate(kind)}
            style={{ width: 'fit-content' }}
            data-testid={`document-${kind}`}
          >
            {t(`caseFile.documentKind.${kind}`)}
          </Button>
        ))}
        {download.isError ? <ErrorAlert error={download.error} /> : null}
      </Flex>
    </Card>
  );
}
