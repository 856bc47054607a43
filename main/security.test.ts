import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { CONTENT_SECURITY_POLICY, isTrustedSender, pageMayRequest, resolveRendererPath, windowOptions } from './security';

describe('window security', () => {
  it('isolates and sandboxes the renderer', () => {
    const prefs = windowOptions('/app/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/preload.cjs',
    });
  });

  // Directive by directive, not "contains": a widened source list (`script-src * 'unsafe-eval'`)
  // must fail here, and the page's own meta policy must say the same.
  const EXPECTED_POLICY = {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'none'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  const directives = (policy: string) => Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));

  it('allows nothing remote in the CSP: exactly these directives', () => {
    expect(directives(CONTENT_SECURITY_POLICY)).toEqual(EXPECTED_POLICY);
  });

  it("the page's meta policy is the same (without frame-ancestors, which a meta tag cannot carry)", () => {
    const html = readFileSync(join(process.cwd(), 'renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)![1];
    const { 'frame-ancestors': _fa, ...rest } = EXPECTED_POLICY;
    expect(directives(meta)).toEqual(rest);
  });

  it('trusts only our window top frame on app://renderer', () => {
    expect(isTrustedSender({ id: 1 }, 'app://renderer/index.html', true, 1)).toBe(true);
    expect(isTrustedSender({ id: 2 }, 'app://renderer/index.html', true, 1)).toBe(false);
    expect(isTrustedSender({ id: 1 }, 'app://renderer/index.html', false, 1)).toBe(false);
    expect(isTrustedSender({ id: 1 }, 'https://evil.example/', true, 1)).toBe(false);
    expect(isTrustedSender({ id: 1 }, 'file:///etc/passwd', true, 1)).toBe(false);
    expect(isTrustedSender(null, 'app://renderer/', true, 1)).toBe(false);
    expect(isTrustedSender({ id: 1 }, 'app://renderer/', true, null)).toBe(false);
  });

  it('serves only files inside the renderer folder', () => {
    const root = '/opt/app/out/renderer';
    expect(resolveRendererPath(root, 'app://renderer/', join, normalize)).toBe('/opt/app/out/renderer/index.html');
    expect(resolveRendererPath(root, 'app://renderer/assets/x.js', join, normalize)).toBe('/opt/app/out/renderer/assets/x.js');
    expect(resolveRendererPath(root, 'app://renderer/..%2f..%2fmain%2fmain.cjs', join, normalize)).toBeNull();
    expect(resolveRendererPath(root, 'app://other/index.html', join, normalize)).toBeNull();
    expect(resolveRendererPath(root, 'app://renderer/%E0%A4%A', join, normalize)).toBeNull();
  });

  it('the page may load its own bundle and data: images, and nothing else; devtools:// only in development', () => {
    expect(pageMayRequest('app://renderer/assets/index.js', false)).toBe(true);
    expect(pageMayRequest('data:image/png;base64,AA==', false)).toBe(true);
    for (const url of ['app://renderer', 'app://rendererx/a.js', 'http://127.0.0.1/', 'file:///etc/passwd', 'devtools://devtools/bundled/x.html']) expect(pageMayRequest(url, false), url).toBe(false);
    expect(pageMayRequest('devtools://devtools/bundled/x.html', true)).toBe(true);
  });

  it('DevTools are off unless asked for', () => {
    expect(windowOptions('/p').webPreferences!.devTools).toBe(false);
    expect(windowOptions('/p', undefined, { devTools: true }).webPreferences!.devTools).toBe(true);
  });
});
