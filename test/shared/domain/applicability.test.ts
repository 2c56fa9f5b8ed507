import { describe, expect, it } from 'vitest';
import { ukSscp2025v1 } from '../../../shared/catalog/uk-sscp-2025.1';
import {
  claimScopes,
  describeRole,
  describeScope,
  inScopeClaimIds,
  isClaimInScope,
  isPrincipleInScope,
  isThemeInScope,
  themesInScope,
} from '../../../shared/domain/applicability';
import { VENDOR_ROLES, type VendorRole } from '../../../shared/domain/types';

describe('scope by vendor role (Table 1 of the Code)', () => {
  it('puts all 14 principles in scope for a developer and distributor', () => {
    const scope = { role: 'developer-distributor', theme3InScope: false } as const;
    expect(themesInScope(scope)).toEqual(['1', '2', '3', '4']);
    expect(inScopeClaimIds(ukSscp2025v1, scope)).toHaveLength(45);
  });

  it('puts only themes 3 and 4 in scope for a reseller, whatever the theme 3 flag says', () => {
    for (const theme3InScope of [false, true]) {
      const scope = { role: 'reseller', theme3InScope } as const;
      expect(themesInScope(scope)).toEqual(['3', '4']);
      expect(isClaimInScope(scope, '1.1.1')).toBe(false);
      expect(isClaimInScope(scope, '2.2.4')).toBe(false);
      expect(isClaimInScope(scope, '3.1.1')).toBe(true);
      expect(isClaimInScope(scope, '4.3.2')).toBe(true);
      expect(inScopeClaimIds(ukSscp2025v1, scope)).toHaveLength(10 + 6);
    }
  });

  it('puts themes 1 and 2 in scope for a developer only, and theme 3 when they say it is theirs', () => {
    const without = { role: 'developer-only', theme3InScope: false } as const;
    const withTheme3 = { role: 'developer-only', theme3InScope: true } as const;
    expect(themesInScope(without)).toEqual(['1', '2']);
    expect(themesInScope(withTheme3)).toEqual(['1', '2', '3']);
    expect(isPrincipleInScope(without, '3.2')).toBe(false);
    expect(isPrincipleInScope(withTheme3, '3.2')).toBe(true);
    expect(isThemeInScope(withTheme3, '4')).toBe(false);
    expect(inScopeClaimIds(ukSscp2025v1, without)).toHaveLength(19 + 10);
    expect(inScopeClaimIds(ukSscp2025v1, withTheme3)).toHaveLength(19 + 10 + 10);
  });

  it('keeps out-of-scope claims in the list, marked as such', () => {
    const scopes = claimScopes(ukSscp2025v1, { role: 'reseller', theme3InScope: false });
    expect(scopes).toHaveLength(45);
    expect(scopes[0]).toEqual({ claimId: '1.1.1', inScope: false });
    expect(scopes.at(-1)).toEqual({ claimId: '4.3.2', inScope: true });
  });

  it('rejects a role it does not know, with a hint', () => {
    expect(() => themesInScope({ role: 'distributor' as VendorRole, theme3InScope: false })).toThrow(/not a vendor role/);
    expect(() => describeRole('distributor' as VendorRole)).toThrow(/not a vendor role/);
  });
});

describe('plain-language role descriptions', () => {
  it('explains every role and agrees with the scope rules', () => {
    for (const role of VENDOR_ROLES) {
      const d = describeRole(role);
      expect(d.role).toBe(role);
      expect(d.label.length).toBeGreaterThan(0);
      expect(d.meaning.length).toBeGreaterThan(40);
      expect(d.scope.length).toBeGreaterThan(20);
      expect(d.themes).toEqual(themesInScope({ role, theme3InScope: false }));
      expect([...d.themes, ...d.optionalThemes]).toEqual(themesInScope({ role, theme3InScope: true }));
    }
    expect(describeRole('developer-only').optionalThemes).toEqual(['3']);
  });

  it('writes a scope sentence for the pack', () => {
    expect(describeScope({ role: 'developer-distributor', theme3InScope: false })).toBe(
      'Themes 1, 2, 3 and 4 are in scope for the role "Developer and distributor": all principles apply.',
    );
    expect(describeScope({ role: 'reseller', theme3InScope: false })).toBe(
      'Themes 3 and 4 are in scope for the role "Reseller"; themes 1 and 2 are out of scope.',
    );
    expect(describeScope({ role: 'developer-only', theme3InScope: true })).toBe(
      'Themes 1, 2 and 3 are in scope for the role "Developer only"; theme 4 is out of scope.',
    );
  });
});
