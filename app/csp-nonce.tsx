import { createContext, useContext } from 'react';

/**
 * The Content-Security-Policy nonce of the response being rendered (server/http/security-headers.ts),
 * for the inline scripts Remix writes. Empty in the browser, which hides nonces from pages.
 */
const CspNonceContext = createContext('');

export const CspNonceProvider = CspNonceContext.Provider;

export function useCspNonce(): string {
  return useContext(CspNonceContext);
}
