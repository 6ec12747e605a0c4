/**
 * Distinct JSON texts in first-seen order, each with its 0-based position (jsonb's `->` counts from 0). A statement
 * that writes thousands of rows sharing a few values sends each value once, in one jsonb document the rows index
 * into (`$n::jsonb -> v.position`, constant time on an array), instead of an array literal of one text per row that
 * PostgreSQL has to unescape and parse element by element.
 */
export class DistinctJson {
  private readonly positions = new Map<string, number>();

  /** The position of `json` (a JSON text), added at the end when it is new. */
  positionOf(json: string): number {
    let position = this.positions.get(json);
    if (position === undefined) {
      position = this.positions.size;
      this.positions.set(json, position);
    }
    return position;
  }

  /** The distinct texts as one JSON array, in position order. */
  jsonArray(): string {
    return `[${[...this.positions.keys()].join(',')}]`;
  }
}
