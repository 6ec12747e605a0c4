import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { UsersModule } from '../users/users.module';
import { BootstrapAdminService } from './bootstrap-admin.service';
import { DemoDirectoryService } from './demo-directory.service';

@Module({
  imports: [OrganizationsModule, UsersModule],
  providers: [DemoDirectoryService, BootstrapAdminService],
  exports: [DemoDirectoryService, BootstrapAdminService],
})
export class SeedModule {}
