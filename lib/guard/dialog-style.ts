/** The dialog's own styles, inside its shadow root: the page's CSS cannot reach them, nor they the page. */
export const DIALOG_CSS = `
:host { all: initial; }
.backdrop { position: fixed; inset: 0; z-index: 2147483647; background: rgba(20, 24, 31, .45);
  display: flex; align-items: center; justify-content: center; font: 14px/1.45 system-ui, sans-serif; color: #1b1f24; }
.dialog { background: #fff; border-radius: 10px; box-shadow: 0 12px 40px rgba(0,0,0,.3); max-width: 520px; width: calc(100% - 32px);
  max-height: calc(100% - 32px); overflow: auto; padding: 18px 20px; box-sizing: border-box; border-top: 6px solid #b3261e; }
header { display: flex; justify-content: space-between; align-items: center; }
.brand { font-weight: 700; letter-spacing: .04em; color: #5b616b; text-transform: uppercase; font-size: 12px; }
h2 { font-size: 18px; margin: 6px 0 10px; }
.reasons { margin: 0 0 10px; padding-left: 20px; }
.reasons li { margin-bottom: 8px; }
.clause { display: block; color: #5b616b; font-size: 12px; }
.note { background: #f3f5f8; border-radius: 6px; padding: 8px 10px; margin: 8px 0; }
label { display: block; margin: 10px 0 4px; font-weight: 600; }
input, textarea { display: block; width: 100%; box-sizing: border-box; margin-top: 4px; font: inherit; padding: 6px 8px;
  border: 1px solid #8a919b; border-radius: 6px; font-weight: 400; }
.error { color: #b3261e; margin: 4px 0 0; min-height: 1em; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; justify-content: flex-end; margin-top: 14px; }
button { font: inherit; border-radius: 6px; padding: 7px 14px; cursor: pointer; border: 1px solid #1a4d8f; }
button.primary { background: #1a4d8f; color: #fff; }
button.secondary { background: #fff; color: #1a4d8f; }
button.link { border: none; background: none; color: #1a4d8f; text-decoration: underline; padding: 2px 4px; }
button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 3px solid #f2b705; outline-offset: 1px; }
`;
