import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, normalize, win32 } from 'node:path';
import { CONTENT_SECURITY_POLICY, RENDERER_MIME, isTrustedSender, pageMayRequest, resolveRendererPath, windowOptions } from './security';

describe('window security', () => {
  it('isolates and sandboxes the renderer: every preference, exactly', () => {
    const options = windowOptions('/app/preload.cjs');
    expect(options).toEqual({
      width: 1280,
      height: 800,
      x: undefined,
      y: undefined,
      minWidth: 1024,
      minHeight: 700,
      show: false,
      title: 'Offline License Installer for Rocket.Chat',
      backgroundColor: '#1f2329',
      webPreferences: {
        preload: '/app/preload.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        experimentalFeatures: false,
        navigateOnDragDrop: false,
        spellcheck: false,
        safeDialogs: true,
        devTools: false,
      },
    });
    expect(windowOptions('/p', { width: 1300, height: 820, x: 5, y: 6 })).toMatchObject({ width: 1300, height: 820, x: 5, y: 6 });
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
    expect(isTrustedSender({ id: 1 }, 'app://elsewhere/index.html', true, 1)).toBe(false);
    expect(isTrustedSender({ id: 1 }, 'https://renderer/index.html', true, 1)).toBe(false);
    expect(isTrustedSender({ id: 1 }, 'not a url', true, 1)).toBe(false);
    expect(isTrustedSender({ id: 1 }, '', true, 1)).toBe(false);
    expect(isTrustedSender(undefined, 'app://renderer/', true, 1)).toBe(false);
  });

  it('serves only files inside the renderer folder', () => {
    const root = '/opt/app/out/renderer';
    expect(resolveRendererPath(root, 'app://renderer/', join, normalize)).toBe('/opt/app/out/renderer/index.html');
    expect(resolveRendererPath(root, 'app://renderer/assets/x.js', join, normalize)).toBe('/opt/app/out/renderer/assets/x.js');
    expect(resolveRendererPath(root, 'app://renderer/..%2f..%2fmain%2fmain.cjs', join, normalize)).toBeNull();
    expect(resolveRendererPath(root, 'app://other/index.html', join, normalize)).toBeNull();
    expect(resolveRendererPath(root, 'app://renderer/%E0%A4%A', join, normalize)).toBeNull();
    expect(resolveRendererPath(root, 'not a url', join, normalize)).toBeNull();
    expect(resolveRendererPath(root, 'https://renderer/index.html', join, normalize)).toBeNull();
    expect(resolveRendererPath(root, 'app://renderer//index.html', join, normalize)).toBe('/opt/app/out/renderer/index.html');
    // A sibling folder whose name starts like the root is outside it.
    expect(resolveRendererPath(root, 'app://renderer/..%2frenderer-evil%2fx.js', join, normalize)).toBeNull();
    expect(resolveRendererPath(`${root}/`, 'app://renderer/assets/x.js', join, normalize)).toBe('/opt/app/out/renderer/assets/x.js');
  });

  it('keeps to the renderer folder with Windows paths too', () => {
    const root = 'C:\\Program Files\\App\\resources\\app.asar\\out\\renderer';
    expect(resolveRendererPath(root, 'app://renderer/assets/x.js', win32.join, win32.normalize)).toBe(`${root}\\assets\\x.js`);
    expect(resolveRendererPath(root, 'app://renderer/..%5c..%5cmain%5cmain.cjs', win32.join, win32.normalize)).toBeNull();
    expect(resolveRendererPath(root, 'app://renderer/..%2frenderer-evil%2fx.js', win32.join, win32.normalize)).toBeNull();
    expect(resolveRendererPath(`${root}\\`, 'app://renderer/index.html', win32.join, win32.normalize)).toBe(`${root}\\index.html`);
  });

  it('serves each kind of built file with its own content type', () => {
    expect(RENDERER_MIME).toEqual({
      '.html': 'text/html; charset=utf-8',
      '.js': 'text/javascript; charset=utf-8',
      '.css': 'text/css; charset=utf-8',
      '.svg': 'image/svg+xml',
      '.png': 'image/png',
      '.woff2': 'font/woff2',
      '.json': 'application/json',
    });
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
