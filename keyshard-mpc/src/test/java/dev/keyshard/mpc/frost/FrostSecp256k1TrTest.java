package dev.keyshard.mpc.frost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Secp256k1Point;
import dev.keyshard.mpc.PartyId;
import org.junit.jupiter.api.Test;

/**
 * {@link FrostSuiteTest} for the BIP-340 suite; every signature checked by BouncyCastle's
 * {@code BIP340Signer} under the 32-byte x-only key. Random keys have odd y half of the time and
 * random group commitments too, so the property test covers both normalisations; the tests below
 * pin each case.
 */
class FrostSecp256k1TrTest extends FrostSuiteTest {
  @Override
  FrostCiphersuite suite() {
    return FrostCiphersuite.secp256k1Tr();
  }

  @Override
  void verifyIndependently(Signature signature, byte[] message, Point groupKey) {
    byte[] xOnly = Secp256k1Tr.xOnlyKey(groupKey);
    assertEquals(64, signature.toBytes().length);
    assertTrue(FrostSecp256k1TrVectorsTest.Bip340Oracle.verifies(xOnly, message,
        signature.toBytes()), "BouncyCastle BIP340Signer rejects the signature");
  }

  @Test
  void keysWithOddAndEvenYBothSign() throws Exception {
    boolean sawOdd = false;
    boolean sawEven = false;
    for (long seed = 100; !(sawOdd && sawEven); seed++) {
      FrostFixture f = FrostFixture.numbered(suite(), 2, 3, seed);
      Point key = f.keys.publicKeys().groupKey();
      boolean even = ((Secp256k1Point) key).hasEvenY();
      sawOdd |= !even;
      sawEven |= even;
      byte[] message = new byte[32];
      Signature s = f.sign(FrostFixture.ids(2, 3), message).get(PartyId.of(2));
      verifyIndependently(s, message, key);
      ((Secp256k1Tr) suite()).verifyBip340(Secp256k1Tr.xOnlyKey(key), message, s.toBytes());
    }
  }
}
