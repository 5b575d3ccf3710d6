package dev.keyshard.mpc.frost;

import static dev.keyshard.mpc.frost.FrostSignAttackTest.P1;
import static dev.keyshard.mpc.frost.FrostSignAttackTest.P2;
import static dev.keyshard.mpc.frost.FrostSignAttackTest.P3;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.group.Secp256k1Point;
import dev.keyshard.crypto.secret.SecretScalar;
import dev.keyshard.mpc.AbortReason;
import dev.keyshard.mpc.Committee;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.SessionId;
import dev.keyshard.mpc.dkls23.Dkls23KeyShare;
import dev.keyshard.mpc.keys.KeyShare;
import dev.keyshard.mpc.keys.TrustedDealer;
import dev.keyshard.mpc.local.Dkls23Local;
import dev.keyshard.mpc.local.FrostLocal;
import dev.keyshard.mpc.local.LocalNetwork;
import dev.keyshard.mpc.local.LocalNetwork.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/**
 * FROST-TR under a taproot tweak ({@link TaprootTweak}): the threshold signature must verify,
 * by BouncyCastle's {@code BIP340Signer}, under the output key that single-key BIP-341 arithmetic
 * (done here with BouncyCastle, not our code) gives; the BIP-341 wallet vectors' key-path spends
 * are signed by shares of their internal keys; and a cheating signer is still named.
 */
class TaprootTweakTest {
  private static final Secp256k1Tr SUITE = Secp256k1Tr.INSTANCE;
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");

  /** Q = lift_x(x(P + δ·G)) + int(hash_TapTweak(x(P + δ·G)))·G, with BouncyCastle only. */
  static byte[] expectedOutputKey(byte[] rootKey, BigInteger delta) {
    ECPoint child = CURVE.getCurve().decodePoint(rootKey).add(CURVE.getG().multiply(delta))
        .normalize();
    byte[] x = child.getAffineXCoord().getEncoded();
    byte[] even = new byte[33];
    even[0] = 2;
    System.arraycopy(x, 0, even, 1, 32);
    BigInteger t = new BigInteger(1, tapTweakHash(x));
    ECPoint q = CURVE.getCurve().decodePoint(even).add(CURVE.getG().multiply(t)).normalize();
    return q.getAffineXCoord().getEncoded();
  }

  static byte[] tapTweakHash(byte[] x) {
    byte[] tag = sha256("TapTweak".getBytes(StandardCharsets.US_ASCII));
    return sha256(tag, tag, x);
  }

  static byte[] sha256(byte[]... parts) {
    SHA256Digest d = new SHA256Digest();
    for (byte[] p : parts) {
      d.update(p, 0, p.length);
    }
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  private static boolean odd(byte[] compressed) {
    return compressed[0] == 3;
  }

  /** Every combination of child and output key parity signs and verifies under x(Q). */
  @Test
  void derivedOutputKeySignsForTheBip86Key() throws Exception {
    boolean[][] seen = new boolean[2][2];
    int cases = 0;
    for (long seed = 1; seed <= 60 && cases < 4; seed++) {
      FrostFixture f = FrostFixture.numbered(SUITE, 2, 3, seed);
      Scalar delta = SecretScalar.random(Secp256k1.INSTANCE, f.rng).declassify();
      byte[] root = f.keys.publicKeys().groupKey().toBytes();
      byte[] child = f.keys.publicKeys().groupKey().add(Secp256k1.INSTANCE.multiplyGenerator(delta))
          .toBytes();
      byte[] t = tapTweakHash(Arrays.copyOfRange(child, 1, 33));
      List<KeyShare> signers = List.of(
          TaprootTweak.derivedOutputKey(f.keys.of(P1), delta, t),
          TaprootTweak.derivedOutputKey(f.keys.of(P3), delta, t));
      byte[] q = signers.get(0).publicKeys().groupKey().toBytes();
      byte[] expected = expectedOutputKey(root, delta.toBigInteger());
      assertArrayEquals(expected, Arrays.copyOfRange(q, 1, 33), "x(Q)");
      byte[] message = sha256(new byte[] {(byte) seed});
      Signature s = FrostLocal.sign(SUITE, signers, message, f.rng).signature();
      assertTrue(FrostSecp256k1TrVectorsTest.Bip340Oracle.verifies(expected, message, s.toBytes()),
          "BouncyCastle BIP340Signer rejects the signature");
      byte[] tampered = s.toBytes();
      tampered[40] ^= 1;
      assertFalse(FrostSecp256k1TrVectorsTest.Bip340Oracle.verifies(expected, message, tampered));
      boolean[] row = seen[odd(child) ? 1 : 0];
      if (!row[odd(q) ? 1 : 0]) {
        row[odd(q) ? 1 : 0] = true;
        cases++;
      }
    }
    assertEquals(4, cases, "odd and even y of both P' and Q were exercised");
  }

  /**
   * bitcoin/bips BIP-341 wallet vectors, {@code keyPathSpending}: each input's internal private
   * key is split 2-of-3, the shares are tweaked with the input's Merkle root (null for the
   * key-path-only input 0), and two of them sign the vector's sigHash.
   */
  @Test
  void bip341KeyPathSpendingVectors() throws Exception {
    Object doc = readVectors();
    Object spend = ((List<?>) Json.arr(doc, "keyPathSpending")).get(0);
    List<Object> utxos = Json.arr(Json.obj(spend, "given"), "utxosSpent");
    List<Object> inputs = Json.arr(spend, "inputSpending");
    assertEquals(7, inputs.size());
    SecureRandom rng = FrostFixture.seeded(341);
    int keyPathOnly = 0;
    for (Object in : inputs) {
      Map<String, Object> given = Json.obj(in, "given");
      Map<String, Object> mid = Json.obj(in, "intermediary");
      int index = Integer.parseInt(Json.str(given, "txinIndex"));
      String what = "input " + index;
      byte[] spk = FrostVector.hex(Json.str(utxos.get(index), "scriptPubKey"));
      assertEquals(34, spk.length, what);
      byte[] outputKey = Arrays.copyOfRange(spk, 2, 34);
      Object root = given.get("merkleRoot");
      byte[] merkleRoot = root == null ? null : FrostVector.hex(root.toString());
      keyPathOnly += root == null ? 1 : 0;

      TrustedDealer.Shares keys;
      try (SecretScalar secret = SecretScalar.decode(Secp256k1.INSTANCE,
              FrostVector.hex(Json.str(given, "internalPrivkey")));
          TrustedDealer dealer = TrustedDealer.splitting(secret, 2, rng)) {
        keys = dealer.deal(Committee.numbered(2, 3));
      }
      assertArrayEquals(FrostVector.hex(Json.str(mid, "internalPubkey")),
          ((Secp256k1Point) keys.publicKeys().groupKey()).xOnly(), what);
      KeyShare a = TaprootTweak.outputKey(keys.of(P2), merkleRoot);
      KeyShare b = TaprootTweak.outputKey(keys.of(P3), merkleRoot);
      Secp256k1Point q = (Secp256k1Point) a.publicKeys().groupKey();
      assertArrayEquals(outputKey, q.xOnly(), what + ": x(Q) is the witness program");
      try (SecretScalar tweaked = SecretScalar.decode(Secp256k1.INSTANCE,
          FrostVector.hex(Json.str(mid, "tweakedPrivkey")))) {
        assertTrue(tweaked.publicPoint().equals(q) || tweaked.publicPoint().equals(q.negate()),
            what + ": the shares open to tweakedPrivkey");
      }

      byte[] sigHash = FrostVector.hex(Json.str(mid, "sigHash"));
      Signature s = FrostLocal.sign(SUITE, List.of(a, b), sigHash, rng).signature();
      assertTrue(FrostSecp256k1TrVectorsTest.Bip340Oracle.verifies(outputKey, sigHash, s.toBytes()),
          what + ": BouncyCastle BIP340Signer rejects the threshold signature");
      byte[] otherHash = sigHash.clone();
      otherHash[0] ^= 1;
      assertFalse(FrostSecp256k1TrVectorsTest.Bip340Oracle.verifies(outputKey, otherHash,
          s.toBytes()), what + ": the signature must not verify for another sighash");
    }
    assertEquals(1, keyPathOnly, "input 0 is the scriptless key-path spend");
  }

  /** A wrong signature share under the tweaked key is caught, and its sender named. */
  @Test
  void cheaterUnderTheTweakIsNamed() throws Exception {
    FrostFixture f = FrostFixture.numbered(SUITE, 3, 4, 77);
    Scalar delta = SecretScalar.random(Secp256k1.INSTANCE, f.rng).declassify();
    byte[] t = new byte[32];
    t[31] = 42;
    Set<PartyId> signers = FrostFixture.ids(1, 2, 3);
    byte[] message = sha256(new byte[] {7});
    SessionId session = SessionId.random(f.rng);
    Map<PartyId, FrostSignParty> parties = new TreeMap<>();
    for (PartyId id : signers) {
      parties.put(id, new FrostSignParty(SUITE, TaprootTweak.derivedOutputKey(f.keys.of(id), delta,
          t), signers, message, session, f.rng));
    }
    Map<PartyId, Outcome<Signature>> outcomes = f.network(parties)
        .intercept((e, to) -> List.of(e.from().equals(P2)
            && e.body() instanceof FrostSignMessage.Share ? FrostSignAttackTest.corruptShare(e) : e))
        .runAll();
    FrostSignAttackTest.assertAbort(outcomes.get(P1), AbortReason.INVALID_SIGNATURE_SHARE,
        Set.of(P2));
    FrostSignAttackTest.assertAbort(outcomes.get(P3), AbortReason.INVALID_SIGNATURE_SHARE,
        Set.of(P2));
  }

  /** The vault's DKLs23 share of its secp256k1 key signs FROST-TR for the derived output key. */
  @Test
  void dkls23ShareSignsTaproot() throws Exception {
    SecureRandom rng = FrostFixture.seeded(86);
    List<Dkls23KeyShare> vault = Dkls23Local.keygen(2, 3, rng).shares();
    Scalar delta = SecretScalar.random(Secp256k1.INSTANCE, rng).declassify();
    byte[] root = vault.get(0).publicKey().toBytes();
    byte[] expected = expectedOutputKey(root, delta.toBigInteger());
    byte[] child = vault.get(0).publicKey().add(Secp256k1.INSTANCE.multiplyGenerator(delta))
        .toBytes();
    byte[] t = tapTweakHash(Arrays.copyOfRange(child, 1, 33));
    List<KeyShare> signers = List.of(
        TaprootTweak.derivedOutputKey(vault.get(0).keyShare(), delta, t),
        TaprootTweak.derivedOutputKey(vault.get(2).keyShare(), delta, t));
    byte[] message = sha256(new byte[] {86});
    Signature s = FrostLocal.sign(SUITE, signers, message, rng).signature();
    assertTrue(FrostSecp256k1TrVectorsTest.Bip340Oracle.verifies(expected, message, s.toBytes()));
    assertFalse(vault.get(0).keyShare().isDestroyed(), "tweaking leaves the vault share intact");
  }

  @Test
  void tweaksAreChecked() {
    FrostFixture f = FrostFixture.numbered(SUITE, 2, 3, 5);
    Scalar zero = Secp256k1.INSTANCE.zero();
    assertThrows(IllegalArgumentException.class,
        () -> TaprootTweak.derivedOutputKey(f.keys.of(P1), zero, new byte[31]));
    byte[] aboveOrder = new byte[32];
    Arrays.fill(aboveOrder, (byte) 0xff);
    assertThrows(IllegalArgumentException.class,
        () -> TaprootTweak.derivedOutputKey(f.keys.of(P1), zero, aboveOrder));
    FrostFixture ed = FrostFixture.numbered(FrostCiphersuite.ed25519Sha512(), 2, 3, 5);
    assertThrows(IllegalArgumentException.class,
        () -> TaprootTweak.outputKey(ed.keys.of(P1), (byte[]) null));
  }

  private static Object readVectors() throws IOException {
    try (InputStream in = TaprootTweakTest.class.getResourceAsStream(
        "/vectors/frost/secp256k1-tr/bip341-wallet-test-vectors.json")) {
      return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
