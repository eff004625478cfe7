import { apiError } from './errors';

/**
 * 409 VERSION_CONFLICT: the save was based on `base`, the bot is at `current`. `details.current`
 * lets the editor fetch the version it missed and offer to reload it or save over it knowingly.
 */
export const versionConflict = (current: number, base: number) =>
  apiError(409, 'VERSION_CONFLICT', { params: { current, base }, details: { current } });
