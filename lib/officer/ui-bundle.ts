import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The console's page: HTML (with the request secret), one script, one stylesheet, all served from memory. */
export interface UiBundle {
  html: (csrf: string) => string;
  js: string;
  css: string;
}

const here = (name: string) => fileURLToPath(new URL(`./ui/${name}`, import.meta.url));

/**
 * Builds the Preact console with esbuild (already installed: tsx runs on it) when the console
 * starts, in memory, in well under a second: no build step to forget, nothing written to disk,
 * and the page shares `lib/core` with the extension and the CLI.
 */
export async function buildUi(): Promise<UiBundle> {
  const result = await build({
    entryPoints: [here('main.tsx')],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const js = result.outputFiles[0]!.text;
  const css = await readFile(here('console.css'), 'utf8');
  return {
    js,
    css,
    html: (csrf) => `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="vigie-token" content="${csrf}">
<title>Vigie — console du responsable / officer's console</title>
<link rel="stylesheet" href="/app.css">
<script type="module" src="/app.js"></script>
</head>
<body><div id="app"></div></body>
</html>
`,
  };
}
