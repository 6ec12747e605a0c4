import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { ValidationError } from '../errors/domain-error';
import { createValidationPipe } from '../errors/validation-pipe';
import { PagedQuery } from './paged-query';

class SmallPagesDto extends PagedQuery(10, 50) {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  q?: string;
}

class LargePagesDto extends PagedQuery(100, 500) {}

const pipe = createValidationPipe();
const parse = (dto: new () => object, query: Record<string, string>) => pipe.transform(query, { type: 'query', metatype: dto }) as Promise<Record<string, unknown>>;

async function refusedFields(dto: new () => object, query: Record<string, string>): Promise<unknown> {
  const error = await parse(dto, query).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).problems.map((problem) => problem.field);
}

describe(PagedQuery.name, () => {
  it('reads page and pageSize from the query string as numbers, beside the list’s own fields', async () => {
    expect(await parse(SmallPagesDto, { page: '3', pageSize: '50', q: '工资' })).toEqual({ page: 3, pageSize: 50, q: '工资' });
  });

  it('holds each list to its own largest page', async () => {
    expect(await refusedFields(SmallPagesDto, { pageSize: '51' })).toEqual(['pageSize']);
    expect(await parse(LargePagesDto, { pageSize: '500' })).toEqual({ pageSize: 500 });
    expect(await refusedFields(LargePagesDto, { pageSize: '501' })).toEqual(['pageSize']);
  });

  it('refuses a page below 1 and anything that is not a whole number', async () => {
    expect(await refusedFields(SmallPagesDto, { page: '0', pageSize: 'ten' })).toEqual(['page', 'pageSize']);
    expect(await refusedFields(SmallPagesDto, { page: '1.5' })).toEqual(['page']);
  });
});
