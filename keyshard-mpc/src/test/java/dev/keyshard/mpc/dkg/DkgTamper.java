package dev.keyshard.mpc.dkg;

import static dev.keyshard.mpc.dkg.DkgFixture.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.InvalidEncodingException;
import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.zk.SchnorrProof;
import dev.keyshard.mpc.AbortReason;
import dev.keyshard.mpc.Envelope;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.local.LocalNetwork.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a cheating DKG party does to its messages, and the assertions the attack tests share. */
final class DkgTamper {
  private DkgTamper() {}

  /**
   * Starts everyone, hands {@code target} every genuine round-1 message and then {@code bad}
   * directly (no codec); returns the abort it must raise, after which it has no result.
   */
  static ProtocolAbort deliverRound1(DkgFixture f, PartyId target, Envelope<DkgMessage> bad) {
    List<Envelope<DkgMessage>> genuine = new ArrayList<>();
    for (Map.Entry<PartyId, DkgParty> e : f.parties.entrySet()) {
      if (!e.getKey().equals(bad.from())) {
        genuine.addAll(e.getValue().start());
      }
    }
    DkgParty victim = f.parties.get(target);
    ProtocolAbort a = assertThrows(ProtocolAbort.class, () -> {
      for (Envelope<DkgMessage> e : genuine) {
        if (!e.from().equals(target)) {
          victim.receive(e);
        }
      }
      victim.receive(bad);
    });
    assertThrows(IllegalStateException.class, victim::result);
    return a;
  }

  static boolean isRound(Envelope<DkgMessage> e, int from, int round) {
    return e.round() == round && e.from().equals(p(from));
  }

  static DkgMessage.Commitment commitment(Envelope<DkgMessage> e) {
    return (DkgMessage.Commitment) e.body();
  }

  static Envelope<DkgMessage> withBody(Envelope<DkgMessage> e, DkgMessage body) {
    return new Envelope<>(e.session(), e.protocol(), e.round(), e.from(), e.to(), body);
  }

  static DkgMessage.Commitment withProof(DkgMessage.Commitment c, SchnorrProof proof) {
    return new DkgMessage.Commitment(c.coefficients(), proof);
  }

  /** The proof with z + 1: well-formed, but it does not verify. */
  static SchnorrProof bumped(Group g, DkgMessage.Commitment c) {
    SchnorrProof proof = c.proofOfKnowledge();
    byte[] ch = proof.challenge().toBytes();
    byte[] z = proof.response().add(g.one()).toBytes();
    byte[] both = java.util.Arrays.copyOf(ch, ch.length + z.length);
    System.arraycopy(z, 0, both, ch.length, z.length);
    try {
      return SchnorrProof.decode(g, both);
    } catch (InvalidEncodingException e) {
      throw new AssertionError(e);
    }
  }

  /** The commitment cut or padded (with multiples of G) to {@code length} points. */
  static DkgMessage.Commitment resized(Group g, DkgMessage.Commitment c, int length) {
    List<Point> points = new ArrayList<>();
    for (int k = 0; k < length; k++) {
      points.add(k < c.coefficients().size() ? c.coefficients().get(k)
          : g.multiplyGenerator(g.scalarOf(k + 1)));
    }
    return new DkgMessage.Commitment(points, c.proofOfKnowledge());
  }

  static void assertAbort(Map<PartyId, Outcome<DkgResult>> out, Set<PartyId> at,
      AbortReason reason, Set<PartyId> culprits) {
    for (PartyId id : at) {
      ProtocolAbort a = out.get(id).abort();
      assertTrue(a != null, id + " must abort with " + reason + ", outcome " + out.get(id));
      assertEquals(reason, a.reason(), a.getMessage());
      assertEquals(culprits, a.culprits(), a.getMessage());
    }
  }

  /** No party produced a result: an abort anywhere leaves everyone without a key share. */
  static void assertNoResult(DkgFixture f, Map<PartyId, Outcome<DkgResult>> out) {
    for (PartyId id : f.committee.parties()) {
      assertEquals(null, out.get(id).result(), id + " must not finish");
      assertFalse(f.parties.get(id).isDone(), id + " must not be done");
    }
  }
}
