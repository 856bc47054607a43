// The window's own words in Arabic (right to left; values arrive isolated), one file per area.
import type { CatalogOf } from '../../../../main/core/i18n/messages';
import type { WindowSource } from '../en';
import frame from './frame';
import job from './job';
import license from './license';
import workspace from './workspace';

const ar: CatalogOf<WindowSource> = { ...frame, ...workspace, ...license, ...job };

export default ar;
