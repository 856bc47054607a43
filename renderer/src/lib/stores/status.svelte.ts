// The status line: the one sentence read out to screen readers (aria-live) and shown at the foot
// of the window, with when it was said, so an old message never sits under a newer one.
import type { AppError } from '../../../../main/core/contract';
import { installer } from '../installer';
import { i18n, t } from '../i18n.svelte';

/** What the status line says: a thunk, so that it is said again in a language chosen later. */
type Said = string | (() => string);

export class StatusStore {
  #said = $state<Said>(() => t('status.ready'));
  get announcement(): string {
    const s = this.#said;
    return typeof s === 'function' ? s() : s;
  }
  // A Date replaced whole, never changed in place: plain $state is enough.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  announcedAt = $state(new Date());

  announce(text: Said): void {
    this.#said = text;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole (see above)
    this.announcedAt = new Date();
  }

  /** A failure, as the status line's newest message (also one shown in a form: sign-in, add, trust, rename). */
  announceError(error: AppError): void {
    this.announce(() => t('status.error', { message: i18n.error(error).message, detail: error.detail ? i18n.text({ message: error.detail, msg: error.detailMsg }) : '' }).trim());
  }

  /** Copies through the shell (the page has no clipboard permission); says the text when it cannot. */
  async copy(text: string, what: () => string): Promise<void> {
    const r = await installer()['clipboard.write']({ text });
    this.announce(r.ok && r.value.copied ? () => t('status.copied', { what: what() }) : () => t('status.notCopied', { what: what(), text }));
  }
}
