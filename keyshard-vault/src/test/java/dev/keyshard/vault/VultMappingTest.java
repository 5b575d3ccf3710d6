package dev.keyshard.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.crypto.group.InvalidEncodingException;
import dev.keyshard.crypto.secret.InsecureSecretAccess;
import dev.keyshard.vault.vult.proto.LibType;
import dev.keyshard.vault.vult.proto.Vault;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link VultMapping}: a Keyshard vault share in Vultisig's {@code Vault} message and back. */
class VultMappingTest {
  static LocalVaultCreation.Result vault;

  @BeforeAll
  static void create() throws Exception {
    vault = LocalVaultCreation.create("Export me", 2, 3, KeyshardVaultShareTest.CREATED,
        KeyshardVaultShareTest.seeded("vult"));
  }

  @Test
  void layoutIsVultisigs() {
    KeyshardVaultShare s = vault.shares().get(1);
    Vault v = VultMapping.toVault(s, InsecureSecretAccess.get());
    HexFormat hex = HexFormat.of();
    assertEquals("Export me", v.getName());
    assertEquals(hex.formatHex(s.info().publicKeyEcdsa()), v.getPublicKeyEcdsa());
    assertEquals(66, v.getPublicKeyEcdsa().length());
    assertEquals(hex.formatHex(s.info().publicKeyEddsa()), v.getPublicKeyEddsa());
    assertEquals(hex.formatHex(s.info().chainCode()), v.getHexChainCode());
    assertEquals(java.util.List.of("p1", "p2", "p3"), v.getSignersList());
    assertEquals("p2", v.getLocalPartyId());
    assertEquals(LibType.LIB_TYPE_KEYSHARD, v.getLibType());
    assertEquals(2, v.getKeySharesCount());
    assertEquals(KeyshardVaultShareTest.CREATED.getEpochSecond(), v.getCreatedAt().getSeconds());
  }

  @Test
  void roundTrips() throws Exception {
    for (KeyshardVaultShare s : vault.shares()) {
      Vault v = VultMapping.toVault(s, InsecureSecretAccess.get());
      KeyshardVaultShare back = VultMapping.fromVault(
          Vault.parseFrom(v.toByteArray()), InsecureSecretAccess.get());
      assertEquals(s.info(), back.info());
      assertTrue(s.ecdsa().signingShare().equalsSecret(back.ecdsa().signingShare()));
      assertTrue(s.eddsa().signingShare().equalsSecret(back.eddsa().signingShare()));
    }
  }

  @Test
  void foreignOrInconsistentVaultsAreRefused() {
    Vault v = VultMapping.toVault(vault.shares().get(0), InsecureSecretAccess.get());
    Vault dkls = v.toBuilder().setLibType(LibType.LIB_TYPE_DKLS).build();
    Vault renamedParty = v.toBuilder().setLocalPartyId("p2").build();
    Vault noShares = v.toBuilder().clearKeyShares().build();
    Vault otherChainCode = v.toBuilder().setHexChainCode("00".repeat(32)).build();
    Vault badBase64 = v.toBuilder().setKeyShares(0,
        v.getKeyShares(0).toBuilder().setKeyshare("***")).build();
    for (Vault bad : new Vault[] {dkls, renamedParty, noShares, otherChainCode, badBase64}) {
      assertThrows(InvalidEncodingException.class,
          () -> VultMapping.fromVault(bad, InsecureSecretAccess.get()));
    }
  }
}
