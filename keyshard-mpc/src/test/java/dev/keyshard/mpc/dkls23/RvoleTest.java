package dev.keyshard.mpc.dkls23;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.ot.OtException;
import dev.keyshard.crypto.secret.InsecureSecretAccess;
import dev.keyshard.mpc.PartyId;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * F_RVOLE by DKLs23 Protocol 5.2 on the KOS15 extension: the correlation c_i + d_i = a_i·b holds
 * over many runs, Bob's input looks uniform, and a tampered correction or check value fails Bob's
 * check.
 */
class RvoleTest {
  static final Secp256k1 G = Secp256k1.INSTANCE;
  static final PartyId ALICE = PartyId.of(1);
  static final PartyId BOB = PartyId.of(2);

  static VoleBinding binding(SecureRandom rng) {
    byte[] sign = new byte[32];
    byte[] nonce = new byte[32];
    rng.nextBytes(sign);
    rng.nextBytes(nonce);
    return VoleBinding.of(sign, ALICE, BOB, nonce);
  }

  @Test
  void outputsSatisfyTheCorrelationOverManyRuns() throws Exception {
    SecureRandom rng = TestRandom.seeded(10, "rvole");
    OtPair pair = OtPair.create(rng);
    Set<Scalar> bobInputs = new HashSet<>();
    int runs = 60;
    for (int run = 0; run < runs; run++) {
      VoleBinding binding = binding(rng);
      Scalar[] a = {G.randomScalar(rng), run % 7 == 0 ? G.zero() : G.randomScalar(rng)};
      RvoleBob bob = RvoleBob.start(pair.bob(), binding, rng);
      RvoleAlice.Result alice = RvoleAlice.transfer(pair.alice(), binding, bob.message(), a, rng);
      Scalar b = bob.input().value(InsecureSecretAccess.get());
      Scalar[] d = bob.finish(alice.message());
      for (int i = 0; i < a.length; i++) {
        assertEquals(a[i].multiply(b), alice.c()[i].add(d[i]), "run " + run + ", input " + i);
      }
      assertTrue(bobInputs.add(b), "Bob's random input repeated");
      bob.destroy();
    }
    assertEquals(runs, bobInputs.size());
  }

  /**
   * A malicious Bob replays his identical extension (same u, x̂, t̂ and nonce, same signing
   * binding) to Alice twice. Without Alice's fresh nonce the pads repeat and
   * ã′_j − ã_j = (a′ − a ‖ â′ − â) for every j, revealing a′_1 − a_1 in the first column. With it,
   * the pads are fresh: no row shows the input difference.
   */
  @Test
  void replayedExtensionGetsFreshPadsFromAlice() throws Exception {
    SecureRandom rng = TestRandom.seeded(15, "rvole");
    OtPair pair = OtPair.create(rng);
    VoleBinding binding = binding(rng);
    RvoleBob bob = RvoleBob.start(pair.bob(), binding, rng);
    Scalar sk = G.randomScalar(rng);
    Scalar[] a = {G.randomScalar(rng), sk};
    Scalar[] a2 = {G.randomScalar(rng), sk};
    RvoleAlice.Result first = RvoleAlice.transfer(pair.alice(), binding, bob.message(), a, rng);
    RvoleAlice.Result second = RvoleAlice.transfer(pair.alice(), binding, bob.message(), a2, rng);
    assertFalse(java.util.Arrays.equals(first.message().aliceNonce(),
        second.message().aliceNonce()), "Alice's VOLE nonce must be fresh");
    Scalar inputDiff = a2[0].subtract(a[0]);
    byte[] t1 = first.message().aTildeBytes();
    byte[] t2 = second.message().aTildeBytes();
    for (int j = 0; j < Dkls23Parameters.EXTENDED_OTS; j++) {
      Scalar d0 = aTilde(t2, j, 0).subtract(aTilde(t1, j, 0));
      Scalar d1 = aTilde(t2, j, 1).subtract(aTilde(t1, j, 1));
      assertNotEquals(inputDiff, d0, "ã′ − ã reveals Alice's input difference at OT " + j);
      assertNotEquals(G.zero(), d1, "ã′ − ã reveals Alice's equal input at OT " + j);
    }
    // The replaying Bob still gets a correct VOLE for the message he finishes with.
    Scalar b = bob.input().value(InsecureSecretAccess.get());
    Scalar[] d = bob.finish(second.message());
    for (int i = 0; i < a2.length; i++) {
      assertEquals(a2[i].multiply(b), second.c()[i].add(d[i]));
    }
    bob.destroy();
  }

  @Test
  void aliceNonceOfWrongLengthIsWrongLengthNamingAlice() throws Exception {
    SecureRandom rng = TestRandom.seeded(16, "rvole");
    OtPair pair = OtPair.create(rng);
    VoleBinding binding = binding(rng);
    RvoleBob bob = RvoleBob.start(pair.bob(), binding, rng);
    Scalar[] a = {G.randomScalar(rng), G.randomScalar(rng)};
    VoleTransfer m = RvoleAlice.transfer(pair.alice(), binding, bob.message(), a, rng).message();
    for (int length : new int[] {0, VoleBinding.NONCE_LENGTH - 1, VoleBinding.NONCE_LENGTH + 1}) {
      OtException e = assertThrows(OtException.class,
          () -> VoleTransfer.decode(new byte[length], m.aTildeBytes(), m.eta(), m.mu()));
      assertEquals(OtException.Reason.WRONG_LENGTH, e.reason());
      assertEquals(dev.keyshard.crypto.ot.OtRole.SENDER, e.culprit());
    }
  }

  private static Scalar aTilde(byte[] encoded, int j, int k) throws Exception {
    int off = (j * Dkls23Parameters.OT_WIDTH + k) * 32;
    return G.decodeScalar(java.util.Arrays.copyOfRange(encoded, off, off + 32));
  }

  @Test
  void tamperedCorrectionFailsBobsCheck() throws Exception {
    SecureRandom rng = TestRandom.seeded(11, "rvole");
    OtPair pair = OtPair.create(rng);
    int failures = 0;
    for (int position : new int[] {0, 17, 101, 255, 300, 415}) {
      VoleBinding binding = binding(rng);
      RvoleBob bob = RvoleBob.start(pair.bob(), binding, rng);
      Scalar[] a = {G.randomScalar(rng), G.randomScalar(rng)};
      RvoleAlice.Result alice = RvoleAlice.transfer(pair.alice(), binding, bob.message(), a, rng);
      byte[] tau = alice.message().aTildeBytes();
      // Shift one correction scalar: an inconsistent correlation at one extended OT.
      int offset = (position * Dkls23Parameters.OT_WIDTH) * 32 + 31;
      tau[offset] ^= 1;
      VoleTransfer bad = VoleTransfer.decode(alice.message().aliceNonce(), tau, alice.message().eta(), alice.message().mu());
      // The check fails unless β_j = 0 there, in which case Bob never reads ã_j and his output is
      // still correct: either way no wrong output is accepted.
      Scalar b = bob.input().value(InsecureSecretAccess.get());
      try {
        Scalar[] d = bob.finish(bad);
        for (int i = 0; i < a.length; i++) {
          assertEquals(a[i].multiply(b), alice.c()[i].add(d[i]));
        }
      } catch (VoleCheckException expected) {
        failures++;
      }
    }
    assertTrue(failures >= 1, "some tampered position must be caught");
  }

  @Test
  void tamperedEtaOrMuFailsBobsCheck() throws Exception {
    SecureRandom rng = TestRandom.seeded(12, "rvole");
    OtPair pair = OtPair.create(rng);
    Scalar[] a = {G.randomScalar(rng), G.randomScalar(rng)};
    VoleBinding b1 = binding(rng);
    RvoleBob bob1 = RvoleBob.start(pair.bob(), b1, rng);
    VoleTransfer m1 = RvoleAlice.transfer(pair.alice(), b1, bob1.message(), a, rng).message();
    Scalar[] eta = m1.eta();
    eta[0] = eta[0].add(G.one());
    assertThrows(VoleCheckException.class,
        () -> bob1.finish(VoleTransfer.decode(m1.aliceNonce(), m1.aTildeBytes(), eta, m1.mu())));

    VoleBinding b2 = binding(rng);
    RvoleBob bob2 = RvoleBob.start(pair.bob(), b2, rng);
    VoleTransfer m2 = RvoleAlice.transfer(pair.alice(), b2, bob2.message(), a, rng).message();
    byte[] mu = m2.mu();
    mu[5] ^= 0x40;
    assertThrows(VoleCheckException.class,
        () -> bob2.finish(VoleTransfer.decode(m2.aliceNonce(), m2.aTildeBytes(), m2.eta(), mu)));
  }

  @Test
  void aliceWithAnotherInputPerPositionIsCaught() throws Exception {
    // Alice's correlation must be one vector for all ξ OTs; here she changes a_1 on every OT from
    // 200 on. Bob's check fails unless all those β_j are 0 (probability 2^-216).
    SecureRandom rng = TestRandom.seeded(13, "rvole");
    OtPair pair = OtPair.create(rng);
    VoleBinding binding = binding(rng);
    RvoleBob bob = RvoleBob.start(pair.bob(), binding, rng);
    Scalar[] a = {G.randomScalar(rng), G.randomScalar(rng)};
    VoleTransfer honest = RvoleAlice.transfer(pair.alice(), binding, bob.message(), a, rng)
        .message();
    byte[] tau = honest.aTildeBytes();
    byte[] delta = G.one().toBytes();
    for (int j = 200; j < Dkls23Parameters.EXTENDED_OTS; j++) {
      int off = j * Dkls23Parameters.OT_WIDTH * 32;
      byte[] one = java.util.Arrays.copyOfRange(tau, off, off + 32);
      byte[] shifted = G.decodeScalar(one).add(G.decodeScalar(delta)).toBytes();
      System.arraycopy(shifted, 0, tau, off, 32);
    }
    VoleTransfer bad = VoleTransfer.decode(honest.aliceNonce(), tau, honest.eta(), honest.mu());
    assertThrows(VoleCheckException.class, () -> bob.finish(bad));
  }

  @Test
  void bobsExtensionIsCheckedByAlice() throws Exception {
    SecureRandom rng = TestRandom.seeded(14, "rvole");
    OtPair pair = OtPair.create(rng);
    VoleBinding binding = binding(rng);
    RvoleBob bob = RvoleBob.start(pair.bob(), binding, rng);
    byte[] msg = bob.message().toBytes();
    msg[100] ^= 4; // one bit of u: rows no longer consistent
    var tampered = dev.keyshard.crypto.ot.KosExtendMessage.decode(msg, Dkls23Parameters.BASE_OTS,
        Dkls23Parameters.EXTENDED_OTS);
    OtException e = assertThrows(OtException.class, () -> RvoleAlice.transfer(pair.alice(),
        binding, tampered, new Scalar[] {G.one(), G.one()}, rng));
    assertEquals(OtException.Reason.CONSISTENCY_CHECK_FAILED, e.reason());
    assertTrue(pair.alice().isBurned());
  }
}
