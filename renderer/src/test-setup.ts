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
