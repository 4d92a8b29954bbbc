import type { SelectorChain } from '../lookup';

/**
 * Every selector Vigie uses on NationBuilder's control panel (<nation>.nationbuilder.com/admin/…).
 * Sources: /work/shared/research/platforms.md §5 ([V] the People section has an "Actions" dropdown
 * in its toolbar; a person's Privacy tab has a "Data download" that saves a file in the browser;
 * [G] the bulk "Export" item's markup, the `/admin/…/exports` path and every id, class and French
 * label: no source shows them). "Export"/"Exporter" items and "Data download"/"Téléchargement des
 * données" are recognised by label (lib/organizing/export-controls.ts) without these.
 */
export const NATIONBUILDER = {
  exportControls: {
    why: 'the People "Actions" menu export item and the Privacy tab data download, by the ids/attributes the fixtures guess',
    fallbacks: ['[data-action="export"], #people_export', 'a.data-download, [data-action="data-download"]'],
  },
} as const satisfies Record<string, SelectorChain>;
