import { Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../auth/use-session';
import type { CaseDetail } from '../../../cases/case-vocabulary';
import { EVENT_FORMS, userEvents } from '../../../cases/events/event-form-registry';
import { EventFormModal } from '../../../cases/events/event-form-modal';
import type { CaseEventType } from '../../../cases/events/event-form-types';
import { legalToday } from '../../../cases/events/form-values';

/** One button per event the service says this user may send now (allowedEvents), each opening that event's form. */
export function CaseActions({ detail, onConflict }: { detail: CaseDetail; onConflict: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [open, setOpen] = useState<CaseEventType>();
  const events = userEvents(detail.allowedEvents);
  return (
    <Card size="small" title={t('caseFile.actions.title')} data-testid="case-actions">
      {events.length === 0 ? (
        <Typography.Text type="secondary">{t('caseFile.actions.none')}</Typography.Text>
      ) : (
        <Flex wrap gap="small">
          {events.map((type) => (
            <Button key={type} danger={EVENT_FORMS[type].danger} type={EVENT_FORMS[type].danger ? 'default' : 'primary'} ghost={!EVENT_FORMS[type].danger} onClick={() => setOpen(type)} data-testid={`action-${type}`}>
              {t(`caseFile.event.${type}`)}
            </Button>
          ))}
        </Flex>
      )}
      {open ? <EventFormModal key={`${open}-${detail.version}`} type={open} context={{ detail, user, today: legalToday() }} onClose={() => setOpen(undefined)} onConflict={onConflict} /> : null}
    </Card>
  );
}
