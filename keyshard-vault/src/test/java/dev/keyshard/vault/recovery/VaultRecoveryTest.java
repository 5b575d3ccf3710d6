package dev.keyshard.vault.recovery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keyshard.crypto.group.Ed25519;
import dev.keyshard.crypto.secret.InsecureSecretAccess;
import dev.keyshard.vault.KeyshardVaultShare;
import dev.keyshard.vault.LocalVaultCreation;
import dev.keyshard.vault.vult.Fixtures;
import dev.keyshard.vault.vult.VultisigKeyShares;
import dev.keyshard.vault.vult.VultisigVaults;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.junit.jupiter.api.Test;

/**
 * Emergency recovery: the real Vultisig vaults give back keys whose public keys BouncyCastle
 * computes to the vaults' own, a Keyshard 2-of-3 vault recovers from each pair of shares, and
 * wrong combinations are refused with their reason.
 */
class VaultRecoveryTest {
  static final X9ECParameters SECP256K1 = CustomNamedCurves.getByName("secp256k1");

  /** priv·G by BouncyCastle, compressed: an independent check of the recovered ECDSA key. */
  static byte[] bcPublicKey(byte[] privateKeyBigEndian) {
    return SECP256K1.getG().multiply(new BigInteger(1, privateKeyBigEndian)).normalize()
        .getEncoded(true);
  }

  static RecoveredKeys recover(String tag) throws Exception {
    String[] files = tag.equals("cfa0")
        ? new String[] {"cfa0-share1of2.password.vult", "cfa0-share2of2.vult"}
        : new String[] {"44fd-share1of2-server.password.vult", "44fd-share2of2.password.vult"};
    return VaultRecovery.recover(List.of(VultisigVaults.recoveryInput(Fixtures.vault(files[0])),
        VultisigVaults.recoveryInput(Fixtures.vault(files[1]))));
  }

  @Test
  void realVultisigVaultsRecover() throws Exception {
    for (String tag : new String[] {"cfa0", "44fd"}) {
      var keys = Fixtures.expected(tag).getAsJsonObject("publicKeys");
      RecoveredKeys r = recover(tag);
      byte[] ecdsa = r.privateKeyEcdsa().toBytes(InsecureSecretAccess.get());
      assertEquals(keys.get("ecdsa").getAsString(), HexFormat.of().formatHex(bcPublicKey(ecdsa)));
      // The EdDSA result is a raw scalar a with A = a·B (no seed, no clamping).
      byte[] a = r.privateKeyEddsa().toBytes(InsecureSecretAccess.get());
      assertEquals(keys.get("eddsa").getAsString(), HexFormat.of().formatHex(
          Ed25519.INSTANCE.multiplyGenerator(Ed25519.INSTANCE.decodeScalar(a)).toBytes()));
      assertEquals(Fixtures.expected(tag).get("hexChainCode").getAsString(),
          HexFormat.of().formatHex(r.chainCode()));
    }
  }

  @Test
  void keyshardVaultRecoversFromAnyTwoShares() throws Exception {
    var vault = LocalVaultCreation.create("r", 2, 3, Instant.EPOCH, new SecureRandom());
    List<KeyshardVaultShare> s = vault.shares();
    int[][] pairs = {{0, 1}, {0, 2}, {1, 2}};
    byte[] expected = s.get(0).info().publicKeyEcdsa();
    for (int[] p : pairs) {
      RecoveredKeys r = VaultRecovery.recover(List.of(VaultRecovery.of(s.get(p[0])),
          VaultRecovery.of(s.get(p[1]))));
      assertArrayEquals(expected,
          bcPublicKey(r.privateKeyEcdsa().toBytes(InsecureSecretAccess.get())));
      assertArrayEquals(s.get(0).info().publicKeyEddsa(),
          r.privateKeyEddsa().publicPoint().toBytes());
    }
  }

  @Test
  void wrongCombinationsAreRefused() throws Exception {
    var cfa0 = VultisigVaults.recoveryInput(Fixtures.vault("cfa0-share2of2.vult"));
    var fd = VultisigVaults.recoveryInput(Fixtures.vault("44fd-share2of2.password.vult"));
    assertReason(RecoveryException.Reason.TOO_FEW_SHARES, List.of(cfa0));
    assertReason(RecoveryException.Reason.TOO_FEW_SHARES, List.of());
    assertReason(RecoveryException.Reason.DIFFERENT_VAULTS, List.of(cfa0, fd));
    var again = VultisigVaults.recoveryInput(Fixtures.vault("cfa0-share2of2.vult"));
    assertReason(RecoveryException.Reason.DUPLICATE_SHARE, List.of(cfa0, again));
  }

  @Test
  void aDamagedShareFailsItsSelfCheck() throws Exception {
    var v = Fixtures.vault("cfa0-share2of2.vult");
    byte[] dkls = java.util.Base64.getDecoder().decode(v.getKeyShares(0).getPublicKey()
        .equals(v.getPublicKeyEcdsa()) ? v.getKeyShares(0).getKeyshare()
        : v.getKeyShares(1).getKeyshare());
    dkls[150] ^= 1; // inside s_i
    RecoveryException e = assertThrows(RecoveryException.class, () -> VultisigKeyShares.dkls(dkls));
    assertEquals(RecoveryException.Reason.UNSUPPORTED, e.reason());
    dkls[150] ^= 1;
    dkls[3] = 2; // magic
    assertThrows(RecoveryException.class, () -> VultisigKeyShares.dkls(dkls));
  }

  private static void assertReason(RecoveryException.Reason reason, List<VaultRecovery.Input> in) {
    RecoveryException e = assertThrows(RecoveryException.class, () -> VaultRecovery.recover(in));
    assertEquals(reason, e.reason(), e.getMessage());
  }
}
