// No zod here: content scripts read these too.

/**
 * How long a held download waits for the person's answer before it is cancelled. Chrome keeps a
 * download held in `onDeterminingFilename` for as long as the worker lives; the worker is kept up
 * meanwhile (see ask-page.ts), but a download must never wait forever on a forgotten tab.
 */
export const HOLD_TIMEOUT_MS = 3 * 60_000;

/** The page's dialog closes a little before the background gives up, so its answer still counts. */
export const HOLD_DIALOG_MS = HOLD_TIMEOUT_MS - 10_000;
