package dev.keyshard.crypto.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.secret.InsecureSecretAccess;
import dev.keyshard.crypto.secret.SecretScalar;
import dev.keyshard.crypto.vss.Lagrange;
import dev.keyshard.crypto.vss.Polynomial;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * H1–H5 of one RFC 9591 suite against that suite's Appendix E vectors
 * (vectors/rfc9591/SOURCE.md). Every hash is reached through a relation the RFC states:
 *
 * <ul>
 *   <li>H3: {@code nonce_generate} (§4.1) maps each *_nonce_randomness to the *_nonce;
 *   <li>H4, H5: binding_factor_input = PK ‖ H4(msg) ‖ H5(encode_group_commitment_list) ‖ id (§4.4);
 *   <li>H1: binding_factor = H1(binding_factor_input) (§4.4);
 *   <li>H2: each sig_share = d + e·ρ + λ·s·c with c = H2(R ‖ PK ‖ msg) (§5.2), which also pins
 *       {@link Lagrange} and {@link Polynomial}.
 * </ul>
 *
 * <p>{@link #pointRelationsHold()} also needs the group's point arithmetic.
 */
abstract class FrostHashSuiteVectorsTest {
  abstract FrostHashSuite suite();

  abstract String file();

  Map<String, String> inputs() {
    return VectorFile.read(file()).get(0);
  }

  List<Map<String, String>> signers() {
    List<Map<String, String>> blocks = VectorFile.read(file());
    return blocks.subList(1, blocks.size());
  }

  Scalar scalar(Map<String, String> block, String key) throws Exception {
    return suite().group().decodeScalar(VectorFile.hex(block, key));
  }

  Scalar id(Map<String, String> signer) {
    return suite().group().scalarOf(Long.parseLong(signer.get("identifier")));
  }

  @Test
  void contextStringMatchesTheVectors() {
    assertEquals(inputs().get("context"), suite().contextString());
  }

  @Test
  void nonceGenerateIsH3OfRandomnessAndShare() throws Exception {
    for (Map<String, String> s : signers()) {
      SecretScalar share = SecretScalar.decode(suite().group(),
          VectorFile.hex(inputs(), "share_" + s.get("identifier")));
      for (String which : List.of("hiding", "binding")) {
        byte[] randomness = VectorFile.hex(s, which + "_nonce_randomness");
        SecretScalar nonce = suite().nonceGenerate(randomness, share);
        assertArrayEquals(VectorFile.hex(s, which + "_nonce"),
            nonce.toBytes(InsecureSecretAccess.get()), which + " nonce of " + s.get("identifier"));
        // nonce_generate is H3(random_bytes ‖ SerializeScalar(secret)), nothing more.
        assertEquals(suite().h3(randomness, share.toBytes(InsecureSecretAccess.get())),
            nonce.value(InsecureSecretAccess.get()));
      }
    }
  }

  @Test
  void bindingFactorInputIsBuiltWithH4AndH5() throws Exception {
    ByteArrayOutputStream commitmentList = new ByteArrayOutputStream();
    for (Map<String, String> s : signers()) {
      commitmentList.writeBytes(id(s).toBytes());
      commitmentList.writeBytes(VectorFile.hex(s, "hiding_nonce_commitment"));
      commitmentList.writeBytes(VectorFile.hex(s, "binding_nonce_commitment"));
    }
    byte[] msgHash = suite().h4(VectorFile.hex(inputs(), "message"));
    byte[] comHash = suite().h5(commitmentList.toByteArray());
    for (Map<String, String> s : signers()) {
      ByteArrayOutputStream rhoInput = new ByteArrayOutputStream();
      rhoInput.writeBytes(VectorFile.hex(inputs(), "group_public_key"));
      rhoInput.writeBytes(msgHash);
      rhoInput.writeBytes(comHash);
      rhoInput.writeBytes(id(s).toBytes());
      assertArrayEquals(VectorFile.hex(s, "binding_factor_input"), rhoInput.toByteArray());
    }
  }

  @Test
  void bindingFactorIsH1() throws Exception {
    for (Map<String, String> s : signers()) {
      assertEquals(scalar(s, "binding_factor"), suite().h1(VectorFile.hex(s, "binding_factor_input")));
    }
  }

  @Test
  void signatureSharesUseH2ChallengeAndLagrange() throws Exception {
    Group g = suite().group();
    byte[] sig = VectorFile.hex(inputs(), "sig");
    byte[] rEnc = java.util.Arrays.copyOfRange(sig, 0, g.pointLength());
    Scalar z = g.decodeScalar(java.util.Arrays.copyOfRange(sig, g.pointLength(), sig.length));
    Scalar c = suite().h2(rEnc, VectorFile.hex(inputs(), "group_public_key"),
        VectorFile.hex(inputs(), "message"));
    List<Scalar> participants = new ArrayList<>();
    for (Map<String, String> s : signers()) {
      participants.add(id(s));
    }
    Scalar sum = g.zero();
    for (Map<String, String> s : signers()) {
      Scalar lambda = Lagrange.coefficient(id(s), participants);
      Scalar share = scalar(inputs(), "share_" + s.get("identifier"));
      Scalar expected = scalar(s, "hiding_nonce")
          .add(scalar(s, "binding_nonce").multiply(scalar(s, "binding_factor")))
          .add(lambda.multiply(share).multiply(c));
      assertEquals(scalar(s, "sig_share"), expected, "sig_share of " + s.get("identifier"));
      sum = sum.add(expected);
    }
    assertEquals(z, sum);
  }

  @Test
  void participantSharesAreTheDealerPolynomial() throws Exception {
    Group g = suite().group();
    try (Polynomial f = Polynomial.fromCoefficients(List.of(
        SecretScalar.decode(g, VectorFile.hex(inputs(), "group_secret_key")),
        SecretScalar.decode(g, VectorFile.hex(inputs(), "share_polynomial_coefficient_1"))))) {
      for (int i = 1; i <= 3; i++) {
        assertArrayEquals(VectorFile.hex(inputs(), "share_" + i),
            f.evaluate(g.scalarOf(i)).toBytes(InsecureSecretAccess.get()));
      }
    }
  }

  /** Needs points: nonce commitments, group key, group commitment and the signature equation. */
  @Test
  void pointRelationsHold() throws Exception {
    Group g = suite().group();
    Point pk = g.decodePoint(VectorFile.hex(inputs(), "group_public_key"));
    assertEquals(pk, g.multiplyGenerator(scalar(inputs(), "group_secret_key")));
    Point groupCommitment = g.identity();
    for (Map<String, String> s : signers()) {
      Point d = g.decodePoint(VectorFile.hex(s, "hiding_nonce_commitment"));
      Point e = g.decodePoint(VectorFile.hex(s, "binding_nonce_commitment"));
      assertEquals(d, g.multiplyGenerator(scalar(s, "hiding_nonce")));
      assertEquals(e, g.multiplyGenerator(scalar(s, "binding_nonce")));
      groupCommitment = groupCommitment.add(d).add(e.multiply(scalar(s, "binding_factor")));
    }
    byte[] sig = VectorFile.hex(inputs(), "sig");
    Point r = g.decodePoint(java.util.Arrays.copyOfRange(sig, 0, g.pointLength()));
    Scalar z = g.decodeScalar(java.util.Arrays.copyOfRange(sig, g.pointLength(), sig.length));
    assertEquals(r, groupCommitment);
    Scalar c = suite().h2(r.toBytes(), pk.toBytes(), VectorFile.hex(inputs(), "message"));
    // RFC 9591 §6: z·G == R + c·PK
    assertEquals(g.multiplyGenerator(z), r.add(pk.multiply(c)));
  }
}
