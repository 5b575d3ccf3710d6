package dev.keyshard.mpc.dkg;

import dev.keyshard.crypto.group.Ed25519;
import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Secp256k1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keyshard.mpc.AbortReason;
import dev.keyshard.mpc.Committee;
import dev.keyshard.mpc.Envelope;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.local.LocalNetwork;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random committees 2 ≤ t ≤ n ≤ 16 on both groups, in order and with shuffled delivery: every run
 * passes {@link DkgChecks#checkResults}; and a commitment vector of any length other than t
 * (including empty) is {@code WRONG_LENGTH} naming its sender, with or without the codec
 * (ATTACKS.md, Pedersen DKG threshold-raise). Tries are modest: a 16-party run costs tens of ms.
 */
class DkgPropertyTest {

  record Shape(Group group, int t, int n, long seed, boolean shuffled) {}

  @Provide
  Arbitrary<Shape> shapes() {
    Arbitrary<Group> groups = Arbitraries.of(Secp256k1.INSTANCE, Ed25519.INSTANCE);
    return Combinators.combine(groups, Arbitraries.integers().between(2, 16),
            Arbitraries.integers().between(0, 14), Arbitraries.longs(), Arbitraries.of(true, false))
        .as((g, n, dt, seed, shuffled) -> new Shape(g, Math.max(2, n - dt), n, seed, shuffled));
  }

  @Property(tries = 15)
  void randomCommitteesAgreeOnOneReconstructibleKey(@ForAll("shapes") Shape s)
      throws ProtocolAbort {
    DkgFixture f = new DkgFixture(s.group(), s.t(), s.n(), s.seed());
    LocalNetwork<DkgMessage, DkgResult> net = f.network();
    if (s.shuffled()) {
      net.shuffle(new Random(s.seed()));
    }
    DkgChecks.checkResults(Committee.numbered(s.t(), s.n()), net.run(), new Random(s.seed()));
  }

  record BadLength(Group group, int t, int n, int length, boolean viaCodec) {}

  @Provide
  Arbitrary<BadLength> badLengths() {
    Arbitrary<Group> groups = Arbitraries.of(Secp256k1.INSTANCE, Ed25519.INSTANCE);
    return Combinators.combine(groups, Arbitraries.integers().between(2, 16),
            Arbitraries.integers().between(0, 14), Arbitraries.integers().between(0, 20),
            Arbitraries.of(true, false))
        .as((g, n, dt, len, codec) -> {
          int t = Math.max(2, n - dt);
          // Any length in 0..t+5 except t itself; 0 (empty) and t±1 are edge cases.
          int length = len % (t + 6) == t ? t + 1 : len % (t + 6);
          return new BadLength(g, t, n, length, codec);
        });
  }

  @Property(tries = 25)
  void commitmentOfAnyOtherLengthIsWrongLengthNamingTheSender(
      @ForAll("badLengths") BadLength b) {
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
