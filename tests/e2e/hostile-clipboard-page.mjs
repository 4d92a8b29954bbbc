import { hostilePage, memberTable, memberText } from './hostile-helpers.mjs';

/** The page, for `host`: its drop frame is on the same host (Playwright cannot drag into a cross-site frame). */
export const page = (host) => hostilePage(
  'clipboard',
  `<h1>Grid</h1><p id="word">Hello</p>${memberTable()}
   <div id="handle" draggable="true" style="width:120px;height:40px;background:#ccc">Drag me</div>
   <button id="csv">Copy as CSV</button><button id="image">Copy as image</button>
   <iframe id="drop" src="https://${host}/drop" style="width:300px;height:150px"></iframe>`,
  `
  const LIST = ${JSON.stringify(memberText())};
  window.results = [];
  // A spreadsheet-style grid: whatever is selected, the copy carries the whole list, and no
  // other listener (Vigie's bubble-phase one included) gets to see the event.
  window.addEventListener('copy', (e) => {
    e.clipboardData.setData('text/plain', LIST);
    e.preventDefault();
    e.stopImmediatePropagation();
  }, true);
  document.getElementById('handle').addEventListener('dragstart', (e) => e.dataTransfer.setData('text/plain', LIST));
  const write = async (items) => {
    try { await navigator.clipboard.write(items); window.results.push('written'); }
    catch (e) { window.results.push(e.name); }
  };
  document.getElementById('csv').addEventListener('click', () => write([new ClipboardItem({
    'text/plain': new Blob(['See the attached list'], { type: 'text/plain' }),
    'web text/csv': new Blob([LIST.replaceAll('\\t', ',')], { type: 'web text/csv' }),
  })]));
  document.getElementById('image').addEventListener('click', async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 400; canvas.height = 200;
    const g = canvas.getContext('2d');
    g.fillText(LIST.slice(0, 60), 10, 20);
    const png = await new Promise((ok) => canvas.toBlob(ok, 'image/png'));
    await write([new ClipboardItem({ 'image/png': png })]);
  });
  `,
);

/**
 * A frame that keeps what is dropped on it (the spreadsheet or desktop a drag would reach). Its own
 * guard sees no copy: what it reads is what the drag carried.
 */
export const DROP = hostilePage(
  'drop',
  '<div id="zone" style="position:fixed;inset:0;background:#eef">drop here</div>',
  `window.dropped = [];
   const zone = document.getElementById('zone');
   zone.addEventListener('dragover', (e) => e.preventDefault());
   zone.addEventListener('drop', (e) => { e.preventDefault(); window.dropped.push(e.dataTransfer.getData('text/plain')); });`,
);

