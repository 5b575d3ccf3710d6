package dev.keyshard.crypto.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every security constant against its formula, so a cut in a parameter fails the build (ATTACKS.md,
 * TSSHOCK "reduced iteration count"); and every oracle tag distinct.
 */
class OtParametersTest {

  @Test
  void securityParametersAreNotBelowTheSpec() {
    assertTrue(OtParameters.COMPUTATIONAL_SECURITY >= 128);
    assertTrue(OtParameters.STATISTICAL_SECURITY >= 80, "λ_s (KOS15, DKLs19/23)");
    assertEquals(OtParameters.COMPUTATIONAL_SECURITY + OtParameters.STATISTICAL_SECURITY,
        OtParameters.CHECK_FIELD_BITS);
    assertEquals(Gf2k208.BITS, OtParameters.CHECK_FIELD_BITS);
    assertEquals(OtParameters.COMPUTATIONAL_SECURITY, OtParameters.BASE_OT_COUNT, "λ_c base OTs (DKLs23 notation)");
    assertTrue(OtParameters.BASE_OT_COUNT >= OtParameters.COMPUTATIONAL_SECURITY);
    assertEquals(0, OtParameters.BASE_OT_COUNT % 64);
    assertTrue(OtParameters.SEED_BYTES * 8 >= 2 * OtParameters.COMPUTATIONAL_SECURITY);
    assertTrue(OtHashes.SCALAR_SOURCE_BYTES * 8 >= 256 + 128, "hash-to-scalar bias ≤ 2^-128");
  }

  /** DKLs19/23: ξ = κ + 2λ_s = 256 + 160 = 416 OTs per multiplication; 624-bit (78-byte) rows. */
  @Test
  void dklsShapeIsTwoDataBlocksAndOnePad() {
    int xi = 256 + 2 * OtParameters.STATISTICAL_SECURITY;
    KosShape shape = KosShape.of(OtParameters.BASE_OT_COUNT, xi);
    assertEquals(416, xi);
    assertEquals(2, shape.dataBlocks);
    assertEquals(78, shape.rowBytes);
    assertEquals(xi + OtParameters.CHECK_FIELD_BITS, shape.rowBytes * 8);
  }

  @Test
  void oracleTagsAreDistinct() {
    List<String> tags = List.of(
        OtHashes.PRG_TAG, OtHashes.CHALLENGE_TAG, OtHashes.RANDOM_OT_TAG,
        new String(EndemicOt.H_DST, StandardCharsets.US_ASCII), "keyshard/ot/v1/endemic/kdf",
        "keyshard/ot/v1/session", EndemicOt.PROTOCOL, KosShape.PROTOCOL);
    Set<String> seen = new HashSet<>(tags);
    assertEquals(tags.size(), seen.size());
  }
}
