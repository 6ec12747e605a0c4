import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IntFromQuery } from './transforms';

/** A list's `?page=` and `?pageSize=`, with its own default and largest page: `class XQueryDto extends PagedQuery(20, 100)`. */
export function PagedQuery(defaultPageSize: number, maxPageSize: number) {
  class PagedQueryDto {
    @ApiPropertyOptional({ minimum: 1, default: 1 })
    @IsOptional()
    @Min(1)
    @IsInt({ message: 'page must be an integer' })
    @IntFromQuery()
    page?: number;

    @ApiPropertyOptional({ minimum: 1, maximum: maxPageSize, default: defaultPageSize })
    @IsOptional()
    @Max(maxPageSize)
    @Min(1)
    @IsInt({ message: 'pageSize must be an integer' })
    @IntFromQuery()
    pageSize?: number;
  }
  return PagedQueryDto;
}
