/** One numbered schema step. Versions only ascend (gaps are allowed); shipped ones never change. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}
