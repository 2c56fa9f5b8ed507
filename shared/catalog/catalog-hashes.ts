/**
 * SHA-256 of each shipped catalog version's canonical JSON (`canonicalJson` in
 * `shared/format/canonical-json.ts`), keyed `id@version`. A test recomputes them: a shipped version whose
 * text changed fails it. Add a line here when a new version ships; never change a line.
 */
export const CATALOG_HASHES: Record<string, string> = {
  'uk-sscp@2025.1': 'b4e90f29c837ce7432ddb3a02862bbbe12ded261a561a63117e8614887cd7c3d',
  'uk-sscp@2025.2': '8948a4dc729ebacd3a88e6061404d847ef306612b75013874dd3dbd759d55d49',
};
