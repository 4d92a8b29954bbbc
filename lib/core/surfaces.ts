import type { Surface } from './policy';

/**
 * Surfaces that take data out of the platform or speak for the organisation: each needs a valid
 * grant covering the platform, so a missing, expired or revoked grant blocks all of them.
 */
export const EXPORT_SURFACES: readonly Surface[] = ['download', 'export-click', 'copy', 'print', 'share', 'publish'];
