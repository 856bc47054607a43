// The core's sentences in English: the source every other language is checked against
// (CatalogOf<CoreSource>). Each code's parameters are its function's; values (URLs, ids, versions)
// arrive already isolated for right-to-left text, nested messages already rendered. Plain data: the
// window loads it (and each translation) on demand. One file per area (docs/ARCHITECTURE.md).
import installs from './installs';
import license from './license';
import words from './words';
import workspaces from './workspaces';

const en = { ...words, ...license, ...workspaces, ...installs };

export default en;
export type CoreSource = typeof en;
export type WordsSource = typeof words;
export type LicenseSource = typeof license;
export type WorkspacesSource = typeof workspaces;
export type InstallsSource = typeof installs;
