package dev.keyshard.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.mpc.dkls23.Dkls23KeyShare;
import dev.keyshard.mpc.local.Dkls23Local;
import dev.keyshard.relay.InMemoryRelayStore;
import dev.keyshard.relay.RelayLimits;
import dev.keyshard.relay.RelayServer;
import dev.keyshard.vault.KeyshardVaultShare;
import dev.keyshard.vault.recovery.RecoveredKeys;
import dev.keyshard.vault.recovery.VaultRecovery;
import fr.acinq.secp256k1.Secp256k1;
import java.math.BigInteger;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A vault made by three devices (threads here) through a real relay over HTTP. */
class VaultCeremonyTest {
  RelayServer relay;
  URI url;
  ExecutorService pool;

  @BeforeEach
  void start() {
    relay = new RelayServer(new InMemoryRelayStore(RelayLimits.DEFAULT), RelayLimits.DEFAULT, "memory")
        .start("127.0.0.1", 0);
    url = URI.create("http://127.0.0.1:" + relay.port());
    pool = Executors.newFixedThreadPool(4);
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
    relay.close();
  }

  static VaultCeremony ceremony() {
    return new VaultCeremony(new SecureRandom(), VaultCeremony.Options.defaults(line -> { }));
  }

  @Test
  void threeDevicesCreateOneVaultThatSignsAndRecovers() throws Exception {
    VaultCeremony.Initiator init = ceremony().initiate(url, "Family", 2, 3);
    String code = init.joinCode().format();
    Future<KeyshardVaultShare> a = pool.submit(init::run);
    Future<KeyshardVaultShare> b = pool.submit(() -> ceremony().join(JoinCode.parse(code)));
    Future<KeyshardVaultShare> c = pool.submit(() -> ceremony().join(JoinCode.parse(code)));
    List<KeyshardVaultShare> shares = List.of(a.get(), b.get(), c.get());

    KeyshardVaultShare first = shares.get(0);
    assertEquals("p1", first.info().localParty());
    for (KeyshardVaultShare s : shares) {
      assertEquals(first.info().id(), s.info().id());
      assertArrayEquals(first.info().publicKeyEcdsa(), s.info().publicKeyEcdsa());
      assertArrayEquals(first.info().publicKeyEddsa(), s.info().publicKeyEddsa());
      assertArrayEquals(first.info().chainCode(), s.info().chainCode());
      assertEquals(first.info().createdAt(), s.info().createdAt());
      assertEquals(List.of("p1", "p2", "p3"), s.info().signers());
    }
    assertNotEquals(shares.get(1).info().localParty(), shares.get(2).info().localParty());

    // Two of the three sign; libsecp256k1 verifies under the vault's ECDSA key.
    byte[] hash = new byte[32];
    new SecureRandom().nextBytes(hash);
    List<Dkls23KeyShare> two = List.of(shares.get(0).ecdsa(), shares.get(2).ecdsa());
    var sig = Dkls23Local.sign(two, hash, null, new SecureRandom()).signature();
    assertTrue(Secp256k1.get().verify(sig.toCompact(), hash, first.info().publicKeyEcdsa()));

    // Any two recover root keys whose public keys BouncyCastle computes to the vault's.
    RecoveredKeys keys = VaultRecovery.recover(List.of(VaultRecovery.of(shares.get(1)),
        VaultRecovery.of(shares.get(2))));
    byte[] priv = keys.privateKeyEcdsa().toBytes(dev.keyshard.crypto.secret.InsecureSecretAccess.get());
    assertArrayEquals(first.info().publicKeyEcdsa(), CustomNamedCurves.getByName("secp256k1").getG()
        .multiply(new BigInteger(1, priv)).normalize().getEncoded(true));
  }

  @Test
  void aSilentDeviceTimesOutNamingNobodyFalsely() throws Exception {
    VaultCeremony short1 = new VaultCeremony(new SecureRandom(), new VaultCeremony.Options(
        java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(2), line -> { }));
    VaultCeremony.Initiator init = short1.initiate(url, "Lonely", 2, 2);
    SessionException e = org.junit.jupiter.api.Assertions.assertThrows(SessionTimeoutException.class,
        init::run);
    assertTrue(e.getMessage().contains("joining"), e.getMessage());
    List<String> none = new ArrayList<>(e.culprits());
    assertEquals(List.of(), none);
  }

  @Test
  void aDeviceLeftOutOfAFullSessionLearnsWhichVaultTheOthersMade() throws Exception {
    VaultCeremony.Initiator init = ceremony().initiate(url, "Pair", 2, 2);
    JoinCode code = init.joinCode();
    Future<KeyshardVaultShare> a = pool.submit(init::run);
    Future<KeyshardVaultShare> b = pool.submit(() -> ceremony().join(code));
    SessionHarness.awaitStarted(url, code);
    // The session is full and running: this device joins too late.
    SessionException late = org.junit.jupiter.api.Assertions.assertThrows(SessionException.class,
        () -> ceremony().join(code));
    KeyshardVaultShare made = a.get();
    b.get();
    assertTrue(late.getMessage().contains("holds no share"), late.getMessage());
    assertTrue(late.getMessage().contains("vault 'Pair' (" + made.info().id().substring(0, 8) + ", 2 of 2)"),
        late.getMessage());
    assertEquals(List.of(), late.culprits());
  }
}
