import { LoginFailureEntity } from '../auth/login-failure.entity';
import { CaseApplicantEntity } from '../cases/case-applicant.entity';
import { CaseClaimEntity } from '../cases/case-claim.entity';
import { CaseEntity } from '../cases/case.entity';
import { DeadlineEntity } from '../deadlines/deadline.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { UserEntity } from '../users/user.entity';

/** Every TypeORM entity, listed once for the DataSource (the app, the migration CLI and the tests). */
export const ENTITIES: Function[] = [
  OrganizationEntity,
  UserEntity,
  LoginFailureEntity,
  CaseEntity,
  CaseApplicantEntity,
  CaseClaimEntity,
  DeadlineEntity,
];
