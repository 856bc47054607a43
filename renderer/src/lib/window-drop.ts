// A file dropped anywhere in the window. It must never replace the page (a browser would navigate
// to it), and it is never silently ignored: on the Install view it is read as the license, as if
// dropped on the drop area; elsewhere, or while an installation runs, the status line says why not.
import { app, fileSource, install, license, status } from './app-state.svelte';
import { t } from './i18n.svelte';

export async function windowDrop(event: DragEvent): Promise<void> {
  event.preventDefault();
  // The drop area reads its own drops.
  if (event.target instanceof Element && event.target.closest('[data-testid="dropzone"]')) return;
  const file = event.dataTransfer?.files?.[0];
  if (!file) return;
  if (app.view !== 'install')
    return status.announce(() => t('status.droppedOnView', { file: file.name, view: app.view === 'history' ? t('nav.history') : t('nav.about') }));
  if (install.installing)
    return status.announce(() => t('status.droppedWhileRunning', { file: file.name }));
  await license.readLicense(await fileSource(file));
}

export function listenForWindowDrops(target: Window = window): void {
  target.addEventListener('dragover', (e) => e.preventDefault());
  target.addEventListener('drop', (e) => void windowDrop(e));
}
