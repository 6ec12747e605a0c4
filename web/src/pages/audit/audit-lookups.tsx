import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/unwrap';
import type { components } from '../../api/schema';
import { AUDIT_CATEGORIES } from './audit-params';

export type UserSummary = components['schemas']['UserResponseDto'];

/** The users the viewer may see (all for an ADMIN, their organization's for a SUPERVISOR), to name the actors. */
export function useAuditUsers() {
  return useQuery({
    queryKey: ['users', 'all'],
    queryFn: () => unwrap(api.GET('/api/users')),
    staleTime: 5 * 60_000,
  });
}

function shortId(id: string): string {
  return id.slice(0, 8);
}

/** A case named by its number, linked to its page; an id the viewer cannot open stays a short id. */
export function CaseRef({ id }: { id: string }) {
  const detail = useQuery({
    queryKey: ['case', id],
    queryFn: () => unwrap(api.GET('/api/cases/{id}', { params: { path: { id } } })),
    staleTime: 5 * 60_000,
    retry: false,
  });
  return (
    <Link to={`/cases/${id}`} title={id}>
      {detail.data?.caseNumber ?? <Typography.Text code>{shortId(id)}</Typography.Text>}
    </Link>
  );
}

const ROLES = ['MEDIATOR', 'SUPERVISOR', 'COURT_LIAISON', 'ADMIN'] as const;

/** An actor's role in the console's words; SYSTEM (timers, start-up) and anything unknown as the service wrote it. */
export function roleText(role: string, t: TFunction): string {
  const known = ROLES.find((candidate) => candidate === role);
  return known ? t(`role.${known}`) : role === 'SYSTEM' ? t('audit.systemActor') : role;
}

export function categoryText(category: string, t: TFunction): string {
  const known = AUDIT_CATEGORIES.find((candidate) => candidate === category);
  return known ? t(`audit.category.${known}`) : category;
}
