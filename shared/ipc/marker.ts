/**
 * A result type without a runtime schema: results come from our own services, so checking
 * them again at run time would only duplicate the domain types. Arguments, which come from
 * the renderer, always have a schema.
 */
export interface ResultMarker<T> {
  readonly __result?: T;
}

export function returns<T>(): ResultMarker<T> {
  return {};
}
