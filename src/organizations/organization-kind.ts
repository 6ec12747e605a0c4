/** A UNION organization (the mediation studio) owns cases; a COURT organization refers them and reviews agreements. */
export const ORGANIZATION_KINDS = ['UNION', 'COURT'] as const;

export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
