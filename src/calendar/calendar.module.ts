import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';
import { defaultHolidayCalendar, HolidayCalendar } from './holiday-calendar';

@Module({
  controllers: [CalendarController],
  providers: [{ provide: HolidayCalendar, useFactory: defaultHolidayCalendar }, CalendarService],
  exports: [HolidayCalendar],
})
export class CalendarModule {}
