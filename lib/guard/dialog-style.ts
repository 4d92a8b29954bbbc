/**
 * The dialog's own styles, inside its shadow root: the page's CSS cannot reach them, nor they the
 * page. The host's declarations are `!important` because, for important declarations, the shadow
 * tree's win over the page's (CSS Scoping), even over a page's inline `!important`: the page
 * cannot hide the host, make it transparent or take its clicks away. The `<dialog>` itself is in
 * the top layer, out of reach of the page's stacking, transforms and clipping.
 */
export const DIALOG_CSS = `
:host { all: initial !important; display: block !important; visibility: visible !important; opacity: 1 !important;
  pointer-events: auto !important; content-visibility: visible !important; }
dialog { box-sizing: border-box; visibility: visible; opacity: 1; pointer-events: auto; filter: none; transform: none;
  background: #fff; color: #1b1f24; border: 0; border-radius: 10px; box-shadow: 0 12px 40px rgba(0,0,0,.35);
  width: min(560px, calc(100vw - 24px)); max-height: calc(100dvh - 24px); overflow: auto; margin: auto; padding: 16px 20px 18px;
  font: 16px/1.45 system-ui, sans-serif; border-top: 8px solid #b3261e; }
dialog.warn { border-top-color: #a15c00; }
dialog::backdrop { background: rgba(20, 24, 31, .55); }
header { display: flex; justify-content: space-between; align-items: center; gap: 8px; }
.brand { font-weight: 700; color: #8a1c1c; font-size: 14px; }
.warn .brand { color: #7a4500; }
h2 { font-size: 20px; margin: 4px 0 8px; line-height: 1.3; }
.reasons { margin: 0 0 8px; padding-left: 20px; }
.reasons li { margin-bottom: 6px; }
.clause { display: block; color: #4a505a; font-size: 14px; }
.note { background: #f1f3f6; border-radius: 6px; padding: 6px 10px; margin: 6px 0; }
label { display: block; margin: 8px 0 4px; font-weight: 600; }
label.choice { font-weight: 400; margin: 4px 0; }
fieldset { border: 1px solid #c5cad2; border-radius: 6px; margin: 8px 0; padding: 6px 12px 8px; }
legend { font-weight: 600; padding: 0 4px; }
input[type=text], textarea { display: block; width: 100%; box-sizing: border-box; margin-top: 4px; font: inherit; padding: 6px 8px;
  border: 1px solid #6b727c; border-radius: 6px; font-weight: 400; color: inherit; background: #fff; }
.error { color: #b3261e; margin: 4px 0 0; }
.error:empty { display: none; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; justify-content: flex-end; margin-top: 12px; }
button { font: inherit; border-radius: 6px; padding: 8px 14px; cursor: pointer; border: 1px solid #1a4d8f; }
button.primary { background: #1a4d8f; color: #fff; font-weight: 600; }
button.secondary { background: #fff; color: #1a4d8f; }
button.link { border: none; background: none; color: #1a4d8f; text-decoration: underline; padding: 2px 4px; }
button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 3px solid #1b1f24; outline-offset: 2px; box-shadow: 0 0 0 5px #f2b705; }
@media (max-height: 420px) { dialog { font-size: 14px; padding: 10px 14px; } h2 { font-size: 17px; } }
`;
