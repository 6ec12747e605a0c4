import { LoginFailureEntity } from '../auth/login-failure.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { UserEntity } from '../users/user.entity';

/** Every TypeORM entity, listed once for the DataSource (the app, the migration CLI and the tests). */
export const ENTITIES: Function[] = [
  OrganizationEntity,
  UserEntity,
  LoginFailureEntity,
];
