import { constants, createPublicKey, publicEncrypt, X509Certificate, type KeyObject } from 'node:crypto';

/**
 * The public key of the Daraja environment's certificate (the PEM file from the Daraja portal).
 * A bare PEM public key is accepted too. Throws when the text is neither.
 */
export function publicKeyOfCertificate(pem: string): KeyObject {
  if (pem.includes('BEGIN CERTIFICATE')) return new X509Certificate(pem).publicKey;
  return createPublicKey(pem);
}

/**
 * Daraja's `SecurityCredential`: the initiator password encrypted with the environment's public
 * key, RSA PKCS#1 v1.5 padding (Daraja does not accept OAEP), base64. The padding is random, so
 * each call gives a different text that Daraja decrypts to the same password.
 */
export function encryptSecurityCredential({ password, publicKey }: { password: string; publicKey: KeyObject }): string {
  return publicEncrypt(
    { key: publicKey, padding: constants.RSA_PKCS1_PADDING },
    Buffer.from(password, 'utf8'),
  ).toString('base64');
}
