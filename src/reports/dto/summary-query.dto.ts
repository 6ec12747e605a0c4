import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { IsLegalDate } from '../../common/validation/is-legal-date';
import { isOrderedRange, isWithinYears } from '../report-range-rules';
import { MAX_REPORT_YEARS, REPORT_GROUP_BYS, type ReportGroupBy } from '../summary-report';

/** A check of `to` against the `from` of the same query, reported on `to` with its own detail code. */
function RangeCheck(name: string, code: string, holds: (from: unknown, to: unknown) => boolean, message: string, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message, context: { code }, ...options },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => holds((args.object as Record<string, unknown>).from, value),
      },
    });
}

export class SummaryQueryDto {
  @ApiProperty({ description: 'First legal date (Asia/Shanghai) of the range, YYYY-MM-DD, included', example: '2026-01-01' })
  @IsLegalDate()
  from: string;

  @ApiProperty({
    description: `Last legal date of the range, YYYY-MM-DD, included: not before from (INCONSISTENT), less than ${MAX_REPORT_YEARS} years after it (OUT_OF_RANGE)`,
    example: '2026-12-31',
  })
  @IsLegalDate()
  @RangeCheck('isNotBeforeFrom', 'INCONSISTENT', isOrderedRange, 'to must not be before from')
  @RangeCheck('isWithinReportYears', 'OUT_OF_RANGE', (from, to) => isWithinYears(from, to), `to must be less than ${MAX_REPORT_YEARS} years after from`)
  to: string;

  @ApiPropertyOptional({
    enum: REPORT_GROUP_BYS,
    description: 'Adds `groups`, the main counts per receipt month (YYYY-MM), source, claim type, assigned mediator or closed outcome',
  })
  @IsOptional()
  @IsIn(REPORT_GROUP_BYS, { message: `groupBy must be one of ${REPORT_GROUP_BYS.join(', ')}` })
  groupBy?: ReportGroupBy;
}
