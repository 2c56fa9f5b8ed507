import { build } from 'esbuild';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import type { Bridge } from './bridge';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Serves the built renderer on 127.0.0.1 with the same CSP header Electron adds. */
export async function serveRenderer(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = normalize(join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
      if (!path.startsWith(root + sep) && path !== root) return void res.writeHead(403).end();
      const file = (await stat(path).catch(() => null))?.isFile() ? path : join(root, 'index.html');
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      });
      createReadStream(file).pipe(res);
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** The stand-in preload as one script, built from the same buildApi the real preload uses. */
export async function bundleStandinPreload(appRoot: string): Promise<string> {
  const out = await build({
    entryPoints: [join(appRoot, 'test/e2e/standin-preload.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome140',
    write: false,
    logLevel: 'warning',
  });
  return out.outputFiles[0]!.text;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=en-GB',
];

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

export interface AppPage {
  readonly page: Page;
  /** Requests the page tried to make anywhere other than the served renderer. */
  readonly strayRequests: string[];
  /** Messages the page logged as errors (CSP violations show up here). */
  readonly consoleErrors: string[];
}

/**
 * Opens the renderer with the stand-in preload wired to the bridge. Every request that is
 * not for the served renderer is aborted and recorded: the app must never try to reach out.
 */
export async function openApp(browser: Browser, rendererUrl: string, bridge: Bridge, preloadSource: string): Promise<AppPage> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 860 },
    colorScheme: 'light',
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  const strayRequests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(rendererUrl)) return route.continue();
    strayRequests.push(url);
    return route.abort();
  });
  const headers = { 'x-sscp-token': bridge.token, 'content-type': 'application/json' };
  // The reply crosses into the page as the bridge's JSON text, parsed there by the stand-in
  // preload: Playwright would otherwise rebuild a large reply field by field through its own
  // protocol, many times slower than Electron's structured clone, and the UI bench would time that.
  await context.exposeBinding('__sscpInvoke', async (_source, channel: unknown, args: unknown) => {
    const res = await fetch(`${bridge.url}/invoke`, { method: 'POST', headers, body: JSON.stringify({ channel, args }) });
    return res.text();
  });
  await context.exposeBinding('__sscpPoll', async () => {
    const res = await fetch(`${bridge.url}/events`, { headers });
    return res.json();
  });
  await context.addInitScript({ content: preloadSource });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  await page.goto(rendererUrl);
  return { page, strayRequests, consoleErrors };
}
