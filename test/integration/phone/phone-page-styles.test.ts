import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type RunningKiwanda } from '#server/kiwanda-server';
import { Artisan, User, Workshop } from '#server/models/index';

import { makeArtisan, makeWorkshop } from '../../factories/network';
import { startTestServer } from '../../support/app-server';
import { clearDomainDatabase } from '../../support/domain-database';
import { signIn } from '../../support/sign-in';

const stylesheetLinks = (html: string) =>
  [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((match) => match[1]);
const inlineStyles = (html: string) => /<style id="phone-styles">([\s\S]*?)<\/style>/.exec(html)?.[1] ?? null;

describe('phone pages carry their styles in the page; desktop pages link theirs', { timeout: 60_000 }, () => {
  let server: RunningKiwanda;
  const cookies: Record<string, string> = {};
  const pageAs = async (who: string, path: string) => {
    const response = await fetch(`${server.url}${path}`, { headers: { cookie: cookies[who] } });
    expect(response.status).toBe(200);
    return response.text();
  };

  beforeAll(async () => {
    server = await startTestServer();
    await clearDomainDatabase();
    const workshop = await Workshop.create(makeWorkshop({ area: 'Kibera' }));
    const artisan = await Artisan.create(makeArtisan({ workshop: workshop._id }));
    cookies.artisan = (await signIn({ baseUrl: server.url, role: 'artisan', artisanId: String(artisan._id) })).cookie;
    const officer = await signIn({ baseUrl: server.url, role: 'field_officer' });
    await User.updateOne({ _id: officer.user.id }, { $set: { areas: ['Kibera'] } });
    cookies.officer = officer.cookie;
    cookies.planner = (await signIn({ baseUrl: server.url, role: 'planner' })).cookie;
  });

  afterAll(async () => {
    await server?.close();
  });

  it('writes the base and phone sheets into every phone page, and links no style sheet', async () => {
    const myJobs = await pageAs('artisan', '/my-jobs');
    const styles = inlineStyles(myJobs);
    // The very rules of the built sheets, base first (the phone's rules build on its colours).
    expect(styles).toContain('--brass: #b45309');
    expect(styles).toContain('.phone-tabs__tab');
    expect(styles?.indexOf('--brass')).toBeLessThan(styles?.indexOf('.phone-tabs__tab') ?? 0);
    expect(styles).not.toContain('.dashboard-grid');
    expect(stylesheetLinks(myJobs)).toEqual([]);
    for (const [who, path] of [
      ['artisan', '/my-jobs/earnings'],
      ['artisan', '/my-jobs/availability'],
      ['officer', '/inspections'],
    ] as const) {
      const html = await pageAs(who, path);
      expect(inlineStyles(html), path).toBe(styles);
      expect(stylesheetLinks(html), path).toEqual([]);
    }
  });

  it('links the base, app and dashboard sheets on desktop pages, which carry no phone styles', async () => {
    const overview = await pageAs('planner', '/overview');
    expect(inlineStyles(overview)).toBeNull();
    const links = stylesheetLinks(overview);
    expect(links.map((href) => href.replace(/^\/build\/_assets\/(\w+)-\w+\.css$/, '$1'))).toEqual([
      'base',
      'app',
      'dashboard',
    ]);
    // The phone pages' base is this very file.
    const base = readFileSync(`public${links[0]}`, 'utf8');
    expect(inlineStyles(await pageAs('artisan', '/my-jobs'))?.startsWith(base)).toBe(true);
  });
});
