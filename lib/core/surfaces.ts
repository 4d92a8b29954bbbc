import type { Surface } from './policy';

/** Surfaces that take data out of the platform; an invalid grant blocks all of them. */
export const EXPORT_SURFACES: readonly Surface[] = ['download', 'export-click', 'copy', 'print'];
