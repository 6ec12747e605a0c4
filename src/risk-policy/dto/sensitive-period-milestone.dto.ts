import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsLegalDate } from '../../common/validation/is-legal-date';
import { Trim } from '../../common/validation/transforms';

/** A date inside a period that matters on its own, such as the winter campaign's two "zero arrears" dates. */
export class SensitivePeriodMilestoneDto {
  @ApiProperty({ description: 'YYYY-MM-DD, inside the window [startsOn − leadDays, endsOn] (OUT_OF_RANGE otherwise)', example: '2026-12-31' })
  @IsLegalDate({ message: 'on must be a date written YYYY-MM-DD' })
  on: string;

  @ApiProperty({ description: 'What is due that day, 1–100 characters', example: '政府投资和国有企业项目欠薪清零（元旦前）' })
  @MaxLength(100)
  @IsNotEmpty()
  @IsString()
  @Trim()
  label: string;
}
