import { type Page } from 'playwright-core';
import { expect } from 'vitest';

/** What the phone browser tests look at inside the phone: its service worker's cache, its queue. */

/** Waits until the page runs under the service worker and the worker holds the page as it is now. */
export async function pageKeptOffline(page: Page, mustContain: string) {
  const kept = () =>
    page.evaluate(async (text) => {
      if (!navigator.serviceWorker.controller) return false;
      const copy = await caches.match(window.location.href);
      return copy !== undefined && (await copy.text()).includes(text);
    }, mustContain);
  // Polled from here: an async predicate would count its pending promise as a yes.
  await expect.poll(kept, { timeout: 30_000, interval: 200 }).toBe(true);
}

/** A camera's photo, as big as a phone's: drawn in the page, sent back as PNG bytes. */
export async function cameraPhoto(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 2400;
    canvas.height = 1800;
    const draw = canvas.getContext('2d');
    if (!draw) throw new Error('no 2d canvas');
    const fill = draw.createLinearGradient(0, 0, canvas.width, canvas.height);
    fill.addColorStop(0, '#8a6a2f');
    fill.addColorStop(1, '#e8d9b5');
    draw.fillStyle = fill;
    draw.fillRect(0, 0, canvas.width, canvas.height);
    for (let ring = 0; ring < 60; ring += 1) {
      draw.strokeStyle = `hsl(${ring * 6}, 60%, 40%)`;
      draw.lineWidth = 9;
      draw.beginPath();
      draw.arc(1200, 900, 20 + ring * 14, 0, Math.PI * 2);
      draw.stroke();
    }
    return canvas.toDataURL('image/png');
  });
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}

/** The photo field of the action waiting in the phone's IndexedDB queue, as stored. */
export async function keptPhoto() {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('kiwanda-phone');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const actions = await new Promise<{ fields: [string, unknown][] }[]>((resolve, reject) => {
    const request = db.transaction('actions').objectStore('actions').getAll();
    request.onsuccess = () => resolve(request.result as { fields: [string, unknown][] }[]);
    request.onerror = () => reject(request.error);
  });
  db.close();
  const photo = actions.flatMap((action) => action.fields).find(([name]) => name === 'photo')?.[1];
  if (!(photo instanceof Blob)) return { type: typeof photo, size: 0, width: 0, height: 0 };
  const bitmap = await createImageBitmap(photo);
  return { type: photo.type, size: photo.size, width: bitmap.width, height: bitmap.height };
}

/** How many actions of any account wait in the phone's IndexedDB queue. */
export async function queuedActionCount(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('kiwanda-phone');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const count = await new Promise<number>((resolve, reject) => {
      const request = db.transaction('actions').objectStore('actions').count();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return count;
  });
}
