/** Events on one page of the log viewer; its first page comes with the options page's state. */
export const LOG_PAGE_ROWS = 200;
