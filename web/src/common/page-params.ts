/**
 * A list's page and page size as the address gives them. Anything but a whole page number from 1, or a page size the
 * list does not offer, falls back to the first page and the list's default, rather than becoming a 400 from the API.
 */
export function pageFromSearch(search: URLSearchParams, pageSizes: readonly number[], defaultPageSize: number): { page: number; pageSize: number } {
  const pageSize = positiveInt(search.get('pageSize'));
  return {
    page: positiveInt(search.get('page')) ?? 1,
    pageSize: pageSize !== undefined && pageSizes.includes(pageSize) ? pageSize : defaultPageSize,
  };
}

function positiveInt(value: string | null): number | undefined {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n >= 1 ? n : undefined;
}
