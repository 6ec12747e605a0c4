import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { BooleanFromQuery } from '../../common/validation/transforms';
import { NOTIFICATION_KINDS } from '../notifications.service';
import { PagedQuery } from '../../common/validation/paged-query';

export class NotificationQueryDto extends PagedQuery(20, 100) {
  @ApiPropertyOptional({ description: 'true: only unread', type: Boolean })
  @IsOptional()
  @IsBoolean({ message: 'unread must be true or false' })
  @BooleanFromQuery()
  unread?: boolean;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind: string;
  @ApiProperty({ example: '新案件分派' }) title: string;
  @ApiProperty({ example: 'LY-2026-000123 已分派给您承办' }) body: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) caseId: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) alertId: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The screening whose new alerts a SCREENING_ALERTS digest counts' })
  screeningId: string | null;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ nullable: true, type: String }) readAt: string | null;
}

export class NotificationListDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
  @ApiProperty() total: number;
  @ApiProperty() unread: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class MarkedReadDto {
  @ApiProperty({ description: 'How many notifications this call marked read' }) marked: number;
}
