/** One numbered schema step. Versions run 1, 2, 3 … with no gaps; shipped ones never change. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}
