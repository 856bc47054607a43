// The core's sentences in Brazilian Portuguese (Rocket.Chat's own words: ../shared/TERMINOLOGY.md).
import type { CatalogOf } from '../messages';
import type { CoreSource } from '../en';
import installs from './installs';
import license from './license';
import words from './words';
import workspaces from './workspaces';

const ptBR: CatalogOf<CoreSource> = { ...words, ...license, ...workspaces, ...installs };

export default ptBR;
