import { readFileSync } from 'node:fs';
import path from 'node:path';

import { PHONE_STYLE_SHEETS } from './phone-styles';

/** Where the server serves the build's assets from (server/http-app.ts serves `public/`). */
const PUBLIC_DIR = 'public';

let kept: { hrefs: string; text: string } | null = null;

/**
 * The text of the phone pages' style sheets, read from the build once and kept: the same
 * fingerprinted files the desktop pages link, so there is one source for every rule.
 */
export function phoneStyleText(): string {
  const hrefs = PHONE_STYLE_SHEETS.join(' ');
  if (kept?.hrefs !== hrefs) {
    const text = PHONE_STYLE_SHEETS.map((href) => readFileSync(path.resolve(PUBLIC_DIR, `.${href}`), 'utf8')).join(
      '\n',
    );
    kept = { hrefs, text };
  }
  return kept.text;
}
