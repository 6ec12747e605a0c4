import { Injectable } from '@nestjs/common';
import { ValidationError } from '../common/errors/domain-error';
import { CalendarYearResponseDto, DueDateResponseDto } from './dto/calendar-response.dto';
import { ComputeDueDateQueryDto } from './dto/calendar-query.dto';
import { HolidayCalendar } from './holiday-calendar';
import { datesBetween, isWeekend, parseLegalDate } from './legal-date';

@Injectable()
export class CalendarService {
  constructor(private readonly calendar: HolidayCalendar) {}

  year(year: number): CalendarYearResponseDto {
    const known = this.calendar.year(year);
    if (known) {
      return {
        year,
        verified: true,
        version: known.version,
        source: known.source,
        holidays: known.holidays.map(({ from, to, name }) => ({ from, to, name })),
        makeUpWorkdays: [...known.makeUpWorkdays],
        restDays: [...known.restDays],
      };
    }
    const days = datesBetween(parseLegalDate(`${year}-01-01`), parseLegalDate(`${year}-12-31`));
    return { year, verified: false, holidays: [], makeUpWorkdays: [], restDays: days.filter(isWeekend) };
  }

  compute(query: ComputeDueDateQueryDto): DueDateResponseDto {
    const start = parseLegalDate(query.start);
    if (query.kind === 'WORKING') {
      if (query.days < 1 || query.days > 1000) throw ValidationError.field('days', 'OUT_OF_RANGE', 'days must be 1-1000 working days');
      const { dueOn, verified } = this.calendar.addWorkingDays(start, query.days);
      return { start, days: query.days, kind: query.kind, dueOn, verified, basis: 'working days; make-up workdays (调休) count' };
    }
    const { dueOn, verified, rolled, unrolledDueOn } = this.calendar.addCalendarDays(start, query.days);
    return { start, days: query.days, kind: query.kind, dueOn, verified, rolled, unrolledDueOn, basis: 'CPL Art.85' };
  }
}
