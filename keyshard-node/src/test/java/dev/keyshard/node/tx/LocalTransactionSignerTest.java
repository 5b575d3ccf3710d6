package dev.keyshard.node.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.chains.tx.ChainSignature;
import dev.keyshard.chains.tx.InvalidTransactionSignatureException;
import dev.keyshard.chains.tx.SignatureCheck;
import dev.keyshard.chains.tx.SigningRequest;
import dev.keyshard.chains.tx.VaultKeys;
import dev.keyshard.vault.KeyshardVaultShare;
import dev.keyshard.vault.LocalVaultCreation;
import dev.keyshard.vault.hd.DerivationPath;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A 2-of-3 vault made by the real DKGs signs ECDSA, TAPROOT and ED25519 requests locally; every
 * signature is checked by BouncyCastle ({@link SignatureCheck}) under the key the chain layer
 * derives, and a tampered copy is rejected.
 */
class LocalTransactionSignerTest {
  static List<KeyshardVaultShare> vault;
  static List<KeyshardVaultShare> other;
  static final SecureRandom RNG = seeded(7);

  @BeforeAll
  static void vaults() throws Exception {
    vault = LocalVaultCreation.create("tx-test", 2, 3, Instant.EPOCH, RNG).shares();
    other = LocalVaultCreation.create("other", 2, 3, Instant.EPOCH, RNG).shares();
  }

  static SecureRandom seeded(long seed) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(seed);
      return r;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] sha256(String s) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
  }

  static List<SigningRequest> mixedRequests() throws Exception {
    return List.of(
        SigningRequest.ecdsa(DerivationPath.parse("m/44'/60'/0'/0/0"), sha256("evm")),
        SigningRequest.taproot(DerivationPath.parse("m/86'/0'/0'/0/0"), sha256("tr0")),
        SigningRequest.ecdsa(DerivationPath.parse("m/84'/0'/0'/0/1"), sha256("btc")),
        SigningRequest.taproot(DerivationPath.parse("m/86'/0'/0'/0/7"), sha256("tr1")),
        SigningRequest.ed25519("solana message".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void allThreeSchemesVerifyUnderTheDerivedKeys() throws Exception {
    List<SigningRequest> requests = mixedRequests();
    List<ChainSignature> sigs = LocalTransactionSigner.sign(requests,
        List.of(vault.get(0), vault.get(2)), RNG);
    assertEquals(requests.size(), sigs.size());
    VaultKeys keys = VaultKeys.of(vault.get(0).info());
    for (int i = 0; i < sigs.size(); i++) {
      SigningRequest r = requests.get(i);
      SignatureCheck.verify(r, r.signingKey(keys), sigs.get(i));
      byte[] bad = sigs.get(i).bytes();
      bad[63] ^= 1;
      ChainSignature tampered = new ChainSignature(bad, sigs.get(i).recoveryId());
      assertThrows(InvalidTransactionSignatureException.class,
          () -> SignatureCheck.verify(r, r.signingKey(keys), tampered), "tampered " + r);
    }
    assertTrue(sigs.get(0).recoveryId() >= 0 && sigs.get(4).recoveryId() == -1);
  }

  @Test
  void fewerThanTSharesIsAClearError() throws Exception {
    TransactionSigningException e = assertThrows(TransactionSigningException.class,
        () -> LocalTransactionSigner.sign(mixedRequests(), List.of(vault.get(1)), RNG));
    assertTrue(e.getMessage().contains("needs 2 shares"), e.getMessage());
  }

  @Test
  void sharesOfTwoVaultsAreRefused() throws Exception {
    TransactionSigningException e = assertThrows(TransactionSigningException.class,
        () -> LocalTransactionSigner.sign(mixedRequests(), List.of(vault.get(0), other.get(1)), RNG));
    assertTrue(e.getMessage().contains("different vaults"), e.getMessage());
  }

  @Test
  void theSameShareTwiceIsRefused() throws Exception {
    TransactionSigningException e = assertThrows(TransactionSigningException.class,
        () -> LocalTransactionSigner.sign(mixedRequests(), List.of(vault.get(0), vault.get(0)), RNG));
    assertTrue(e.getMessage().contains("counts once"), e.getMessage());
  }
}
