package dev.keyshard.crypto.hash;

/** RFC 9591 Appendix E.5, FROST(secp256k1, SHA-256). */
class FrostSecp256k1Sha256VectorsTest extends FrostHashSuiteVectorsTest {
  @Override
  FrostHashSuite suite() {
    return FrostHashSuite.secp256k1Sha256();
  }

  @Override
  String file() {
    return "rfc9591/frost_secp256k1_sha256.txt";
  }
}
