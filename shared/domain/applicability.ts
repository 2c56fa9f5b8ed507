import { SscpError } from '../errors';
import type { Catalog } from '../catalog/types';
import { VENDOR_ROLES, type Assessment, type VendorRole } from './types';

/**
 * Which parts of the Code apply to a vendor, from the Code's Table 1. Out-of-scope claims
 * stay in every list and pack, marked as such, so a reader sees what was left out and why.
 */
export type ScopeInput = Pick<Assessment, 'role' | 'theme3InScope'>;

const ALL_THEMES = ['1', '2', '3', '4'] as const;

/** Theme ids in scope for this role; `theme3InScope` matters only to developers-only. */
export function themesInScope(scope: ScopeInput): readonly string[] {
  switch (scope.role) {
    case 'developer-distributor':
      return ALL_THEMES;
    case 'reseller':
      return ['3', '4'];
    case 'developer-only':
      return scope.theme3InScope ? ['1', '2', '3'] : ['1', '2'];
    default:
      return unknownRole(scope.role);
  }
}

function unknownRole(role: never): never {
  throw SscpError.because({ code: 'vendor-role-unknown', role: String(role), allowed: VENDOR_ROLES });
}

/** The theme part of an id: `3` for theme `3`, principle `3.2` and claim `3.2.1`. */
export function themeIdOf(id: string): string {
  return id.split('.')[0] ?? id;
}

export function isThemeInScope(scope: ScopeInput, themeId: string): boolean {
  return themesInScope(scope).includes(themeIdOf(themeId));
}

export function isPrincipleInScope(scope: ScopeInput, principleId: string): boolean {
  return isThemeInScope(scope, principleId);
}

export function isClaimInScope(scope: ScopeInput, claimId: string): boolean {
  return isThemeInScope(scope, claimId);
}

/** Every claim id of the catalog with whether it is in scope, in document order. */
export function claimScopes(catalog: Catalog, scope: ScopeInput): readonly { claimId: string; inScope: boolean }[] {
  return catalog.themes.flatMap((t) =>
    t.principles.flatMap((p) => p.claims.map((c) => ({ claimId: c.id, inScope: isClaimInScope(scope, c.id) }))),
  );
}

export function inScopeClaimIds(catalog: Catalog, scope: ScopeInput): readonly string[] {
  return claimScopes(catalog, scope)
    .filter((c) => c.inScope)
    .map((c) => c.claimId);
}

export interface RoleDescription {
  readonly role: VendorRole;
  /** A short name for a choice list. */
  readonly label: string;
  /** Who this role is, in the Code's terms. */
  readonly meaning: string;
  /** What the role puts in scope, in one sentence. */
  readonly scope: string;
  /** Themes always in scope for the role. */
  readonly themes: readonly string[];
  /** Themes the vendor may bring into scope (theme 3 for developers only). */
  readonly optionalThemes: readonly string[];
}

const ROLE_DESCRIPTIONS: Readonly<Record<VendorRole, RoleDescription>> = {
  'developer-distributor': {
    role: 'developer-distributor',
    label: 'Developer and distributor',
    meaning:
      'Your organisation both develops software and sells or supplies it to other organisations, for example an independent software vendor, a SaaS provider, or a maker of products that contain software.',
    scope: 'All 14 principles in all 4 themes apply.',
    themes: ALL_THEMES,
    optionalThemes: [],
  },
  reseller: {
    role: 'reseller',
    label: 'Reseller',
    meaning:
      'Your organisation sells or supplies software that others develop, for example as a reseller or as part of a managed service, and does not develop it.',
    scope:
      "Themes 3 (secure deployment and maintenance) and 4 (communication with customers) apply; themes 1 and 2 are the developer's responsibility, though you should encourage your suppliers to follow them.",
    themes: ['3', '4'],
    optionalThemes: [],
  },
  'developer-only': {
    role: 'developer-only',
    label: 'Developer only',
    meaning: 'Your organisation develops software but does not sell or supply it, for example software built in-house for your own use.',
    scope:
      'Themes 1 (secure design and development) and 2 (build environment security) apply; theme 3 (secure deployment and maintenance) applies too where it is your responsibility.',
    themes: ['1', '2'],
    optionalThemes: ['3'],
  },
};

/** A plain-language explanation of a vendor role and what it puts in scope, for the UI. */
export function describeRole(role: VendorRole): RoleDescription {
  const description = ROLE_DESCRIPTIONS[role];
  if (!description) return unknownRole(role as never);
  return description;
}

/** One sentence for the pack's scope statement, e.g. `Themes 3 and 4 are in scope for the role "Reseller"; themes 1 and 2 are out of scope.`. */
export function describeScope(scope: ScopeInput): string {
  const themes = themesInScope(scope);
  const out = ALL_THEMES.filter((t) => !themes.includes(t));
  const label = describeRole(scope.role).label;
  const inText = `${themes.length === 1 ? 'Theme' : 'Themes'} ${joinList(themes)} ${themes.length === 1 ? 'is' : 'are'} in scope for the role "${label}"`;
  if (out.length === 0) return `${inText}: all principles apply.`;
  return `${inText}; ${out.length === 1 ? 'theme' : 'themes'} ${joinList(out)} ${out.length === 1 ? 'is' : 'are'} out of scope.`;
}

function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
