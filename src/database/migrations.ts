import { CreateOrganizationsAndUsers1767225600000 } from '../../migrations/1767225600000-CreateOrganizationsAndUsers';
import { CreateAuditTrail1767312000000 } from '../../migrations/1767312000000-CreateAuditTrail';
import { CreateCases1767398400000 } from '../../migrations/1767398400000-CreateCases';
import { CreateCaseEventsAndIdempotency1767484800000 } from '../../migrations/1767484800000-CreateCaseEventsAndIdempotency';
import { CreateAlerts1767571200000 } from '../../migrations/1767571200000-CreateAlerts';
import { CreateRiskPolicy1767657600000 } from '../../migrations/1767657600000-CreateRiskPolicy';
import { CreateRiskScreenings1767744000000 } from '../../migrations/1767744000000-CreateRiskScreenings';
import { CreateNotifications1768003200000 } from '../../migrations/1768003200000-CreateNotifications';
import { CreateHardshipAssistance1767916800000 } from '../../migrations/1767916800000-CreateHardshipAssistance';
import { CreateCourtHandoffs1767830400000 } from '../../migrations/1767830400000-CreateCourtHandoffs';
import { AddScreeningNotifications1768089600000 } from '../../migrations/1768089600000-AddScreeningNotifications';
import { DropScreeningLedgerCaseKey1768176000000 } from '../../migrations/1768176000000-DropScreeningLedgerCaseKey';
import { IndexAuditEntriesByOrgSeq1768262400000 } from '../../migrations/1768262400000-IndexAuditEntriesByOrgSeq';
import { KeyScreeningLedgerByPosition1768348800000 } from '../../migrations/1768348800000-KeyScreeningLedgerByPosition';
import { IndexScreeningLedgerHardship1768435200000 } from '../../migrations/1768435200000-IndexScreeningLedgerHardship';

/** Every migration in order, listed once for the DataSource; a generated migration is added here by hand. */
export const MIGRATIONS: Function[] = [
  CreateOrganizationsAndUsers1767225600000,
  CreateAuditTrail1767312000000,
  CreateCases1767398400000,
  CreateCaseEventsAndIdempotency1767484800000,
  CreateAlerts1767571200000,
  CreateRiskPolicy1767657600000,
  CreateRiskScreenings1767744000000,
  CreateNotifications1768003200000,
  CreateHardshipAssistance1767916800000,
  CreateCourtHandoffs1767830400000,
  AddScreeningNotifications1768089600000,
  DropScreeningLedgerCaseKey1768176000000,
  IndexAuditEntriesByOrgSeq1768262400000,
  KeyScreeningLedgerByPosition1768348800000,
  IndexScreeningLedgerHardship1768435200000,
];
