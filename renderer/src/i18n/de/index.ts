// The window's own words in German, one file per area.
import type { CatalogOf } from '../../../../main/core/i18n/messages';
import type { WindowSource } from '../en';
import frame from './frame';
import job from './job';
import license from './license';
import workspace from './workspace';

const de: CatalogOf<WindowSource> = { ...frame, ...workspace, ...license, ...job };

export default de;
