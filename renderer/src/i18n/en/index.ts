// The window's own words in English: the source every other language is checked against. The core's
// sentences (checks, status, errors) are in main/core/i18n; this is what the window says itself, one
// file per area. Values arrive isolated for right-to-left text.
import frame from './frame';
import job from './job';
import license from './license';
import workspace from './workspace';

const en = { ...frame, ...workspace, ...license, ...job };

export default en;
export type WindowSource = typeof en;
export type FrameSource = typeof frame;
export type WorkspaceSource = typeof workspace;
export type LicenseSource = typeof license;
export type JobSource = typeof job;
