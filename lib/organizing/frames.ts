/**
 * Where the organizing content scripts (page world and isolated) run: every frame of a guarded
 * platform, and the `about:blank`, `srcdoc`, `blob:` and `data:` frames and pop-ups a platform
 * page opens (they belong to its origin). Without this, a page could put its member list in a
 * blank iframe or pop-up and copy, write the clipboard or print it there unchecked.
 */
export const EVERY_FRAME = { allFrames: true, matchAboutBlank: true, matchOriginAsFallback: true } as const;
