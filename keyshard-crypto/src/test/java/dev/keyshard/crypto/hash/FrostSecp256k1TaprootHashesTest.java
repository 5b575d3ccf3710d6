package dev.keyshard.crypto.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.secret.InsecureSecretAccess;
import dev.keyshard.crypto.secret.SecretScalar;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The taproot variant's H1, H3, H4 and H5 against ZcashFoundation frost-secp256k1-tr round-one
 * values (vectors/frost-secp256k1-tr/SOURCE.md); its H2 is the BIP-340 challenge, pinned by
 * {@link TaggedHashVectorsTest}.
 */
class FrostSecp256k1TaprootHashesTest {
  private final FrostHashSuite suite = FrostHashSuite.secp256k1Sha256Taproot();
  private final List<Map<String, String>> blocks =
      VectorFile.read("frost-secp256k1-tr/zf-round-one-subset.txt");

  @Test
  void roundOneValuesMatch() throws Exception {
    Map<String, String> in = blocks.get(0);
    List<Map<String, String>> signers = blocks.subList(1, blocks.size());
    assertEquals(in.get("context"), suite.contextString());
    ByteArrayOutputStream list = new ByteArrayOutputStream();
    for (Map<String, String> s : signers) {
      list.writeBytes(Secp256k1.INSTANCE.scalarOf(Long.parseLong(s.get("identifier"))).toBytes());
      list.writeBytes(VectorFile.hex(s, "hiding_nonce_commitment"));
      list.writeBytes(VectorFile.hex(s, "binding_nonce_commitment"));
    }
    for (Map<String, String> s : signers) {
      SecretScalar share = SecretScalar.decode(Secp256k1.INSTANCE,
          VectorFile.hex(in, "share_" + s.get("identifier")));
      for (String which : List.of("hiding", "binding")) {
        assertArrayEquals(VectorFile.hex(s, which + "_nonce"),
            suite.nonceGenerate(VectorFile.hex(s, which + "_nonce_randomness"), share)
                .toBytes(InsecureSecretAccess.get()));
      }
      ByteArrayOutputStream rho = new ByteArrayOutputStream();
      rho.writeBytes(VectorFile.hex(in, "group_public_key"));
      rho.writeBytes(suite.h4(VectorFile.hex(in, "message")));
      rho.writeBytes(suite.h5(list.toByteArray()));
      rho.writeBytes(Secp256k1.INSTANCE.scalarOf(Long.parseLong(s.get("identifier"))).toBytes());
      assertArrayEquals(VectorFile.hex(s, "binding_factor_input"), rho.toByteArray());
      Scalar expected = Secp256k1.INSTANCE.decodeScalar(VectorFile.hex(s, "binding_factor"));
      assertEquals(expected, suite.h1(rho.toByteArray()));
    }
  }

  @Test
  void h2IsTheBip340Challenge() {
    byte[] rx = new byte[32];
    byte[] px = new byte[32];
    rx[0] = 1;
    px[31] = 2;
    byte[] m = {1, 2, 3};
    assertEquals(TaggedHash.challenge(rx, px, m), suite.h2(rx, px, m));
  }
}
