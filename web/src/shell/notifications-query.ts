import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type { components } from '../api/schema';
import { unwrap } from '../api/unwrap';

export type Notification = components['schemas']['NotificationDto'];

const NOTIFICATIONS = ['notifications'] as const;
/** The newest few are enough for the bell; the unread count covers all of them. */
const SHOWN = 20;
/** New assignments and alerts should reach a desk within a minute without anyone reloading. */
const POLL_MS = 60_000;

export function useNotifications() {
  return useQuery({
    queryKey: NOTIFICATIONS,
    queryFn: () => unwrap(api.GET('/api/notifications', { params: { query: { pageSize: SHOWN } } })),
    refetchInterval: POLL_MS,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id } } })),
    onSettled: () => client.invalidateQueries({ queryKey: NOTIFICATIONS }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/notifications/read-all')),
    onSettled: () => client.invalidateQueries({ queryKey: NOTIFICATIONS }),
  });
}
