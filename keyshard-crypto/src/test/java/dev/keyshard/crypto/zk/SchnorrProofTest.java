package dev.keyshard.crypto.zk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keyshard.crypto.group.Ed25519;
import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.InvalidEncodingException;
import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.hash.Transcript;
import dev.keyshard.crypto.secret.SecretScalar;
import java.math.BigInteger;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Schnorr proof of knowledge: completeness, soundness against tampering, strict wire form. */
class SchnorrProofTest {
  static List<Group> groups() {
    return List.of(Secp256k1.INSTANCE, Ed25519.INSTANCE);
  }

  static SecureRandom rng() {
    try {
      SecureRandom rng = SecureRandom.getInstance("SHA1PRNG");
      rng.setSeed(7);
      return rng;
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** How a protocol binds a proof: protocol tag, session, prover, round. */
  static Transcript context(String session, int party, int round) {
    return Transcript.of("keyshard/dkg/v1")
        .append("session", session)
        .appendInt("party", party)
        .appendInt("round", round);
  }

  @ParameterizedTest
  @MethodSource("groups")
  void honestProofVerifies(Group g) throws Exception {
    SecureRandom rng = rng();
    try (SecretScalar x = SecretScalar.random(g, rng)) {
      Point pub = x.publicPoint();
      Transcript ctx = context("s1", 1, 1);
      byte[] before = ctx.digest();
      SchnorrProof proof = SchnorrProof.prove(x, pub, ctx, rng);
      proof.verify(pub, context("s1", 1, 1));
      proof.verify(pub, ctx);
      // Neither prove nor verify changes the caller's transcript.
      assertArrayEquals(before, ctx.digest());
      // R = z·G − c·X is what the prover committed to, and c is derived from it as documented.
      Point r = g.multiplyGenerator(proof.response()).subtract(pub.multiply(proof.challenge()));
      assertEquals(proof.challenge(), ctx.copy()
              .append("schnorr-pok/group", g.name())
              .appendPoint("schnorr-pok/X", pub)
              .appendPoint("schnorr-pok/R", r)
              .challengeScalar(g),
          "the documented challenge derivation");
    }
  }

  @ParameterizedTest
  @MethodSource("groups")
  void proofForAnotherKeyFails(Group g) {
    SecureRandom rng = rng();
    SecretScalar x = SecretScalar.random(g, rng);
    SchnorrProof proof = SchnorrProof.prove(x, x.publicPoint(), context("s1", 1, 1), rng);
    Point other = SecretScalar.random(g, rng).publicPoint();
    assertThrows(InvalidProofException.class, () -> proof.verify(other, context("s1", 1, 1)));
    assertThrows(InvalidProofException.class, () -> proof.verify(g.identity(), context("s1", 1, 1)));
    // The prover cannot claim a key it does not hold.
    assertThrows(IllegalArgumentException.class,
        () -> SchnorrProof.prove(x, other, context("s1", 1, 1), rng));
  }

  @ParameterizedTest
  @MethodSource("groups")
  void tamperedChallengeOrResponseFails(Group g) throws Exception {
    SecureRandom rng = rng();
    SecretScalar x = SecretScalar.random(g, rng);
    Point pub = x.publicPoint();
    byte[] wire = SchnorrProof.prove(x, pub, context("s1", 1, 1), rng).encode();
    int sl = g.scalarLength();
    SchnorrProof honest = SchnorrProof.decode(g, wire);
    // z + 1
    byte[] zPlusOne = Arrays.copyOf(wire, wire.length);
    System.arraycopy(honest.response().add(g.one()).toBytes(), 0, zPlusOne, sl, sl);
    SchnorrProof badZ = SchnorrProof.decode(g, zPlusOne);
    assertThrows(InvalidProofException.class, () -> badZ.verify(pub, context("s1", 1, 1)));
    // c + 1
    byte[] cPlusOne = Arrays.copyOf(wire, wire.length);
    System.arraycopy(honest.challenge().add(g.one()).toBytes(), 0, cPlusOne, 0, sl);
    SchnorrProof badC = SchnorrProof.decode(g, cPlusOne);
    assertThrows(InvalidProofException.class, () -> badC.verify(pub, context("s1", 1, 1)));
  }

  @ParameterizedTest
  @MethodSource("groups")
  void wireFormRoundTripsAndIsStrict(Group g) throws Exception {
    SecureRandom rng = rng();
    SecretScalar x = SecretScalar.random(g, rng);
    Point pub = x.publicPoint();
    SchnorrProof proof = SchnorrProof.prove(x, pub, context("s1", 1, 1), rng);
    byte[] wire = proof.encode();
    assertEquals(2 * g.scalarLength(), wire.length);
    SchnorrProof back = SchnorrProof.decode(g, wire);
    assertEquals(proof, back);
    back.verify(pub, context("s1", 1, 1));

    assertThrows(InvalidEncodingException.class, () -> SchnorrProof.decode(g, null));
    assertThrows(InvalidEncodingException.class,
        () -> SchnorrProof.decode(g, Arrays.copyOf(wire, wire.length - 1)));
    assertThrows(InvalidEncodingException.class,
        () -> SchnorrProof.decode(g, Arrays.copyOf(wire, wire.length + 1)));
    // z = order, or c = order: not canonical.
    byte[] bigZ = wire.clone();
    System.arraycopy(groupBytes(g, g.order()), 0, bigZ, g.scalarLength(), g.scalarLength());
    assertThrows(InvalidEncodingException.class, () -> SchnorrProof.decode(g, bigZ));
    byte[] bigC = wire.clone();
    System.arraycopy(groupBytes(g, g.order()), 0, bigC, 0, g.scalarLength());
    assertThrows(InvalidEncodingException.class, () -> SchnorrProof.decode(g, bigC));
  }

  /**
   * (c, z = c·x) makes R' = z·G − c·X the identity, a proof independent of any nonce: rejected
   * whatever the challenge.
   */
  @ParameterizedTest
  @MethodSource("groups")
  void identityCommitmentIsRejected(Group g) throws Exception {
    SecureRandom rng = rng();
    SecretScalar x = SecretScalar.random(g, rng);
    Point pub = x.publicPoint();
    Scalar c = g.randomScalar(rng);
    byte[] wire = new byte[2 * g.scalarLength()];
    System.arraycopy(c.toBytes(), 0, wire, 0, g.scalarLength());
    System.arraycopy(x.multiply(c).declassify().toBytes(), 0, wire, g.scalarLength(),
        g.scalarLength());
    SchnorrProof degenerate = SchnorrProof.decode(g, wire);
    assertThrows(InvalidProofException.class, () -> degenerate.verify(pub, context("s1", 1, 1)));
  }

  private static byte[] groupBytes(Group g, BigInteger v) {
    byte[] be = v.toByteArray();
    byte[] out = new byte[32];
    System.arraycopy(be, Math.max(0, be.length - 32), out, Math.max(0, 32 - be.length),
        Math.min(32, be.length));
    if (g == Ed25519.INSTANCE) {
      for (int i = 0; i < 16; i++) {
        byte t = out[i];
        out[i] = out[31 - i];
        out[31 - i] = t;
      }
    }
    return out;
  }
}
