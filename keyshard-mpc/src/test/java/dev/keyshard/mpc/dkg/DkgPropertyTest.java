package dev.keyshard.mpc.dkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keyshard.crypto.group.Ed25519;
import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.testing.Cases;
import dev.keyshard.mpc.AbortReason;
import dev.keyshard.mpc.Committee;
import dev.keyshard.mpc.Envelope;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.local.LocalNetwork;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random committees 2 ≤ t ≤ n ≤ 16 on both groups, in order and with shuffled delivery: every run
 * passes {@link DkgChecks#checkResults}; and a commitment vector of any length other than t
 * (including empty) is {@code WRONG_LENGTH} naming its sender, with or without the codec
 * (ATTACKS.md, Pedersen DKG threshold-raise). Tries are modest: a 16-party run costs tens of ms.
 */
class DkgPropertyTest {

  record Shape(Group group, int t, int n, long seed, boolean shuffled) {}

  private static final Group SECP = Secp256k1.INSTANCE;
  private static final Group ED = Ed25519.INSTANCE;

  /**
   * The extreme thresholds 2-of-2, 16-of-16 and 2-of-16 on both groups, then random shapes: n in
   * 2..16, t = max(2, n − d) for d in 0..14, in order or shuffled.
   */
  static Stream<Arguments> shapes() {
    return Stream.concat(Stream.of(
            Cases.edge("2-of-2, secp256k1, in order", new Shape(SECP, 2, 2, 1, false)),
            Cases.edge("2-of-2, Ed25519, shuffled", new Shape(ED, 2, 2, 2, true)),
            Cases.edge("16-of-16, secp256k1, shuffled", new Shape(SECP, 16, 16, 3, true)),
            Cases.edge("16-of-16, Ed25519, in order", new Shape(ED, 16, 16, 4, false)),
            Cases.edge("2-of-16, Ed25519, shuffled", new Shape(ED, 2, 16, 5, true)),
            Cases.edge("2-of-16, secp256k1, in order", new Shape(SECP, 2, 16, 6, false))),
        Cases.arguments(0xD6C1, 12, r -> {
          Group g = Cases.oneOf(r, SECP, ED);
          int n = Cases.between(r, 2, 16);
          int dt = Cases.between(r, 0, 14);
          return Cases.args(new Shape(g, Math.max(2, n - dt), n, r.nextLong(), r.nextBoolean()));
        }));
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void randomCommitteesAgreeOnOneReconstructibleKey(Shape s) throws ProtocolAbort {
    DkgFixture f = new DkgFixture(s.group(), s.t(), s.n(), s.seed());
    LocalNetwork<DkgMessage, DkgResult> net = f.network();
    if (s.shuffled()) {
      net.shuffle(new Random(s.seed()));
    }
    DkgChecks.checkResults(Committee.numbered(s.t(), s.n()), net.run(), new Random(s.seed()));
  }

  record BadLength(Group group, int t, int n, int length, boolean viaCodec) {}

  /**
   * The edge lengths 0 (empty), t − 1, t + 1 and t + 5 at the extreme thresholds, with and
   * without the codec, then random shapes with any length in 0..t+5 except t.
   */
  static Stream<Arguments> badLengths() {
    return Stream.concat(Stream.of(
            Cases.edge("2-of-2, secp256k1, empty, direct", new BadLength(SECP, 2, 2, 0, false)),
            Cases.edge("2-of-2, Ed25519, empty, via codec", new BadLength(ED, 2, 2, 0, true)),
            Cases.edge("2-of-2, secp256k1, t − 1, via codec", new BadLength(SECP, 2, 2, 1, true)),
            Cases.edge("2-of-2, Ed25519, t + 1, direct", new BadLength(ED, 2, 2, 3, false)),
            Cases.edge("16-of-16, Ed25519, t − 1, direct", new BadLength(ED, 16, 16, 15, false)),
            Cases.edge("16-of-16, secp256k1, t + 1, via codec",
                new BadLength(SECP, 16, 16, 17, true)),
            Cases.edge("16-of-16, secp256k1, empty, via codec",
                new BadLength(SECP, 16, 16, 0, true)),
            Cases.edge("2-of-16, Ed25519, t + 5, direct", new BadLength(ED, 2, 16, 7, false))),
        Cases.arguments(0xD6C2, 17, r -> {
          Group g = Cases.oneOf(r, SECP, ED);
          int n = Cases.between(r, 2, 16);
          int t = Math.max(2, n - Cases.between(r, 0, 14));
          // Any length in 0..t+5 except t itself.
          int len = Cases.between(r, 0, 20) % (t + 6);
          int length = len == t ? t + 1 : len;
          return Cases.args(new BadLength(g, t, n, length, r.nextBoolean()));
        }));
  }

  @ParameterizedTest
  @MethodSource("badLengths")
  void commitmentOfAnyOtherLengthIsWrongLengthNamingTheSender(BadLength b) {
    DkgFixture f = new DkgFixture(b.group(), b.t(), b.n(), b.length());
    PartyId cheat = PartyId.of(b.n());
    PartyId victim = PartyId.of(1);
    Envelope<DkgMessage> honest = f.parties.get(cheat).start().get(0);
    DkgMessage.Commitment bad =
        DkgTamper.resized(b.group(), DkgTamper.commitment(honest), b.length());
    ProtocolAbort a;
    if (b.viaCodec()) {
      DkgCodec codec = f.codec();
      a = assertThrows(ProtocolAbort.class, () -> codec.decode(cheat, 1, codec.encode(bad)));
    } else {
      a = DkgTamper.deliverRound1(f, victim, DkgTamper.withBody(honest, bad));
    }
    assertEquals(AbortReason.WRONG_LENGTH, a.reason(), a.getMessage());
    assertEquals(Set.of(cheat), a.culprits());
  }
}
