import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsMoney } from '../../common/validation/china-id.decorators';
import { IsLegalDate } from '../../common/validation/is-legal-date';
import { Trim } from '../../common/validation/transforms';
import { AMOUNT_FORBIDDEN_KINDS, AMOUNT_REQUIRED_KINDS, ASSISTANCE_KINDS, MAX_DAYS_AHEAD, type AssistanceDraft, type AssistanceKind } from '../hardship-rules';

// class-validator runs a property's decorators bottom-up and the pipe stops at the first failure, so the type check
// sits lowest. Rules that compare fields, or need the case or the clock, are in hardship-rules.ts.

/** The most applicants a case may list (DOMAIN §2); the case's own count is checked by the rules. */
const MAX_APPLICANT_POSITION = 499;

/** POST /api/cases/:id/assistance. Unknown fields are refused as FORBIDDEN. */
export class ProposeAssistanceDto implements AssistanceDraft {
  @ApiPropertyOptional({
    description: "The worker helped, by position in the case's applicants (`applicants[N]`); null or left out: the case as a whole "
      + '(every worker of it). OUT_OF_RANGE when the case has no such applicant',
    type: Number,
    nullable: true,
    minimum: 0,
    example: 0,
  })
  @IsOptional()
  @Max(MAX_APPLICANT_POSITION)
  @Min(0)
  @IsInt({ message: 'applicantPosition must be an integer or null' })
  applicantPosition?: number | null;

  @ApiProperty({ description: 'What is given', enum: ASSISTANCE_KINDS, example: 'RELIEF_FUNDS' })
  @IsIn(ASSISTANCE_KINDS, { message: `kind must be one of ${ASSISTANCE_KINDS.join(', ')}` })
  kind: AssistanceKind;

  @ApiPropertyOptional({
    description: `Yuan as a string, up to 12 digits and 2 decimals, > 0; JSON numbers are refused. The total of this record (for the case as a `
      + `whole, not per worker). REQUIRED for ${AMOUNT_REQUIRED_KINDS.join(', ')} (goods in kind: their value); FORBIDDEN for `
      + `${AMOUNT_FORBIDDEN_KINDS.join(' and ')}, which are services; optional for OTHER`,
    type: String,
    nullable: true,
    example: '2000.00',
    pattern: '^\\d{1,12}(\\.\\d{1,2})?$',
  })
  @IsOptional()
  @IsMoney()
  amount?: string | null;

  @ApiProperty({
    description: `The day it is (or is planned to be) given, YYYY-MM-DD: not before the case's receipt date, at most ${MAX_DAYS_AHEAD} days ahead (FUTURE_DATE)`,
    example: '2026-09-20',
  })
  @IsLegalDate()
  givenOn: string;

  @ApiProperty({ description: "Why and how, 1–1000 characters; resident IDs and mobile numbers in it are masked", example: '家中老人住院，生活困难，申请困难帮扶金' })
  @MaxLength(1000)
  @IsNotEmpty()
  @IsString()
  @Trim()
  note: string;
}
