export const ROLES = ['ADMIN', 'SUPERVISOR', 'MEDIATOR', 'COURT_LIAISON'] as const;

export type Role = (typeof ROLES)[number];
