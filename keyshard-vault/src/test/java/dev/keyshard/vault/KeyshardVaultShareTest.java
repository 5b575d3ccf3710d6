package dev.keyshard.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.crypto.group.InvalidEncodingException;
import dev.keyshard.crypto.secret.InsecureSecretAccess;
import dev.keyshard.vault.proto.VaultSecretsProto;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A locally created vault: every share holds both root keys and the chain code, its secrets
 * round-trip through {@link VaultShareCodec}, and parts of different parties or vaults are refused.
 */
class KeyshardVaultShareTest {
  static final Instant CREATED = Instant.parse("2026-12-02T10:00:00Z");
  static LocalVaultCreation.Result vault;
  static LocalVaultCreation.Result other;

  static SecureRandom seeded(String label) throws Exception {
    SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
    r.setSeed(label.getBytes(StandardCharsets.UTF_8));
    return r;
  }

  @BeforeAll
  static void create() throws Exception {
    vault = LocalVaultCreation.create("Savings", 2, 3, CREATED, seeded("vault"));
    other = LocalVaultCreation.create("Other", 2, 3, CREATED, seeded("other"));
  }

  @Test
  void everyShareDescribesTheSameVault() {
    List<KeyshardVaultShare> shares = vault.shares();
    assertEquals(3, shares.size());
    VaultInfo first = shares.get(0).info();
    for (int i = 0; i < 3; i++) {
      VaultInfo info = shares.get(i).info();
      assertEquals("Savings", info.name());
      assertEquals(first.id(), info.id());
      assertEquals(2, info.threshold());
      assertEquals(List.of("p1", "p2", "p3"), info.signers());
      assertEquals("p" + (i + 1), info.localParty());
      assertArrayEquals(first.publicKeyEcdsa(), info.publicKeyEcdsa());
      assertArrayEquals(first.publicKeyEddsa(), info.publicKeyEddsa());
      assertArrayEquals(first.chainCode(), info.chainCode());
      assertEquals(VaultKind.KEYSHARD, info.kind());
    }
    assertEquals(32, first.id().length());
    assertFalse(first.id().equals(other.shares().get(0).info().id()));
  }

  @Test
  void secretsRoundTrip() throws Exception {
    for (KeyshardVaultShare s : vault.shares()) {
      byte[] secrets = VaultShareCodec.encodeSecrets(s, InsecureSecretAccess.get());
      KeyshardVaultShare back = VaultShareCodec.decode(s.info(), secrets, InsecureSecretAccess.get());
      assertEquals(s.info(), back.info());
      assertEquals(s.self(), back.self());
      assertTrue(s.eddsa().signingShare().equalsSecret(back.eddsa().signingShare()));
      assertTrue(s.ecdsa().signingShare().equalsSecret(back.ecdsa().signingShare()));
      assertArrayEquals(VaultShareCodec.encodeSecrets(s, InsecureSecretAccess.get()),
          VaultShareCodec.encodeSecrets(back, InsecureSecretAccess.get()));
    }
  }

  @Test
  void mismatchedPartsAreRefused() throws Exception {
    KeyshardVaultShare p1 = vault.shares().get(0);
    KeyshardVaultShare p2 = vault.shares().get(1);
    // Another party's EdDSA share.
    assertThrows(IllegalArgumentException.class,
        () -> new KeyshardVaultShare(p1.info(), p1.ecdsa(), p2.eddsa()));
    // Another vault's EdDSA share, same party.
    assertThrows(IllegalArgumentException.class,
        () -> new KeyshardVaultShare(p1.info(), p1.ecdsa(), other.shares().get(0).eddsa()));
    // The description of another party.
    assertThrows(IllegalArgumentException.class,
        () -> new KeyshardVaultShare(p2.info(), p1.ecdsa(), p1.eddsa()));
    // Stored secrets under another vault's description.
    byte[] secrets = VaultShareCodec.encodeSecrets(p1, InsecureSecretAccess.get());
    assertThrows(InvalidEncodingException.class, () -> VaultShareCodec.decode(
        other.shares().get(0).info(), secrets, InsecureSecretAccess.get()));
    byte[] v2 = VaultSecretsProto.parseFrom(secrets).toBuilder().setVersion(2).build().toByteArray();
    assertThrows(InvalidEncodingException.class,
        () -> VaultShareCodec.decode(p1.info(), v2, InsecureSecretAccess.get()));
    assertThrows(InvalidEncodingException.class, () -> VaultShareCodec.decode(p1.info(),
        java.util.Arrays.copyOf(secrets, secrets.length / 2), InsecureSecretAccess.get()));
  }

  @Test
  void infoRejectsInconsistentFields() {
    VaultInfo i = vault.shares().get(0).info();
    assertThrows(IllegalArgumentException.class, () -> new VaultInfo(" ", 2, i.signers(),
        "p1", i.publicKeyEcdsa(), i.publicKeyEddsa(), i.chainCode(), CREATED, VaultKind.KEYSHARD));
    assertThrows(IllegalArgumentException.class, () -> new VaultInfo("x", 4, i.signers(),
        "p1", i.publicKeyEcdsa(), i.publicKeyEddsa(), i.chainCode(), CREATED, VaultKind.KEYSHARD));
    assertThrows(IllegalArgumentException.class, () -> new VaultInfo("x", 2, i.signers(),
        "p9", i.publicKeyEcdsa(), i.publicKeyEddsa(), i.chainCode(), CREATED, VaultKind.KEYSHARD));
    assertThrows(IllegalArgumentException.class, () -> new VaultInfo("x", 2,
        List.of("p1", "p1"), "p1", i.publicKeyEcdsa(), i.publicKeyEddsa(), i.chainCode(), CREATED,
        VaultKind.KEYSHARD));
    assertThrows(IllegalArgumentException.class, () -> new VaultInfo("x", 2, i.signers(),
        "p1", new byte[32], i.publicKeyEddsa(), i.chainCode(), CREATED, VaultKind.KEYSHARD));
  }

  @Test
  void toStringIsRedacted() {
    KeyshardVaultShare s = vault.shares().get(0);
    assertTrue(s.toString().contains("redacted"));
    assertTrue(s.toString().contains(s.info().id()));
  }
}
