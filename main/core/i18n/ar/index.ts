// The core's sentences in Arabic (Rocket.Chat's own words: ../shared/TERMINOLOGY.md). Values
// (URLs, versions, ids) arrive isolated (FSI … PDI), so they keep their order inside these
// right-to-left sentences; Arabic has six plural forms.
import type { CatalogOf } from '../messages';
import type { CoreSource } from '../en';
import installs from './installs';
import license from './license';
import words from './words';
import workspaces from './workspaces';

const ar: CatalogOf<CoreSource> = { ...words, ...license, ...workspaces, ...installs };

export default ar;
