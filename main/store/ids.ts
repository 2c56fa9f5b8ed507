import { randomUUID } from 'node:crypto';

/** Ids are random UUIDs: unique across laptops, so packs imported elsewhere never collide. */
export function newId(): string {
  return randomUUID();
}
