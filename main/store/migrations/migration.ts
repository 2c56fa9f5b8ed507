/** One numbered schema step. Versions rise (1, 2, 3 …; a gap is filled when its migration lands); shipped ones never change. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}
