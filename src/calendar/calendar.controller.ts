import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorEnvelope } from '../common/errors/error-envelope';
import { CalendarService } from './calendar.service';
import { CalendarYearParamDto, ComputeDueDateQueryDto } from './dto/calendar-query.dto';
import { CalendarYearResponseDto, DueDateResponseDto } from './dto/calendar-response.dto';

@ApiTags('calendar')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorEnvelope })
@ApiBadRequestResponse({ type: ErrorEnvelope })
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('compute')
  @ApiOperation({ summary: 'Compute the due date of a legal period on the official holiday calendar' })
  @ApiOkResponse({ type: DueDateResponseDto })
  compute(@Query() query: ComputeDueDateQueryDto): DueDateResponseDto {
    return this.calendar.compute(query);
  }

  @Get(':year')
  @ApiOperation({ summary: "A year's statutory holidays, make-up workdays and rest days" })
  @ApiOkResponse({ type: CalendarYearResponseDto })
  year(@Param() params: CalendarYearParamDto): CalendarYearResponseDto {
    return this.calendar.year(params.year);
  }
}
