package dev.keyshard.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.chains.Chain;
import dev.keyshard.chains.tx.ChainSignature;
import dev.keyshard.chains.tx.InvalidTransactionSignatureException;
import dev.keyshard.chains.tx.SignatureCheck;
import dev.keyshard.chains.tx.SigningRequest;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.UnsignedTransaction;
import dev.keyshard.chains.tx.VaultKeys;
import dev.keyshard.node.proto.FinishedSignatureProto;
import dev.keyshard.node.proto.FinishedSignaturesProto;
import dev.keyshard.relay.InMemoryRelayStore;
import dev.keyshard.relay.RelayLimits;
import dev.keyshard.relay.RelayServer;
import dev.keyshard.vault.KeyshardVaultShare;
import dev.keyshard.vault.LocalVaultCreation;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Transaction sessions over a real embedded relay: two devices of a 2-of-3 vault each build the
 * transaction from the intent, sign its three requests (two ECDSA, one TAPROOT), and BouncyCastle
 * ({@link SignatureCheck}) accepts every signature under the keys the chain layer derives; a
 * device whose own build differs, or whose user declines, stops the session before anything is
 * signed, and the initiator hears why; a device that missed the start returns the others'
 * signatures only after each verifies for the transaction it built itself, and refuses forged ones.
 */
class TransactionSigningCeremonyTest {
  static RelayServer relay;
  static URI url;
  static ExecutorService pool;
  static List<KeyshardVaultShare> vault;

  @BeforeAll
  static void start() throws Exception {
    relay = new RelayServer(new InMemoryRelayStore(RelayLimits.DEFAULT), RelayLimits.DEFAULT, "memory")
        .start("127.0.0.1", 0);
    url = URI.create("http://127.0.0.1:" + relay.port());
    pool = Executors.newFixedThreadPool(4);
    vault = LocalVaultCreation.create("tx relay", 2, 3, Instant.EPOCH, new SecureRandom()).shares();
  }

  @AfterAll
  static void stop() {
    pool.shutdownNow();
    relay.close();
  }

  static SigningCeremony signing() {
    return new SigningCeremony(new SecureRandom(), VaultCeremony.Options.defaults(line -> { }));
  }

  static TransactionIntent intent(String memo) {
    return TransactionIntent.builder(Chain.BITCOIN).put("to", "test-to").put("amount", "1")
        .put("memo", memo).build();
  }

  @Test
  void twoDevicesSignEveryRequestOfALongIntentFromTheRelay() throws Exception {
    TransactionIntent intent = intent("x".repeat(2000));
    TransactionFactory factory = TestTransactions.factory("honest");
    SigningCeremony.TransactionInitiator init =
        signing().initiateTransaction(url, vault.get(0), intent, factory);
    assertFalse(init.joinCode().params().containsKey("intent"), "a long intent goes to the relay");
    String code = init.joinCode().format();
    assertTrue(SigningCeremony.isTransaction(JoinCode.parse(code)));
    List<String> shown = new java.util.ArrayList<>();
    Future<List<ChainSignature>> p1 = pool.submit(init::run);
    Future<List<ChainSignature>> p3 = pool.submit(() -> signing().joinTransaction(
        JoinCode.parse(code), vault.get(2), factory, tx -> {
          shown.addAll(tx.summary().lines());
          return true;
        }));
    List<ChainSignature> s1 = p1.get(120, TimeUnit.SECONDS);
    List<ChainSignature> s3 = p3.get(120, TimeUnit.SECONDS);
    assertEquals(s1, s3, "both devices hold the same signatures");
    assertEquals(3, s1.size());
    assertTrue(shown.contains("to:      test-to"), shown.toString());

    UnsignedTransaction own = factory.build(intent, VaultKeys.of(vault.get(1).info()));
    List<SigningRequest> requests = own.signingRequests();
    VaultKeys keys = VaultKeys.of(vault.get(1).info());
    for (int i = 0; i < 3; i++) {
      SignatureCheck.verify(requests.get(i), requests.get(i).signingKey(keys), s1.get(i));
    }
    assertTrue(s1.get(1).recoveryId() == -1 && s1.get(0).recoveryId() >= 0);
    init.transaction().assemble(s1);
    byte[] bad = s1.get(1).bytes();
    bad[5] ^= 1;
    assertThrows(InvalidTransactionSignatureException.class, () -> SignatureCheck.verify(
        requests.get(1), requests.get(1).signingKey(keys), ChainSignature.schnorr(bad)));
  }

  @Test
  void aCoSignerThatJoinsAfterTheOthersStartedGetsTheirSignaturesOnlyAfterCheckingThem()
      throws Exception {
    TransactionIntent intent = intent("late");
    TransactionFactory factory = TestTransactions.factory("honest");
    Started two = startedByDevices1And2(intent, factory);
    JoinCode code = two.code();
    // Devices 1 and 2 already sign: device 3 missed the session and learns its outcome, which it
    // returns only once every signature verifies for the transaction it built itself.
    List<String> shown = new java.util.ArrayList<>();
    List<ChainSignature> late = signing().joinTransaction(code, vault.get(2), factory, tx -> {
      shown.addAll(tx.summary().lines());
      return true;
    });
    List<ChainSignature> s1 = two.device1().get(120, TimeUnit.SECONDS);
    assertEquals(s1, two.device2().get(120, TimeUnit.SECONDS));
    assertEquals(s1, late);
    assertTrue(shown.contains("to:      test-to"), "the late device was shown what it signs: " + shown);
    UnsignedTransaction own = factory.build(intent, VaultKeys.of(vault.get(2).info()));
    VaultKeys keys = VaultKeys.of(vault.get(2).info());
    for (int i = 0; i < late.size(); i++) {
      SigningRequest r = own.signingRequests().get(i);
      SignatureCheck.verify(r, r.signingKey(keys), late.get(i));
    }
  }

  @Test
  void aLateCoSignerWhoseUserDeclinesDoesNotReturnTheOthersSignatures() throws Exception {
    TransactionFactory factory = TestTransactions.factory("honest");
    Started two = startedByDevices1And2(intent("late decline"), factory);
    JoinCode code = two.code();
    SessionException declined = assertThrows(SessionException.class, () -> signing()
        .joinTransaction(code, vault.get(2), factory, tx -> false));
    assertTrue(declined.getMessage().startsWith("declined"), declined.getMessage());
    assertEquals(two.device1().get(120, TimeUnit.SECONDS),
        two.device2().get(120, TimeUnit.SECONDS));
  }

  /** A transaction session devices 1 and 2 have started signing, without device 3. */
  private record Started(JoinCode code, Future<List<ChainSignature>> device1,
      Future<List<ChainSignature>> device2) {}

  private Started startedByDevices1And2(TransactionIntent intent, TransactionFactory factory)
      throws Exception {
    SigningCeremony.TransactionInitiator init =
        signing().initiateTransaction(url, vault.get(0), intent, factory);
    JoinCode code = init.joinCode();
    Future<List<ChainSignature>> p1 = pool.submit(init::run);
    Future<List<ChainSignature>> p2 = pool.submit(() -> signing().joinTransaction(
        code, vault.get(1), factory, tx -> true));
    SessionHarness.awaitStarted(url, code);
    return new Started(code, p1, p2);
  }

  @Test
  void aLateCoSignerRefusesSignaturesLeftOnTheRelayThatDoNotVerify() throws Exception {
    SigningCeremony.TransactionInitiator init = signing().initiateTransaction(url, vault.get(0),
        intent("forged end"), TestTransactions.factory("honest"));
    JoinCode code = init.joinCode();
    // An insider holding the session key starts it without this device and leaves three
    // well-formed signatures that are not the vault's.
    dev.keyshard.relay.client.RelayClient insider = new dev.keyshard.relay.client.RelayClient(url);
    insider.join(code.session(), "insider-a", null);
    insider.join(code.session(), "insider-b", null);
    insider.start(code.session(), List.of("insider-a", "insider-b"));
    FinishedSignaturesProto.Builder forged = FinishedSignaturesProto.newBuilder();
    for (int recoveryId : new int[] {0, -1, 1}) {
      byte[] sig = new byte[64];
      new SecureRandom().nextBytes(sig);
      sig[0] &= 0x7f;
      sig[32] &= 0x3f;
      forged.addSignatures(FinishedSignatureProto.newBuilder()
          .setSignature(com.google.protobuf.ByteString.copyFrom(sig)).setRecoveryId(recoveryId));
    }
    FinishedResult.publish(insider, code, SigningCeremony.RESULT, forged.build().toByteArray(),
        new SecureRandom());
    SessionException e = assertThrows(SessionException.class, () -> signing().joinTransaction(
        code, vault.get(2), TestTransactions.factory("honest"), tx -> true));
    assertTrue(e.getMessage().contains("do not verify for this vault"), e.getMessage());
  }

  @Test
  void aCoSignerWhoseBuildDiffersRefusesAndNothingIsSigned() throws Exception {
    TransactionIntent intent = intent("short");
    // The initiator lies: its "build" yields other hashes than the intent gives an honest device.
    SigningCeremony.TransactionInitiator init = signing().initiateTransaction(url, vault.get(0),
        intent, TestTransactions.factory("liar"));
    assertTrue(init.joinCode().params().containsKey("intent"), "a short intent rides in the code");
    String code = init.joinCode().format();
    Future<List<ChainSignature>> p1 = pool.submit(init::run);
    Future<List<ChainSignature>> p2 = pool.submit(() -> signing().joinTransaction(
        JoinCode.parse(code), vault.get(1), TestTransactions.factory("honest"), tx -> true));
    SessionException honest = cause(p2);
    assertTrue(honest.getMessage().contains("built a different transaction"), honest.getMessage());
    assertEquals(1, honest.culprits().size());
    SessionException liar = cause(p1);
    assertTrue(liar.getMessage().contains("different transaction"), liar.getMessage());
  }

  @Test
  void aCoSignerThatDeclinesStopsTheInitiatorWithAClearError() throws Exception {
    SigningCeremony.TransactionInitiator init = signing().initiateTransaction(url, vault.get(1),
        intent("decline me"), TestTransactions.factory("honest"));
    String code = init.joinCode().format();
    Future<List<ChainSignature>> p2 = pool.submit(init::run);
    Future<List<ChainSignature>> p3 = pool.submit(() -> signing().joinTransaction(
        JoinCode.parse(code), vault.get(2), TestTransactions.factory("honest"), tx -> false));
    SessionException initiator = cause(p2);
    assertTrue(initiator.getMessage().contains("declined the transaction"), initiator.getMessage());
    assertTrue(cause(p3).getMessage().startsWith("declined"));
  }

  @Test
  void aCodeForAnotherVaultIsRefusedBeforeJoining() throws Exception {
    List<KeyshardVaultShare> other =
        LocalVaultCreation.create("other", 2, 3, Instant.EPOCH, new SecureRandom()).shares();
    SigningCeremony.TransactionInitiator init = signing().initiateTransaction(url, other.get(0),
        intent("other vault"), TestTransactions.factory("honest"));
    SessionException e = assertThrows(SessionException.class, () -> signing().joinTransaction(
        init.joinCode(), vault.get(1), TestTransactions.factory("honest"), tx -> true));
    assertTrue(e.getMessage().contains("not this one"), e.getMessage());
  }

  private static SessionException cause(Future<?> f) throws Exception {
    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(120, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof SessionException, String.valueOf(e.getCause()));
    return (SessionException) e.getCause();
  }
}
