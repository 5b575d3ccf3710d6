package dev.keyshard.chains.evm;

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
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;

/**
 * An EVM transaction waiting for its one ECDSA signature (key m/44'/60'/0'/0/0) over
 * {@link EvmTransaction#signingHash()}. Assembly checks the signature and its recovery id first:
 * EVM nodes recover the sender from (r, s, yParity), so a wrong one would not be rejected but
 * would spend from some other account.
 */
public final class EvmUnsignedTransaction implements UnsignedTransaction {
  private final Chain chain;
  private final TransactionIntent intent;
  private final VaultKeys keys;
  private final EvmAddress from;
  private final EvmTransaction tx;
  private final TransactionSummary summary;
  private final SigningRequest request;

  EvmUnsignedTransaction(Chain chain, TransactionIntent intent, VaultKeys keys, EvmAddress from,
      EvmTransaction tx, TransactionSummary summary) {
    this.chain = chain;
    this.intent = intent;
    this.keys = keys;
    this.from = from;
    this.tx = tx;
    this.summary = summary;
    this.request = SigningRequest.ecdsa(chain.path(), tx.signingHash());
  }

  @Override
  public Chain chain() {
    return chain;
  }

  @Override
  public TransactionIntent intent() {
    return intent;
  }

  @Override
  public TransactionSummary summary() {
    return summary;
  }

  /** The transaction's fields, as they are signed. */
  public EvmTransaction transaction() {
    return tx;
  }

  public EvmAddress from() {
    return from;
  }

  @Override
  public List<SigningRequest> signingRequests() {
    return List.of(request);
  }

  /**
   * The raw transaction ("0x…" hex) and its hash keccak256(raw), as {@code eth_sendRawTransaction}
   * returns it.
   *
   * @throws InvalidTransactionSignatureException when the signature does not verify under the
   *     vault's key, is not low-S, or its recovery id is not 0 or 1 (2 and 3 cannot be encoded)
   */
  @Override
  public SignedTransaction assemble(List<ChainSignature> signatures)
      throws InvalidTransactionSignatureException {
    ChainSignature sig = SignatureCheck.single(request, keys, signatures, "an EVM transaction");
    if (sig.recoveryId() > 1) {
      throw new InvalidTransactionSignatureException("recovery id " + sig.recoveryId()
          + " (r ≥ n) cannot be encoded in an EVM transaction");
    }
    byte[] raw = tx.signedEncoding(sig.recoveryId(), new BigInteger(1, sig.r()),
        new BigInteger(1, sig.s()));
    HexFormat hex = HexFormat.of();
    return new SignedTransaction(chain, from.toString(), raw, "0x" + hex.formatHex(raw),
        "0x" + hex.formatHex(Keccak.keccak256(raw)));
  }
}
