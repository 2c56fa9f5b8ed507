import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Plugin } from 'vite';
import viteConfig from '../../../renderer/vite.config';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY, withCspMeta } from '../../../shared/csp';

const readIndexHtml = () => readFile(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
const CSP_META = /<meta http-equiv="Content-Security-Policy" content="([^"]+)" \/>/g;

/** What the renderer build does to index.html: every transformIndexHtml hook of the Vite config, in order. */
async function builtIndexHtml(html: string): Promise<string> {
  const plugins = (viteConfig as { plugins: (Plugin | Plugin[])[] }).plugins.flat();
  let out = html;
  for (const p of plugins) {
    const hook = p.transformIndexHtml;
    if (!hook) continue;
    const handler = typeof hook === 'function' ? hook : hook.handler;
    const result: unknown = await (handler as (h: string, ctx: unknown) => unknown)(out, { path: '/index.html', filename: 'index.html' });
    if (typeof result === 'string') out = result;
  }
  return out;
}

describe('the content security policy', () => {
  it('is written once: index.html carries no copy of its own, the build adds the one from shared/csp.ts', async () => {
    const source = await readIndexHtml();
    expect(source).not.toMatch(/Content-Security-Policy/i);
    const built = await builtIndexHtml(source);
    const metas = [...built.matchAll(CSP_META)].map((m) => m[1]);
    expect(metas).toEqual([META_CONTENT_SECURITY_POLICY]);
    expect(CONTENT_SECURITY_POLICY).toBe(`${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  });

  it('puts the meta tag straight after the charset, before anything the page loads', async () => {
    const built = await builtIndexHtml(await readIndexHtml());
    const csp = built.search(CSP_META);
    expect(csp).toBeGreaterThan(built.indexOf('<meta charset="utf-8" />'));
    for (const loader of ['<script', '<link', '<style', '<title']) {
      if (built.includes(loader)) expect(csp).toBeLessThan(built.indexOf(loader));
    }
  });

  it('fails the build rather than ship a page with a second policy or none', () => {
    expect(() =>
      withCspMeta(`<head><meta charset="utf-8" /><meta http-equiv="content-security-policy" content="default-src *" /></head>`),
    ).toThrow(/already has a Content-Security-Policy/);
    expect(() => withCspMeta('<head><title>x</title></head>')).toThrow(/no <meta charset/);
  });

  it('allows nothing remote: no http(s) source, no inline script or style, no eval, no connections', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|unsafe-inline|unsafe-eval|blob:/);
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
    expect(CONTENT_SECURITY_POLICY.startsWith("default-src 'none'")).toBe(true);
  });

  it('loads no remote fonts, images or scripts from the page itself', async () => {
    const html = await readIndexHtml();
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});
