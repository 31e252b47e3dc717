import { type LinksFunction, type MetaDescriptor } from '@remix-run/node';

/** The brass of the style sheets (`--brass` in app/styles/base.css), as the phone's bar colour. */
const THEME_COLOUR = '#b45309';

/**
 * What every phone page links: the web app manifest (installable) and icons. Its styles are in
 * the page itself (phone-styles.tsx).
 */
export const phoneLinks: LinksFunction = () => [
  { rel: 'manifest', href: '/manifest.webmanifest' },
  { rel: 'apple-touch-icon', href: '/icons/icon-192.png' },
];

/** A phone page's title and the colour the phone gives its bar. */
export function phoneMeta(title: string): MetaDescriptor[] {
  return [{ title: `${title} · Kiwanda` }, { name: 'theme-color', content: THEME_COLOUR }];
}
