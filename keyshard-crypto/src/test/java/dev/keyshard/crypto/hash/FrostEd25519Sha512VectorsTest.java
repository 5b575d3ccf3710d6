package dev.keyshard.crypto.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cafe.cryptography.curve25519.CompressedEdwardsY;
import cafe.cryptography.curve25519.Constants;
import cafe.cryptography.curve25519.EdwardsPoint;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * RFC 9591 Appendix E.1, FROST(Ed25519, SHA-512). The inherited {@code pointRelationsHold} needs
 * Keyshard's Ed25519 points; {@link #h2IsTheRfc8032ChallengeOnAReferenceCurve()} checks H2 on the
 * curve now, with the independent curve25519-elisabeth library.
 */
class FrostEd25519Sha512VectorsTest extends FrostHashSuiteVectorsTest {
  @Override
  FrostHashSuite suite() {
    return FrostHashSuite.ed25519Sha512();
  }

  @Override
  String file() {
    return "rfc9591/frost_ed25519_sha512.txt";
  }

  @Test
  void h2IsTheRfc8032ChallengeOnAReferenceCurve() throws Exception {
    Map<String, String> in = inputs();
    byte[] sig = VectorFile.hex(in, "sig");
    byte[] pkEnc = VectorFile.hex(in, "group_public_key");
    byte[] rEnc = Arrays.copyOfRange(sig, 0, 32);
    byte[] c = suite().h2(rEnc, pkEnc, VectorFile.hex(in, "message")).toBytes();
    EdwardsPoint r = new CompressedEdwardsY(rEnc).decompress();
    EdwardsPoint pk = new CompressedEdwardsY(pkEnc).decompress();
    cafe.cryptography.curve25519.Scalar z =
        cafe.cryptography.curve25519.Scalar.fromCanonicalBytes(Arrays.copyOfRange(sig, 32, 64));
    // RFC 8032 §5.1.7 (cofactorless form): [s]B = R + [k]A with k = SHA-512(R ‖ A ‖ M) mod L.
    EdwardsPoint lhs = Constants.ED25519_BASEPOINT.multiply(z);
    EdwardsPoint rhs = r.add(pk.multiply(cafe.cryptography.curve25519.Scalar.fromCanonicalBytes(c)));
    assertEquals(lhs.compress(), rhs.compress());
  }
}
