// Rocket.Chat's license modules by the names people know them by in the admin UI and on price
// lists, in the window's language (the catalogs' `module.*` codes). The id stays visible as a
// tooltip and in receipts.
import { i18n } from './i18n.svelte';

/** The module's name; an unknown or external module keeps its id. */
export function moduleName(id: string): string {
  return i18n.maybe(`module.${id}`) ?? id;
}
