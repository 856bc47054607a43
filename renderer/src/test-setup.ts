import '@testing-library/jest-dom/vitest';

// jsdom has no modal dialogs: the smallest stand-in for <dialog>.showModal()/close() (Chromium's
// real behaviour — focus trap, Escape — is covered by the browser-bridge specs).
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
    if (!this.open) return;
    this.open = false;
    this.dispatchEvent(new Event('close'));
  };
}

// The window speaks English in component tests, as it does once main.ts has loaded the language.
import { beforeEach } from 'vitest';
import { i18n } from './lib/i18n.svelte';
beforeEach(async () => {
  if (i18n.lang !== 'en' || i18n.t('nav.install') === 'nav.install') await i18n.use('en');
});
