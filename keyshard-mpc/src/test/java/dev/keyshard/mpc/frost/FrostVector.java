package dev.keyshard.mpc.frost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.secret.InsecureSecretAccess;
import dev.keyshard.crypto.secret.SecretScalar;
import dev.keyshard.mpc.Committee;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.keys.KeyShare;
import dev.keyshard.mpc.keys.TrustedDealer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One FROST signing test vector in the RFC 9591 / ZF JSON layout, replayed byte for byte through
 * the trusted dealer, {@link Round1}, {@link SigningPackage}, {@link Round2} and the
 * {@link Aggregator}, with the vector's fixed nonce randomness.
 */
final class FrostVector {
  static final HexFormat HEX = HexFormat.of();

  private final Object json;
  private final FrostCiphersuite suite;

  FrostVector(String resource, FrostCiphersuite suite) {
    try (InputStream in = FrostVector.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("missing resource " + resource);
      }
      this.json = Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.suite = suite;
  }

  static byte[] hex(String s) {
    return HEX.parseHex(s);
  }

  byte[] message() {
    return hex(Json.str(Json.obj(json, "inputs"), "message"));
  }

  /**
   * Replays the vector and asserts every intermediate value.
   *
   * @return the aggregate signature, for checks by independent verifiers
   */
  Signature replay() throws Exception {
    Group group = suite.group();
    Map<String, Object> inputs = Json.obj(json, "inputs");
    Map<String, Object> config = Json.obj(json, "config");
    int t = Integer.parseInt(Json.str(config, "MIN_PARTICIPANTS"));
    int n = Integer.parseInt(Json.str(config, "MAX_PARTICIPANTS"));

    // Trusted dealer from the vector's polynomial: [group_secret_key, coefficients...].
    List<SecretScalar> coefficients = new ArrayList<>();
    coefficients.add(SecretScalar.decode(group, hex(Json.str(inputs, "group_secret_key"))));
    for (Object c : Json.arr(inputs, "share_polynomial_coefficients")) {
      coefficients.add(SecretScalar.decode(group, hex(c.toString())));
    }
    TrustedDealer.Shares dealt;
    try (TrustedDealer dealer = new TrustedDealer(coefficients)) {
      dealt = dealer.deal(Committee.numbered(t, n));
    }
    String keyField = inputs.containsKey("group_public_key") ? "group_public_key"
        : "verifying_key_key";
    assertEquals(Json.str(inputs, keyField), HEX.formatHex(dealt.publicKeys().groupKey().toBytes()),
        "group public key");
    for (Object o : Json.arr(inputs, "participant_shares")) {
      PartyId id = PartyId.of(Integer.parseInt(Json.str(o, "identifier")));
      assertEquals(Json.str(o, "participant_share"), HEX.formatHex(
          dealt.of(id).signingShare().toBytes(InsecureSecretAccess.get())), "share of " + id);
    }

    // Round one with the vector's randomness.
    VerifyingKeys keys = VerifyingKeys.of(suite, dealt.publicKeys());
    Map<PartyId, SigningNonces> nonces = new TreeMap<>();
    Map<PartyId, SigningCommitments> commitments = new TreeMap<>();
    Map<PartyId, SecretScalar> shares = new TreeMap<>();
    List<Object> round1 = Json.arr(Json.obj(json, "round_one_outputs"), "outputs");
    for (Object o : round1) {
      PartyId id = PartyId.of(Integer.parseInt(Json.str(o, "identifier")));
      KeyShare share = dealt.of(id);
      SecretScalar s = keys.negated() ? share.signingShare().negate() : share.signingShare().copy();
      shares.put(id, s);
      byte[] hidingRandomness = hex(Json.str(o, "hiding_nonce_randomness"));
      byte[] bindingRandomness = hex(Json.str(o, "binding_nonce_randomness"));
      // RFC 9591 §4.1 nonce_generate, the function Round1.commit uses.
      assertEquals(Json.str(o, "hiding_nonce"), HEX.formatHex(suite.hashes()
          .nonceGenerate(hidingRandomness, s).toBytes(InsecureSecretAccess.get())), "hiding nonce");
      assertEquals(Json.str(o, "binding_nonce"), HEX.formatHex(suite.hashes()
          .nonceGenerate(bindingRandomness, s).toBytes(InsecureSecretAccess.get())),
          "binding nonce");
      SigningNonces pair = Round1.commit(suite, s, hidingRandomness, bindingRandomness);
      assertEquals(Json.str(o, "hiding_nonce_commitment"),
          HEX.formatHex(pair.commitments().hidingBytes()), "hiding commitment of " + id);
      assertEquals(Json.str(o, "binding_nonce_commitment"),
          HEX.formatHex(pair.commitments().bindingBytes()), "binding commitment of " + id);
      nonces.put(id, pair);
      commitments.put(id, pair.commitments());
    }

    // Built as an outside aggregator would (no nonces), and as each signer does (own nonces):
    // both ways must give the same group commitment.
    PartyId first = nonces.keySet().iterator().next();
    SigningPackage pkg = SigningPackage.build(keys, commitments, message(), first, null);
    SigningPackage signerView = SigningPackage.build(keys, commitments, message(), first,
        nonces.get(first));
    assertEquals(pkg.groupCommitment().point(), signerView.groupCommitment().point());
    assertArrayEquals(pkg.viewDigest(), signerView.viewDigest());
    for (Object o : round1) {
      PartyId id = PartyId.of(Integer.parseInt(Json.str(o, "identifier")));
      assertEquals(Json.str(o, "binding_factor_input"),
          HEX.formatHex(pkg.bindingFactors().bindingFactorInput(id)), "binding factor input");
      assertEquals(Json.str(o, "binding_factor"),
          HEX.formatHex(pkg.bindingFactors().of(id).toBytes()), "binding factor of " + id);
    }

    // Round two.
    Map<PartyId, SignatureShare> sigShares = new TreeMap<>();
    for (Object o : Json.arr(Json.obj(json, "round_two_outputs"), "outputs")) {
      PartyId id = PartyId.of(Integer.parseInt(Json.str(o, "identifier")));
      SignatureShare z = Round2.sign(pkg, id, shares.get(id), nonces.get(id));
      assertEquals(Json.str(o, "sig_share"), HEX.formatHex(z.toBytes()), "sig share of " + id);
      sigShares.put(id, z);
    }

    // Aggregation.
    Aggregator.verifySignatureShares(pkg, sigShares);
    Signature signature = Aggregator.aggregate(pkg, sigShares);
    assertArrayEquals(hex(Json.str(Json.obj(json, "final_output"), "sig")), signature.toBytes(),
        "signature");
    Aggregator.verifyAggregate(pkg, signature);
    suite.verify(suite.decodeSignature(signature.toBytes()), message(),
        dealt.publicKeys().groupKey());
    return signature;
  }

  /** The vector's group key encoding. */
  byte[] groupKey() {
    Map<String, Object> inputs = Json.obj(json, "inputs");
    return hex(Json.str(inputs, inputs.containsKey("group_public_key") ? "group_public_key"
        : "verifying_key_key"));
  }
}
