package dev.keyshard.mpc.dkls23;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.crypto.group.InvalidEncodingException;
import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link EcdsaSignature} and {@link EcdsaVerifier} against libsecp256k1 (verify, recover,
 * compact2der) and BouncyCastle, with BIP-66 strict-DER rejection cases.
 */
class EcdsaSignatureTest {
  static final Secp256k1 G = Secp256k1.INSTANCE;
  static final HexFormat HEX = HexFormat.of();

  @Test
  void normalisedSignaturesVerifyEverywhereAndRecoverTheKey() throws Exception {
    SecureRandom rng = TestRandom.seeded(1, "ecdsa");
    int highS = 0;
    for (int i = 0; i < 200; i++) {
      Scalar x = G.randomScalar(rng);
      Point key = LocalEcdsa.publicKey(x);
      byte[] hash = new byte[32];
      rng.nextBytes(hash);
      EcdsaSignature raw = LocalEcdsa.sign(x, G.randomScalar(rng), hash);
      EcdsaSignature sig = raw.normalizeLowS();
      if (!raw.isLowS()) {
        highS++;
        assertFalse(Libsecp256k1.verifies(raw, key, hash), "libsecp256k1 accepts high S");
        assertEquals(raw.recoveryId() ^ 1, sig.recoveryId());
      } else {
        assertSame(raw, sig);
      }
      assertTrue(sig.isLowS());
      EcdsaVerifier.verify(sig, key, hash);
      EcdsaVerifier.verify(raw, key, hash); // ECDSA itself accepts both forms
      assertEquals(key, EcdsaVerifier.recoverPublicKey(sig, hash));
      Libsecp256k1.assertValid(sig, key, hash);
      assertEquals(sig, EcdsaSignature.fromDer(sig.toDer()).withRecoveryId(sig.recoveryId()));
      assertEquals(sig, EcdsaSignature.fromCompactRecoverable(sig.toCompactRecoverable()));
      assertArrayEquals(sig.toCompact(), EcdsaSignature.fromCompact(sig.toCompact()).toCompact());
    }
    assertTrue(highS > 50 && highS < 150, "about half the raw signatures are high-S: " + highS);
  }

  /** Signatures made by BouncyCastle's ECDSASigner (RFC 6979 nonces) normalise and recover. */
  @Test
  void bouncyCastleSignaturesNormaliseAndRecover() throws Exception {
    var params = org.bouncycastle.crypto.ec.CustomNamedCurves.getByName("secp256k1");
    var domain = new org.bouncycastle.crypto.params.ECDomainParameters(params.getCurve(),
        params.getG(), params.getN(), params.getH());
    SecureRandom rng = TestRandom.seeded(3, "bc");
    for (int i = 0; i < 50; i++) {
      Scalar x = G.randomScalar(rng);
      byte[] hash = new byte[32];
      rng.nextBytes(hash);
      var signer = new org.bouncycastle.crypto.signers.ECDSASigner(
          new org.bouncycastle.crypto.signers.HMacDSAKCalculator(
              new org.bouncycastle.crypto.digests.SHA256Digest()));
      signer.init(true, new org.bouncycastle.crypto.params.ECPrivateKeyParameters(
          x.toBigInteger(), domain));
      BigInteger[] rs = signer.generateSignature(hash);
      Scalar r = G.decodeScalar(to32(rs[0]));
      Scalar s = G.decodeScalar(to32(rs[1]));
      Point key = LocalEcdsa.publicKey(x);
      EcdsaSignature found = null;
      for (int id = 0; id < 4 && found == null; id++) {
        EcdsaSignature candidate = EcdsaSignature.of(r, s, id);
        try {
          if (EcdsaVerifier.recoverPublicKey(candidate, hash).equals(key)) {
            found = candidate;
          }
        } catch (InvalidEcdsaSignatureException e) {
          // this id names no point
        }
      }
      EcdsaSignature low = found.normalizeLowS();
      Libsecp256k1.assertValid(low, key, hash);
      EcdsaVerifier.verify(low, key, hash);
    }
  }

  private static byte[] to32(BigInteger v) {
    byte[] b = v.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(32, b.length);
    System.arraycopy(b, b.length - n, out, 32 - n, n);
    return out;
  }

  @Test
  void verifierRejectsWrongMessageKeyAndRecoveryId() throws Exception {
    SecureRandom rng = TestRandom.seeded(2, "ecdsa");
    Scalar x = G.randomScalar(rng);
    Point key = LocalEcdsa.publicKey(x);
    byte[] hash = new byte[32];
    rng.nextBytes(hash);
    EcdsaSignature sig = LocalEcdsa.sign(x, G.randomScalar(rng), hash).normalizeLowS();
    byte[] other = hash.clone();
    other[0] ^= 1;
    assertThrows(InvalidEcdsaSignatureException.class, () -> EcdsaVerifier.verify(sig, key, other));
    Point otherKey = key.add(G.generator());
    assertThrows(InvalidEcdsaSignatureException.class,
        () -> EcdsaVerifier.verify(sig, otherKey, hash));
    EcdsaSignature flipped = sig.withRecoveryId(sig.recoveryId() ^ 1);
    assertThrows(InvalidEcdsaSignatureException.class,
        () -> EcdsaVerifier.verify(flipped, key, hash));
    // Id 2/3 means R.x = r + q, which is at least p for a random r: nothing recovers.
    EcdsaSignature high = sig.withRecoveryId(sig.recoveryId() | 2);
    assertThrows(InvalidEcdsaSignatureException.class,
        () -> EcdsaVerifier.recoverPublicKey(high, hash));
    assertThrows(IllegalArgumentException.class,
        () -> EcdsaVerifier.verify(sig, key, new byte[31]));
  }

  @Test
  void derIsMinimalAndMatchesKnownEncodings() throws Exception {
    Scalar one = G.one();
    // r = 1, s = 0x7f…01 (high bit clear): INTEGERs of 1 and 32 bytes, no padding.
    Scalar s7f = G.decodeScalar(HEX.parseHex(
        "7f00000000000000000000000000000000000000000000000000000000000001"));
    byte[] der = EcdsaSignature.of(one, s7f, 0).toDer();
    assertEquals("30250201010220" + "7f", HEX.formatHex(der).substring(0, 16));
    assertEquals(39, der.length);
    assertEquals(EcdsaSignature.of(one, s7f, 0), EcdsaSignature.fromDer(der));
    // s = 0x80…01 (high bit set): a 0x00 pad keeps the INTEGER positive.
    Scalar s80 = G.decodeScalar(HEX.parseHex(
        "8000000000000000000000000000000000000000000000000000000000000001"));
    byte[] der2 = EcdsaSignature.of(one, s80, 0).toDer();
    assertEquals("30260201010221008000", HEX.formatHex(der2).substring(0, 20));
    assertEquals(40, der2.length);
    assertEquals(EcdsaSignature.of(one, s80, 0), EcdsaSignature.fromDer(der2));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",                                   // empty
      "3005020101020101",                   // SEQUENCE length one short
      "310602010102010100",                 // not a SEQUENCE
      "300602010102010101",                 // trailing byte
      "3007020101020101",                   // sequence length overruns
      "30060200020101",                     // empty r (and short)
      "3006020180020101",                   // negative r
      "300702020001020101",                 // r with excess zero padding
      "3006020100020101",                   // r = 0
      "3006020101020100",                   // s = 0
      "3006030101020101",                   // r not an INTEGER
      "3006020101030101",                   // s not an INTEGER
      "3008020101020101" + "0000",          // lengths do not add up
  })
  void strictDerRejects(String hex) {
    assertThrows(InvalidEncodingException.class, () -> EcdsaSignature.fromDer(HEX.parseHex(hex)));
  }

  @Test
  void derRejectsScalarsAtLeastTheOrder() {
    byte[] q = G.order().toByteArray(); // 33 bytes: 00 ff ff …
    byte[] der = new byte[2 + 2 + q.length + 3];
    der[0] = 0x30;
    der[1] = (byte) (der.length - 2);
    der[2] = 2;
    der[3] = (byte) q.length;
    System.arraycopy(q, 0, der, 4, q.length);
    der[4 + q.length] = 2;
    der[5 + q.length] = 1;
    der[6 + q.length] = 1;
    assertThrows(InvalidEncodingException.class, () -> EcdsaSignature.fromDer(der));
  }

  @Test
  void compactDecodingIsStrict() throws Exception {
    byte[] ok = EcdsaSignature.of(G.one(), G.one(), 3).toCompactRecoverable();
    assertEquals(3, EcdsaSignature.fromCompactRecoverable(ok).recoveryId());
    byte[] badId = ok.clone();
    badId[64] = 4;
    assertThrows(InvalidEncodingException.class,
        () -> EcdsaSignature.fromCompactRecoverable(badId));
    assertThrows(InvalidEncodingException.class, () -> EcdsaSignature.fromCompact(new byte[63]));
    assertThrows(InvalidEncodingException.class, () -> EcdsaSignature.fromCompact(new byte[64]));
    byte[] sAtOrder = new byte[64];
    sAtOrder[31] = 1;
    byte[] q = G.order().toByteArray();
    System.arraycopy(q, q.length - 32, sAtOrder, 32, 32);
    assertThrows(InvalidEncodingException.class, () -> EcdsaSignature.fromCompact(sAtOrder));
    assertThrows(IllegalArgumentException.class, () -> EcdsaSignature.of(G.zero(), G.one(), 0));
    assertThrows(IllegalArgumentException.class, () -> EcdsaSignature.of(G.one(), G.one(), 4));
  }

  @Test
  void lowSBoundaryIsHalfTheOrder() {
    Scalar half = G.reduce(G.order().shiftRight(1).toByteArray());
    assertTrue(EcdsaSignature.of(G.one(), half, 0).isLowS());
    EcdsaSignature above = EcdsaSignature.of(G.one(), half.add(G.one()), 2);
    assertFalse(above.isLowS());
    EcdsaSignature low = above.normalizeLowS();
    assertEquals(3, low.recoveryId());
    assertEquals(G.order().subtract(G.order().shiftRight(1).add(BigInteger.ONE)),
        low.s().toBigInteger());
    assertNotEquals(above, low);
  }
}
