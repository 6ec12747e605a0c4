import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { unwrap } from '../../api/unwrap';

export type Organization = components['schemas']['OrganizationResponseDto'];
export type User = components['schemas']['UserResponseDto'];

export const ORGANIZATIONS = ['organizations'] as const;
export const USERS = ['users'] as const;

export function useOrganizations() {
  return useQuery({ queryKey: ORGANIZATIONS, queryFn: () => unwrap(api.GET('/api/organizations')) });
}
