package dev.keyshard.mpc.frost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.crypto.signers.BIP340Signer;
import org.junit.jupiter.api.Test;

/**
 * The BIP-340 suite: ZF {@code frost-secp256k1-tr} signing vector replayed byte for byte, its
 * signature checked by BouncyCastle's {@code BIP340Signer}; and {@link Secp256k1Tr#verifyBip340}
 * on every row of BIP-340's own {@code test-vectors.csv}.
 */
class FrostSecp256k1TrVectorsTest {
  private static final Secp256k1Tr SUITE = (Secp256k1Tr) FrostCiphersuite.secp256k1Tr();

  @Test
  void zfFrostSecp256k1TrSigningVector() throws Exception {
    FrostVector v = new FrostVector("/vectors/frost/secp256k1-tr/sign.json", SUITE);
    Signature signature = v.replay();
    byte[] xOnly = Arrays.copyOfRange(v.groupKey(), 1, 33);
    assertTrue(Bip340Oracle.verifies(xOnly, v.message(), signature.toBytes()),
        "BouncyCastle BIP340Signer rejects the signature");
    SUITE.verifyBip340(xOnly, v.message(), signature.toBytes());
  }

  /** BIP-340 test-vectors.csv: our verifier and BouncyCastle's both give the expected result. */
  @Test
  void bip340VerificationVectors() throws IOException {
    List<String[]> rows = csvRows("/vectors/frost/secp256k1-tr/bip340-test-vectors.csv");
    assertEquals(19, rows.size(), "rows 0..18");
    for (String[] row : rows) {
      byte[] key = FrostVector.hex(row[2]);
      byte[] msg = FrostVector.hex(row[4]);
      byte[] sig = FrostVector.hex(row[5]);
      boolean expected = Boolean.parseBoolean(row[6].toLowerCase());
      String what = "row " + row[0] + " " + (row.length > 7 ? row[7] : "");
      if (expected) {
        try {
          SUITE.verifyBip340(key, msg, sig);
        } catch (InvalidSignatureException e) {
          throw new AssertionError(what + " should verify", e);
        }
      } else {
        assertThrows(InvalidSignatureException.class, () -> SUITE.verifyBip340(key, msg, sig),
            what);
      }
      assertEquals(expected, Bip340Oracle.verifies(key, msg, sig), "BouncyCastle, " + what);
    }
  }

  private static List<String[]> csvRows(String resource) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = FrostSecp256k1TrVectorsTest.class.getResourceAsStream(resource);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      r.readLine(); // header
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          rows.add(line.split(",", -1));
        }
      }
    }
    return rows;
  }

  /** BouncyCastle's BIP-340 verifier, code we did not write. */
  static final class Bip340Oracle {
    static boolean verifies(byte[] xOnlyKey, byte[] message, byte[] signature) {
      try {
        BIP340Signer verifier = new BIP340Signer();
        verifier.init(false, BIP340Signer.decodePublicKey(xOnlyKey));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
      } catch (RuntimeException e) {
        return false; // an invalid key or signature encoding
      }
    }
  }
}
