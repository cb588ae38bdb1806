// Unit tests of the PKCS#12 reader: the PKCS#12 key derivation against a published vector and
// node-forge's own implementation, and the outcomes of decoding.
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { makeP12 } from '../../test/sign-helpers.ts';
import { bmpString, decodePkcs12, MAX_ITERATIONS, Pkcs12Error, pkcs12Kdf } from './pkcs12-decode.ts';

const hex = (h: string) => Buffer.from(h.replace(/\s/g, ''), 'hex');

describe('pkcs12Kdf', () => {
  it('gives the classic test vector (password « smeg », SHA-1)', () => {
    const salt = hex('0A58CF64530D823F');
    expect(pkcs12Kdf('sha1', bmpString('smeg'), salt, 1, 1, 24).toString('hex')).toBe(
      '8aaae6297b6cb04642ab5b077851284eb7128f1a2a7fbca3',
    );
    expect(pkcs12Kdf('sha1', bmpString('smeg'), salt, 2, 1, 8).toString('hex')).toBe('79993dfe048d3b76');
  });

  it('agrees with node-forge for SHA-1 and SHA-256, many lengths and iteration counts', () => {
    for (const [hash, md] of [
      ['sha1', () => forge.md.sha1.create()],
      ['sha256', () => forge.md.sha256.create()],
    ] as const) {
      for (const [password, salt, iterations, length] of [
        ['secret', 'a1b2c3d4e5f60718', 2048, 32],
        ['', '00', 1, 20],
        ['x', '0102030405060708090a0b0c0d0e0f101112', 3, 100],
      ] as const) {
        const ours = pkcs12Kdf(hash, bmpString(password), hex(salt), 3, iterations, length).toString('hex');
        const theirs = forge.util.bytesToHex(
          forge.pkcs12
            .generateKey(
              password,
              forge.util.createBuffer(hex(salt).toString('binary')),
              3,
              iterations,
              length,
              md(),
            )
            .getBytes(),
        );
        expect(ours, `${hash} ${password} ${iterations}`).toBe(theirs);
      }
    }
  });

  it('encodes passwords as BMPString with two zero bytes', () => {
    expect(bmpString('été').toString('hex')).toBe('00e9007400e90000');
  });
});

describe('decodePkcs12', () => {
  const p12 = makeP12({ commonName: 'Test', password: 'secret' });
  it('returns the key and the certificate of a node-forge file (3DES, SHA-1 MAC)', () => {
    const contents = decodePkcs12(p12, 'secret');
    expect(contents.keys).toHaveLength(1);
    expect(contents.certificates).toHaveLength(1);
  });

  it('tells a wrong password from a file that is not PKCS#12', () => {
    const kind = (bytes: Uint8Array, password: string) => {
      try {
        decodePkcs12(bytes, password);
        return 'ok';
      } catch (error) {
        return error instanceof Pkcs12Error ? error.kind : 'other';
      }
    };
    expect(kind(p12, 'faux')).toBe('password');
    expect(kind(Buffer.from('pas un certificat'), 'secret')).toBe('format');
    expect(kind(p12.subarray(0, 200), 'secret')).toBe('format');
  });

  it(`refuses more than ${MAX_ITERATIONS} iterations before computing anything`, () => {
    const tlv = (tag: number, ...content: Buffer[]) => {
      const body = Buffer.concat(content);
      return Buffer.concat([Buffer.from([tag, body.length]), body]);
    };
    const data = tlv(0x06, hex('2a864886f70d010701'));
    const authSafe = tlv(0x30, data, tlv(0xa0, tlv(0x04, tlv(0x30))));
    const sha1 = tlv(0x30, tlv(0x06, hex('2b0e03021a')), tlv(0x05));
    const mac = tlv(
      0x30,
      tlv(0x30, sha1, tlv(0x04, Buffer.alloc(20))),
      tlv(0x04, Buffer.alloc(8)),
      tlv(0x02, hex('1e8480')),
    );
    const bytes = tlv(0x30, tlv(0x02, hex('03')), authSafe, mac);
    const start = performance.now();
    expect(() => decodePkcs12(bytes, 'x')).toThrow(/itérations/);
    expect(performance.now() - start).toBeLessThan(5000);
  });
});
