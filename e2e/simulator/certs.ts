// Certificates for the simulator's HTTPS: self-signed, or a test CA plus a server certificate it signed.
import { generate } from 'selfsigned';
import { X509Certificate } from 'node:crypto';

export interface ServerCert {
  key: string;
  cert: string;
  /** SHA-256 of the certificate's DER, as colon-free lowercase hex. */
  fingerprint256: string;
  /** The signing CA's certificate (PEM) when not self-signed. */
  caCert?: string;
}

const SAN = { name: 'subjectAltName' as const, altNames: [{ type: 2 as const, value: 'localhost' }, { type: 7 as const, ip: '127.0.0.1' }] };

function fingerprint(pem: string): string {
  return new X509Certificate(pem).fingerprint256.replace(/:/g, '').toLowerCase();
}

export async function selfSignedCert(cn = 'localhost'): Promise<ServerCert> {
  const r = await generate([{ name: 'commonName', value: cn }, { name: 'organizationName', value: 'Simulated Rocket.Chat' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    curve: 'P-256',
    extensions: [SAN],
  });
  return { key: r.private, cert: r.cert, fingerprint256: fingerprint(r.cert) };
}

export async function testCa(): Promise<{ key: string; cert: string }> {
  const r = await generate([{ name: 'commonName', value: 'Simulated Corp Root CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    curve: 'P-256',
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  return { key: r.private, cert: r.cert };
}

export async function caSignedCert(ca: { key: string; cert: string }, cn = 'localhost'): Promise<ServerCert> {
  const r = await generate([{ name: 'commonName', value: cn }], {
    keyType: 'ec',
    algorithm: 'sha256',
    curve: 'P-256',
    ca,
    extensions: [SAN, { name: 'extKeyUsage', serverAuth: true }],
  });
  return { key: r.private, cert: r.cert, fingerprint256: fingerprint(r.cert), caCert: ca.cert };
}
