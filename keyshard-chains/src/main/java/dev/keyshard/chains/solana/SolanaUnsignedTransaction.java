package dev.keyshard.chains.solana;

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
import fr.acinq.bitcoin.Base58;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.List;

/**
 * A Solana transfer waiting for its one Ed25519 signature, by the vault's root EdDSA key over the
 * message bytes. Immutable.
 */
public final class SolanaUnsignedTransaction implements UnsignedTransaction {
  private final TransactionIntent intent;
  private final VaultKeys keys;
  private final SolanaTransfer transfer;
  private final byte[] message;
  private final TransactionSummary summary;
  private final SigningRequest request;

  SolanaUnsignedTransaction(TransactionIntent intent, VaultKeys keys, SolanaTransfer transfer,
      TransactionSummary summary) {
    this.intent = intent;
    this.keys = keys;
    this.transfer = transfer;
    this.message = transfer.messageBytes();
    this.summary = summary;
    this.request = SigningRequest.ed25519(message);
  }

  @Override
  public Chain chain() {
    return Chain.SOLANA;
  }

  @Override
  public TransactionIntent intent() {
    return intent;
  }

  @Override
  public TransactionSummary summary() {
    return summary;
  }

  /** The legacy message bytes, as signed. */
  public byte[] message() {
    return message.clone();
  }

  @Override
  public List<SigningRequest> signingRequests() {
    return List.of(request);
  }

  /**
   * The wire transaction: compact-u16 signature count (1) ‖ the 64-byte signature ‖ the message.
   * {@code encoded} is its base64 (what {@code sendTransaction} takes with encoding base64) and
   * {@code txHash} the base58 signature, which is the transaction's id on Solana.
   *
   * @throws InvalidTransactionSignatureException when the signature does not verify under the
   *     vault's Ed25519 key
   */
  @Override
  public SignedTransaction assemble(List<ChainSignature> signatures)
      throws InvalidTransactionSignatureException {
    ChainSignature sig = SignatureCheck.single(request, keys, signatures, "a Solana transfer");
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 + 64 + message.length);
    ShortVec.write(out, 1);
    out.writeBytes(sig.bytes());
    out.writeBytes(message);
    byte[] raw = out.toByteArray();
    return new SignedTransaction(Chain.SOLANA, transfer.payer().toString(), raw,
        Base64.getEncoder().encodeToString(raw), Base58.encode(sig.bytes()));
  }
}
