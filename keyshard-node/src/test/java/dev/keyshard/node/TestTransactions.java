package dev.keyshard.node;

import dev.keyshard.chains.Chain;
import dev.keyshard.chains.tx.ChainSignature;
import dev.keyshard.chains.tx.InvalidTransactionSignatureException;
import dev.keyshard.chains.tx.SignatureCheck;
import dev.keyshard.chains.tx.SignedTransaction;
import dev.keyshard.chains.tx.SigningRequest;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.TransactionSummary;
import dev.keyshard.chains.tx.UnsignedTransaction;
import dev.keyshard.chains.tx.VaultKeys;
import dev.keyshard.vault.hd.DerivationPath;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * A test-only chain family: its "transaction" needs two ECDSA and one TAPROOT signature over
 * hashes of the intent (and of a salt, so a lying device can build another one). Test code.
 */
final class TestTransactions {
  private TestTransactions() {}

  static TransactionFactory factory(String salt) {
    return (intent, keys) -> new Tx(intent, keys, salt);
  }

  record Tx(TransactionIntent intent, VaultKeys keys, String salt) implements UnsignedTransaction {
    @Override
    public Chain chain() {
      return Chain.BITCOIN;
    }

    @Override
    public TransactionSummary summary() {
      return new TransactionSummary(Chain.BITCOIN, "test-from", "test-to", "1 TEST", "0 TEST",
          List.of("intent " + HexFormat.of().formatHex(intent.digest(), 0, 4)));
    }

    @Override
    public List<SigningRequest> signingRequests() {
      return List.of(
          SigningRequest.ecdsa(DerivationPath.parse("m/84'/0'/0'/0/0"), hash(0)),
          SigningRequest.taproot(DerivationPath.parse("m/86'/0'/0'/0/0"), hash(1)),
          SigningRequest.ecdsa(DerivationPath.parse("m/44'/60'/0'/0/0"), hash(2)));
    }

    private byte[] hash(int index) {
      try {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        d.update((salt + "/" + index + "/").getBytes(StandardCharsets.UTF_8));
        return d.digest(intent.toJson().getBytes(StandardCharsets.UTF_8));
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public SignedTransaction assemble(List<ChainSignature> signatures)
        throws InvalidTransactionSignatureException {
      List<SigningRequest> requests = signingRequests();
      for (int i = 0; i < requests.size(); i++) {
        SignatureCheck.verify(requests.get(i), requests.get(i).signingKey(keys), signatures.get(i));
      }
      return new SignedTransaction(Chain.BITCOIN, "test-from", new byte[] {1}, "01", "00");
    }
  }
}
