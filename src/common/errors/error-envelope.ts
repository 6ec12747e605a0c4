import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_CODES } from './error-codes';

/** The body of every error response. */
export class ErrorEnvelope {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ enum: ERROR_CODES, example: 'VALIDATION_FAILED', description: 'Machine-readable error code' })
  code: string;

  @ApiProperty({ example: 'The request has 1 invalid field.', description: 'Human-readable message' })
  message: string;

  @ApiPropertyOptional({ description: 'Per-field problems for VALIDATION_FAILED, or code-specific detail', example: [{ field: 'username', code: 'REQUIRED', message: 'username is required' }] })
  details?: unknown;

  @ApiProperty({ example: '7f1c3a9e-2b4d-4c1e-9a57-0b1d2f3e4a5b' })
  requestId: string;
}
