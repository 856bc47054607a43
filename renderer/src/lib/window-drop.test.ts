// A file dropped outside the drop area is read as the license on the Install view, and said when
// it cannot be — never silently ignored, never opened as a page.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import LicensePanel from '../components/LicensePanel.svelte';
import { app, install, status } from './app-state.svelte';
import { windowDrop } from './window-drop';
import { fakeApi, inspection, ok } from '../test-fixtures';

beforeEach(() => app.reset());
afterEach(() => cleanup());

function dropOn(target: EventTarget, files: File[]): DragEvent {
  const event = new Event('drop', { bubbles: true, cancelable: true }) as DragEvent;
  Object.defineProperty(event, 'dataTransfer', { value: { files, getData: () => '' } });
  Object.defineProperty(event, 'target', { value: target });
  return event;
}

describe('a file dropped outside the drop area', () => {
  it('on Install: read as the license, and the page does not open it', async () => {
    const api = fakeApi({ 'license.inspect': () => ok(inspection()) });
    render(LicensePanel);
    const event = dropOn(document.body, [new File(['RCV3_a.b.c'], 'acme.lic')]);
    await windowDrop(event);
    expect(event.defaultPrevented).toBe(true);
    expect(api['license.inspect']).toHaveBeenCalledTimes(1);
    expect(await screen.findByTestId('license-summary')).toBeInTheDocument();
  });

  it('on the drop area itself: left to the drop area (read once, not twice)', async () => {
    const api = fakeApi({ 'license.inspect': () => ok(inspection()) });
    render(LicensePanel);
    await windowDrop(dropOn(screen.getByTestId('dropzone'), [new File(['x'], 'a.lic')]));
    expect(api['license.inspect']).not.toHaveBeenCalled();
  });

  it('on History, or while an installation runs: not read, and the status line says why', async () => {
    const api = fakeApi();
    app.view = 'history';
    await windowDrop(dropOn(document.body, [new File(['x'], 'acme.lic')]));
    expect(status.announcement).toBe('Not read: acme.lic was dropped on History. Open Install and drop it there.');
    app.view = 'install';
    install.installing = true;
    await windowDrop(dropOn(document.body, [new File(['x'], 'acme.lic')]));
    expect(status.announcement).toBe('Not read: an installation is running. Drop acme.lic again once it has ended.');
    expect(api['license.inspect']).not.toHaveBeenCalled();
  });
});
