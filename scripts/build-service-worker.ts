/**
 * Builds the phone pages' service worker (app/service-worker/service-worker.ts) into public/sw.js,
 * after `remix build`: esbuild bundles the Workbox modules it uses, and the list of files to
 * precache is taken from Remix's asset manifest, so it names exactly the scripts the phone routes
 * load (never Recharts or planner code) and changes with every build.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { build } from 'esbuild';

import { isPhonePagePath, SERVICE_WORKER_PATH } from '../app/phone/phone-paths';

const PUBLIC_DIR = path.resolve('public');
const ASSETS_DIR = path.join(PUBLIC_DIR, 'build');

interface ManifestModule {
  module: string;
  imports?: string[];
  css?: string[];
  path?: string;
}
interface RemixAssetManifest {
  url: string;
  entry: ManifestModule;
  routes: Record<string, ManifestModule & { id: string }>;
}

/** The asset manifest Remix just wrote (`window.__remixManifest={…};`), the newest if several. */
function readRemixManifest(): RemixAssetManifest {
  const files = readdirSync(ASSETS_DIR)
    .filter((name) => /^manifest-[A-Z0-9]+\.js$/.test(name))
    .map((name) => path.join(ASSETS_DIR, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (files.length === 0) throw new Error(`No Remix asset manifest in ${ASSETS_DIR}: run \`remix build\` first.`);
  const source = readFileSync(files[0], 'utf8');
  const json = source.slice(source.indexOf('{'), source.lastIndexOf('}') + 1);
  return JSON.parse(json) as RemixAssetManifest;
}

/** A file's content hash, as the revision of a precached file whose name does not change. */
function revisionOf(publicPath: string): string {
  return createHash('sha256')
    .update(readFileSync(path.join(PUBLIC_DIR, publicPath)))
    .digest('hex')
    .slice(0, 16);
}

/** What the phone pages need to start without the network: their scripts, styles and icons. */
export function phonePrecacheEntries(): { url: string; revision: string | null }[] {
  const manifest = readRemixManifest();
  const phoneRoutes = Object.values(manifest.routes).filter(
    (route) => route.id === 'root' || (route.path !== undefined && isPhonePagePath(`/${route.path}`)),
  );
  const scripts = [manifest.entry, ...phoneRoutes].flatMap((unit) => [
    unit.module,
    ...(unit.imports ?? []),
    ...(unit.css ?? []),
  ]);
  // Route style sheets are linked by file name, not listed in the manifest; all of them together
  // are a few kilobytes, so every one is kept rather than guessing which a phone page links.
  const styles = readdirSync(path.join(ASSETS_DIR, '_assets'))
    .filter((name) => name.endsWith('.css'))
    .map((name) => `/build/_assets/${name}`);
  // Fingerprinted names change with their content: no revision needed.
  const fingerprinted = [...new Set([manifest.url, ...scripts, ...styles])].map((url) => ({ url, revision: null }));
  const plain = ['/manifest.webmanifest', '/favicon.ico', ...iconFiles()].map((url) => ({
    url,
    revision: revisionOf(url),
  }));
  return [...fingerprinted, ...plain];
}

function iconFiles(): string[] {
  return readdirSync(path.join(PUBLIC_DIR, 'icons')).map((name) => `/icons/${name}`);
}

export async function buildServiceWorker(): Promise<{ file: string; precached: number }> {
  const entries = phonePrecacheEntries();
  const file = path.join(PUBLIC_DIR, SERVICE_WORKER_PATH);
  await build({
    entryPoints: [path.resolve('app/service-worker/service-worker.ts')],
    outfile: file,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    define: {
      'self.__WB_MANIFEST': JSON.stringify(entries),
      // Workbox logs its routing in development builds only.
      'process.env.NODE_ENV': JSON.stringify('production'),
    },
    logLevel: 'warning',
  });
  return { file, precached: entries.length };
}

const { file, precached } = await buildServiceWorker();
console.log(`service worker: ${path.relative(process.cwd(), file)}, ${precached} files precached`);
