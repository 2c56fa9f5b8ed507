import {
  CATALOGS,
  CURRENT_CATALOG,
  describeDocuments,
  listClaims,
  listPrinciples,
  type Catalog,
  type CatalogChange,
  type CatalogDocument,
} from '../../../shared/catalog/index';
import { SscpError } from '../../../shared/errors';
import type { RegisterCommand } from '../context';
import { printJson } from '../io';

/** The `sscp catalog --json` shape, documented in docs/cli-json.md: change it only by adding fields. */
export interface CatalogJson {
  readonly catalogId: string;
  readonly version: string;
  readonly title: string;
  readonly source: string;
  readonly themes: readonly {
    readonly id: string;
    readonly title: string;
    readonly description: string;
    readonly principles: readonly {
      readonly id: string;
      readonly title: string;
      readonly statement: string;
      readonly guidance: readonly string[];
      readonly claims: readonly {
        readonly id: string;
        readonly title: string;
        readonly statement: string;
        readonly guidance: readonly string[];
        readonly typicalEvidence: readonly string[];
      }[];
    }[];
  }[];
  /** The documents and versions the catalog follows; null for 2025.1, which does not record them. */
  readonly documents: readonly CatalogDocument[] | null;
  /** Claims whose statement changed since an earlier version, and why; empty for 2025.1. */
  readonly changes: readonly CatalogChange[];
}

// Built field by field, so a new field in the catalog types does not leak into the JSON unannounced.
export function catalogToJson(catalog: Catalog): CatalogJson {
  return {
    catalogId: catalog.id,
    version: catalog.version,
    title: catalog.title,
    source: catalog.source,
    themes: catalog.themes.map((t) => ({
      id: t.id,
      title: t.title,
      description: t.description,
      principles: t.principles.map((p) => ({
        id: p.id,
        title: p.title,
        statement: p.statement,
        guidance: [...p.guidance],
        claims: p.claims.map((c) => ({
          id: c.id,
          title: c.title,
          statement: c.statement,
          guidance: [...c.guidance],
          typicalEvidence: [...c.typicalEvidence],
        })),
      })),
    })),
    documents: catalog.documents
      ? catalog.documents.map((d) => ({ key: d.key, title: d.title, version: d.version, published: d.published, use: d.use }))
      : null,
    changes: (catalog.changes ?? []).map((c) => ({ claimId: c.claimId, since: c.since, note: c.note })),
  };
}

/** The catalog of the current Code with this version, or an error naming the versions known. */
export function selectCatalogVersion(version: string | undefined): Catalog {
  if (version === undefined) return CURRENT_CATALOG;
  const sameCode = CATALOGS.filter((c) => c.id === CURRENT_CATALOG.id);
  const found = sameCode.find((c) => c.version === version);
  if (found) return found;
  throw new SscpError(
    'unsupported-version',
    `There is no catalog version "${version}" of ${CURRENT_CATALOG.id}.`,
    `Known versions: ${sameCode.map((c) => c.version).join(', ')}.`,
  );
}

export function formatCatalogTree(catalog: Catalog): string {
  const lines = [
    `${catalog.title} (${catalog.id} ${catalog.version})`,
    `${catalog.themes.length} themes, ${listPrinciples(catalog).length} principles, ${listClaims(catalog).length} claims`,
    `Follows: ${describeDocuments(catalog) ?? 'not recorded in this version (see its source in --json)'}`,
  ];
  if (catalog.changes?.length) {
    const since = [...new Set(catalog.changes.map((c) => c.since))].join(', ');
    lines.push(`Claim statements changed since ${since}: ${catalog.changes.map((c) => c.claimId).join(', ')} (reasons in --json)`);
  }
  for (const theme of catalog.themes) {
    lines.push('', `Theme ${theme.id}  ${theme.title}`);
    for (const principle of theme.principles) {
      lines.push(`  ${principle.id}  ${principle.title}`);
      for (const claim of principle.claims) lines.push(`    ${claim.id}  ${claim.title}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export const registerCatalog: RegisterCommand = (program, ctx) => {
  program
    .command('catalog')
    .description('List the Code of Practice: its themes, principles and claims.')
    .option('--json', 'print the catalog as JSON (shape in docs/cli-json.md)')
    .option('--catalog-version <version>', `which catalog version to list (default ${CURRENT_CATALOG.version})`)
    .action((opts: { json?: boolean; catalogVersion?: string }) => {
      const catalog = selectCatalogVersion(opts.catalogVersion);
      if (opts.json) printJson(ctx.io, catalogToJson(catalog));
      else ctx.io.stdout.write(formatCatalogTree(catalog));
    });
};
