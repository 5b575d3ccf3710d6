package dev.keyshard.mpc.frost;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.crypto.internal.KeyshardBug;
import dev.keyshard.mpc.Envelope;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.SessionId;
import dev.keyshard.mpc.keys.KeyShare;
import dev.keyshard.mpc.keys.PublicKeyPackage;
import dev.keyshard.mpc.local.LocalNetwork.Outcome;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Aggregation checks the signature first and the shares only when it fails ({@link Aggregator}):
 * the two outcomes that only this order produces. Blame for bad shares is in
 * {@link FrostSignAttackTest}.
 */
class AggregateFirstTest {
  static Stream<FrostCiphersuite> suites() {
    return FrostSignAttackTest.suites();
  }

  /** {@code env} with its share moved by {@code delta}, echo unchanged. */
  private static Envelope<FrostSignMessage> shifted(Envelope<FrostSignMessage> env, boolean up) {
    FrostSignMessage.Share s = (FrostSignMessage.Share) env.body();
    var one = s.value().group().one();
    SignatureShare moved = SignatureShare.of(
        up ? s.value().value().add(one) : s.value().value().subtract(one));
    return new Envelope<>(env.session(), env.protocol(), env.round(), env.from(), env.to(),
        new FrostSignMessage.Share(moved, s.viewDigest()));
  }

  /**
   * Two wrong shares that cancel give a valid signature: it verifies, so it is output and nobody
   * is named, as in frost-core 2.x (only a failing aggregate triggers cheater detection).
   */
  @ParameterizedTest
  @MethodSource("suites")
  void cancellingSharesStillGiveAValidSignature(FrostCiphersuite suite) throws Exception {
    FrostFixture f = FrostFixture.numbered(suite, 3, 3, 40);
    byte[] message = {4, 0};
    Map<PartyId, Outcome<Signature>> outcomes = f.network(
            f.parties(FrostFixture.ids(1, 2, 3), message, SessionId.random(f.rng)))
        .intercept((e, to) -> List.of(e.body() instanceof FrostSignMessage.Share
            && !e.from().equals(FrostSignAttackTest.P1) && to.equals(FrostSignAttackTest.P1)
            ? shifted(e, e.from().equals(FrostSignAttackTest.P2)) : e))
        .runAll();
    Outcome<Signature> p1 = outcomes.get(FrostSignAttackTest.P1);
    assertTrue(!p1.aborted() && p1.result() != null, "P1 outputs: " + p1);
    FrostSignAttackTest.assertNoInvalidOutput(f, outcomes, message);
  }

  /**
   * A key package whose group key does not match its verifying shares: every share verifies, the
   * signature does not. That is our bug (or a corrupted package), never a peer's: KeyshardBug.
   */
  @ParameterizedTest
  @MethodSource("suites")
  void failingAggregateWithValidSharesIsOurBug(FrostCiphersuite suite) {
    FrostFixture f = FrostFixture.numbered(suite, 2, 2, 41);
    PublicKeyPackage honest = f.keys.publicKeys();
    PublicKeyPackage corrupt = new PublicKeyPackage(honest.group(), honest.committee(),
        honest.groupKey().add(honest.group().generator()), honest.verifyingShares());
    Map<PartyId, FrostSignParty> parties = new TreeMap<>();
    SessionId session = SessionId.random(f.rng);
    for (PartyId id : Set.of(FrostSignAttackTest.P1, FrostSignAttackTest.P2)) {
      KeyShare share = new KeyShare(id, f.keys.of(id).signingShare().copy(), corrupt);
      parties.put(id, new FrostSignParty(suite, share, FrostFixture.ids(1, 2), new byte[] {3},
          session, f.rng));
    }
    assertThrows(KeyshardBug.class, () -> f.network(parties).runAll());
  }
}
