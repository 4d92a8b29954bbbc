import { readdirSync, readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import type { Entrypoint } from 'wxt';
import { CONTENT_SCRIPT_SITES, sitePackPart } from '../../lib/packs/site-parts';
import { narrowSitePackPerContentScript } from '../../scripts/site-pack-parts';

const SITES_FILE = new URL('../../lib/packs/sites.json', import.meta.url);
const pack = JSON.parse(readFileSync(SITES_FILE, 'utf8'));
const contentScripts = readdirSync(new URL('../../entrypoints/', import.meta.url)).flatMap((f) => (f.endsWith('.content') ? [f.slice(0, -'.content'.length)] : []));

describe("a content script's part of the site pack", () => {
  it("holds only the named platforms, each lookup's fallbacks and the labels and numbers as they are", () => {
    const part = sitePackPart(pack, ['gmail']);
    expect(Object.keys(part.platforms)).toEqual(['gmail']);
    expect(part.version).toBe(pack.version);
    expect(part.vigie).toBe('sites/1');
    expect(part.platforms.gmail!.labels).toEqual(pack.platforms.gmail.labels);
    expect(part.platforms.gmail!.numbers).toEqual(pack.platforms.gmail.numbers);
    for (const [name, lookup] of Object.entries(pack.platforms.gmail.lookups as Record<string, { fallbacks: string[] }>)) {
      expect(part.platforms.gmail!.lookups[name]).toEqual({ fallbacks: lookup.fallbacks });
    }
  });

  it('leaves out the notes for people (note, sources, why)', () => {
    const text = JSON.stringify(sitePackPart(pack, ['facebook', 'instagram', 'x', 'youtube']));
    expect(text).not.toMatch(/"(note|sources|why)"/);
    expect(text).not.toContain(pack.platforms.facebook.sources);
  });

  it('refuses a platform the pack does not have, naming it', () => {
    expect(() => sitePackPart(pack, ['myspace'])).toThrow(/no platform "myspace"/);
  });

  it('is named for every content script, and every platform of the pack is carried by one', () => {
    expect(Object.keys(CONTENT_SCRIPT_SITES).sort()).toEqual(contentScripts.sort());
    const carried = Object.values(CONTENT_SCRIPT_SITES).flat();
    expect(carried.sort()).toEqual(Object.keys(pack.platforms).sort());
  });
});

describe('the build hook', () => {
  const script = (name: string): Entrypoint => ({ type: 'content-script', name }) as Entrypoint;
  const pluginFor = (entrypoints: Entrypoint[]): Plugin | undefined => {
    const config: { plugins?: unknown[] } = {};
    narrowSitePackPerContentScript(entrypoints, config);
    return config.plugins?.[0] as Plugin | undefined;
  };
  const load = (plugin: Plugin, id: string): unknown => (plugin.load as (id: string) => unknown).call({}, id);

  it("replaces sites.json with the content script's part, and nothing else", () => {
    const plugin = pluginFor([script('outlook')])!;
    const loaded = load(plugin, SITES_FILE.pathname);
    expect(JSON.parse(loaded as string)).toEqual(sitePackPart(pack, ['outlook']));
    expect(load(plugin, SITES_FILE.pathname.replace('sites.json', 'acep/policy.json'))).toBeNull();
  });

  it('leaves the whole pack to the background and the pages', () => {
    expect(pluginFor([{ type: 'background', name: 'background' } as Entrypoint])).toBeUndefined();
    expect(pluginFor([{ type: 'popup', name: 'popup' } as Entrypoint, { type: 'options', name: 'options' } as Entrypoint])).toBeUndefined();
  });

  it('stops the build for a content script not named in CONTENT_SCRIPT_SITES', () => {
    expect(() => pluginFor([script('myspace')])).toThrow(/"myspace" is not in CONTENT_SCRIPT_SITES/);
  });
});
