/**
 * The benchmarks' HTTP client: node:http over kept-alive sockets, reading each answer to its end
 * without decoding it. The channels and the people at their browsers send from their own
 * machines; here their side shares the server's two cores, so it is kept as light as a client
 * can be (fetch costs about twice the CPU per request, and gunzips every page it asked gzipped).
 */
import http from 'node:http';

export interface LightAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body's length as sent (compressed, when the server compressed it). */
  bytes: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export function lightRequest(
  url: string,
  { method = 'GET', headers = {}, body }: { method?: string; headers?: http.OutgoingHttpHeaders; body?: string } = {},
): Promise<LightAnswer> {
  return new Promise((resolve, reject) => {
    const send = () => {
      const sending = http.request(
        url,
        {
          method,
          agent,
          headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) },
        },
        (response) => {
          let bytes = 0;
          response.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
          });
          response.once('error', reject);
          response.once('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, bytes }));
        },
      );
      sending.once('error', (error: NodeJS.ErrnoException) => {
        // A kept-alive socket the server closed as it was reused: sent again on a fresh one, as
        // browsers do (Node's documentation gives this same rule). Nothing reached the server.
        if (sending.reusedSocket && error.code === 'ECONNRESET') send();
        else reject(error);
      });
      sending.end(body);
    };
    send();
  });
}
