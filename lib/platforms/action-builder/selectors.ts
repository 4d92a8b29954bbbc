import type { SelectorChain } from '../lookup';

/**
 * Every selector Vigie uses on Action Builder (<organisation>.actionbuilder.org). Sources:
 * /work/shared/research/platforms.md §1.6 ([V] exports are for Leads and Admins; the Uploads list
 * has a "CSV" link that re-downloads an uploaded file; the Wall Chart lists a campaign's people;
 * [G] the export button and every id, class and French label: no source shows the markup).
 * The "Export" button and the "CSV" links are recognised by label and URL without these.
 */
export const ACTION_BUILDER = {
  exportControls: {
    why: 'the Wall Chart export and the Uploads CSV links by the ids/classes the fixtures guess',
    fallbacks: ['#wall_chart_export, [data-action="export"]', 'a.upload-csv, .export-button'],
  },
} as const satisfies Record<string, SelectorChain>;
