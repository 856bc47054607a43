import { describe, expect, it } from 'vitest';
import { join, normalize } from 'node:path';
import { CONTENT_SECURITY_POLICY, isTrustedSender, resolveRendererPath, windowOptions } from './security';

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

  it('allows nothing remote in the CSP', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
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
  });
});
