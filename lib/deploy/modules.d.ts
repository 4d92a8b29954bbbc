// The two packagers ship no TypeScript types; only what the kit calls is declared.
declare module 'crx3' {
  interface Crx3Options {
    keyPath: string;
    crxPath: string;
    zipPath?: string;
    xmlPath?: string;
  }
  export default function crx3(files: string[], options: Crx3Options): Promise<{ appId: string }>;
}

declare module 'web-ext' {
  const webExt: {
    cmd: {
      build(
        params: { sourceDir: string; artifactsDir: string; filename?: string; overwriteDest?: boolean },
        options?: { showReadyMessage?: boolean; shouldExitProgram?: boolean },
      ): Promise<{ extensionPath: string }>;
    };
  };
  export default webExt;
}
