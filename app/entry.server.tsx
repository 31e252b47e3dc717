import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { isbot } from 'isbot';
import { renderToPipeableStream } from 'react-dom/server';

import { CspNonceProvider } from './csp-nonce';
import { htmlInLargeChunks } from './html-in-large-chunks.server';
import { PhoneStyleTextProvider } from './phone/phone-styles';
import { phoneStyleText } from './phone/phone-styles.server';

// Matches Remix's default stream timeout: a render still pending after this is aborted.
export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // Remix's inline scripts carry the nonce this response's Content-Security-Policy allows.
  const nonce = loadContext.client.cspNonce;
  // Crawlers and no-JS clients get the whole document at once; browsers get the shell early.
  const waitForAll = isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode;

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const respond = () => {
      shellRendered = true;
      const body = htmlInLargeChunks();
      responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
      resolve(
        new Response(createReadableStreamFromReadable(body), {
          headers: responseHeaders,
          status: responseStatusCode,
        }),
      );
      pipe(body);
    };
    // Cleared once everything is rendered: left to run, each page's timer would keep its whole
    // render (the tree, the loader data) alive for six seconds after it was sent, hundreds of
    // pages at once on a busy server, and then abort a finished stream.
    const abortTimer = setTimeout(() => abort(), streamTimeout + 1_000);
    const { pipe, abort } = renderToPipeableStream(
      <CspNonceProvider value={nonce}>
        <PhoneStyleTextProvider value={phoneStyleText}>
          <RemixServer context={remixContext} url={request.url} nonce={nonce} />
        </PhoneStyleTextProvider>
      </CspNonceProvider>,
      {
        nonce,
        onShellReady() {
          if (!waitForAll) respond();
        },
        onAllReady() {
          clearTimeout(abortTimer);
          if (waitForAll) respond();
        },
        onShellError(error: unknown) {
          clearTimeout(abortTimer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors before the shell is ready reject above and are logged by Remix.
          if (shellRendered) console.error(error);
        },
      },
    );
  });
}
