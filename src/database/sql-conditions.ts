/**
 * The WHERE clause of a statement whose filters are optional: each condition names its one parameter as `?`, which
 * becomes the next positional placeholder, so callers add only the filters they have and the numbering follows.
 */
export class SqlConditions {
  readonly params: unknown[] = [];
  private readonly clauses: string[] = [];

  add(clause: string, value: unknown): this {
    this.params.push(value);
    this.clauses.push(clause.replace('?', `$${this.params.length}`));
    return this;
  }

  get where(): string {
    return this.clauses.length === 0 ? '' : `WHERE ${this.clauses.join(' AND ')}`;
  }
}
