import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { CasesModule } from '../cases/cases.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { UsersModule } from '../users/users.module';
import { BootstrapAdminService } from './bootstrap-admin.service';
import { DemoCaseSeederService } from './demo-case-seeder.service';
import { DemoDirectoryService } from './demo-directory.service';

@Module({
  imports: [OrganizationsModule, UsersModule, CasesModule, CalendarModule],
  providers: [DemoDirectoryService, BootstrapAdminService, DemoCaseSeederService],
  exports: [DemoDirectoryService, BootstrapAdminService, DemoCaseSeederService],
})
export class SeedModule {}
