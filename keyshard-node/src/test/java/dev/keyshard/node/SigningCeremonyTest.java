package dev.keyshard.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.relay.InMemoryRelayStore;
import dev.keyshard.relay.RelayLimits;
import dev.keyshard.relay.RelayServer;
import dev.keyshard.vault.KeyshardVaultShare;
import dev.keyshard.vault.hd.Bip32;
import dev.keyshard.vault.hd.DerivationPath;
import fr.acinq.secp256k1.Secp256k1;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two of three devices sign through the relay; verifiers we did not write accept the result. */
class SigningCeremonyTest {
  static RelayServer relay;
  static URI url;
  static ExecutorService pool;
  static List<KeyshardVaultShare> vault;

  @BeforeAll
  static void createVault() throws Exception {
    relay = new RelayServer(new InMemoryRelayStore(RelayLimits.DEFAULT), RelayLimits.DEFAULT, "memory")
        .start("127.0.0.1", 0);
    url = URI.create("http://127.0.0.1:" + relay.port());
    pool = Executors.newFixedThreadPool(4);
    VaultCeremony.Initiator init = VaultCeremonyTest.ceremony().initiate(url, "Signing test", 2, 3);
    String code = init.joinCode().format();
    Future<KeyshardVaultShare> a = pool.submit(init::run);
    Future<KeyshardVaultShare> b = pool.submit(() -> VaultCeremonyTest.ceremony().join(JoinCode.parse(code)));
    Future<KeyshardVaultShare> c = pool.submit(() -> VaultCeremonyTest.ceremony().join(JoinCode.parse(code)));
    vault = new java.util.ArrayList<>(List.of(a.get(), b.get(), c.get()));
    vault.sort(java.util.Comparator.comparing(s -> s.info().localParty()));
  }

  @AfterAll
  static void stop() {
    pool.shutdownNow();
    relay.close();
  }

  static SigningCeremony signing() {
    return new SigningCeremony(new SecureRandom(), VaultCeremony.Options.defaults(line -> { }));
  }

  @Test
  void ecdsaAtAnEthereumPathVerifiesUnderTheChildKey() throws Exception {
    byte[] hash = new byte[32];
    new SecureRandom().nextBytes(hash);
    String path = "m/44'/60'/0'/0/0";
    SignRequest req = new SignRequest(vault.get(0).info().id(), SignRequest.Scheme.ECDSA, hash, path);
    SigningCeremony.Initiator init = signing().initiate(url, vault.get(0), req);
    String code = init.joinCode().format();
    SignRequest[] seen = new SignRequest[1];
    Future<SigningCeremony.Result> p1 = pool.submit(init::run);
    Future<SigningCeremony.Result> p3 = pool.submit(() -> signing().join(JoinCode.parse(code), vault.get(2),
        r -> {
          seen[0] = r;
          return true;
        }));
    SigningCeremony.Result r1 = p1.get();
    SigningCeremony.Result r3 = p3.get();
    assertArrayEquals(r1.signature(), r3.signature());
    assertArrayEquals(hash, seen[0].message());
    assertEquals(path, seen[0].path());
    byte[] child = Bip32.derive(vault.get(0).info().publicKeyEcdsa(), vault.get(0).info().chainCode(),
        DerivationPath.parse(path)).publicKey();
    assertArrayEquals(child, r1.publicKey());
    assertTrue(Secp256k1.get().verify(r1.signature(), hash, child));
  }

  @Test
  void eddsaWithTheOtherTwoVerifiesByBouncyCastle() throws Exception {
    byte[] msg = "transfer 1 SOL".getBytes(StandardCharsets.UTF_8);
    SignRequest req = new SignRequest(vault.get(1).info().id(), SignRequest.Scheme.EDDSA, msg, "");
    SigningCeremony.Initiator init = signing().initiate(url, vault.get(1), req);
    String code = init.joinCode().format();
    Future<SigningCeremony.Result> p2 = pool.submit(init::run);
    Future<SigningCeremony.Result> p3 = pool.submit(() -> signing().join(JoinCode.parse(code),
        vault.get(2), r -> true));
    SigningCeremony.Result r = p2.get();
    assertArrayEquals(r.signature(), p3.get().signature());
    Ed25519Signer v = new Ed25519Signer();
    v.init(false, new Ed25519PublicKeyParameters(vault.get(1).info().publicKeyEddsa(), 0));
    v.update(msg, 0, msg.length);
    assertTrue(v.verifySignature(r.signature()));
  }

  @Test
  void aDeclinedRequestSendsNothing() {
    byte[] hash = new byte[32];
    SignRequest req = new SignRequest(vault.get(0).info().id(), SignRequest.Scheme.ECDSA, hash, "");
    SigningCeremony.Initiator init = signing().initiate(url, vault.get(0), req);
    SessionException e = assertThrows(SessionException.class,
        () -> signing().join(init.joinCode(), vault.get(1), r -> false));
    assertTrue(e.getMessage().startsWith("declined"), e.getMessage());
  }

  @Test
  void aCoSignerThatJoinsAfterTheOthersStartedGetsTheirVerifiedSignature() throws Exception {
    byte[] hash = new byte[32];
    new SecureRandom().nextBytes(hash);
    String path = "m/44'/60'/0'/0/0";
    SignRequest req = new SignRequest(vault.get(0).info().id(), SignRequest.Scheme.ECDSA, hash, path);
    SigningCeremony.Initiator init = signing().initiate(url, vault.get(0), req);
    JoinCode code = init.joinCode();
    Future<SigningCeremony.Result> p1 = pool.submit(init::run);
    Future<SigningCeremony.Result> p2 = pool.submit(() -> signing().join(code, vault.get(1), r -> true));
    SessionHarness.awaitStarted(url, code);
    // Two of three already sign: device 3 missed the session, and learns its outcome.
    SigningCeremony.Result late = signing().join(code, vault.get(2), r -> true);
    SigningCeremony.Result r1 = p1.get();
    p2.get();
    assertArrayEquals(r1.signature(), late.signature());
    assertEquals(r1.recoveryId(), late.recoveryId());
    assertArrayEquals(r1.publicKey(), late.publicKey());
    assertTrue(Secp256k1.get().verify(late.signature(), hash, late.publicKey()));
  }
}
