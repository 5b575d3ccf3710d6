package dev.keyshard.chains.cosmos;

import dev.keyshard.chains.Chain;
import dev.keyshard.chains.tx.Amounts;
import dev.keyshard.chains.tx.ChainSignature;
import dev.keyshard.chains.tx.DisplayText;
import dev.keyshard.chains.tx.InvalidTransactionSignatureException;
import dev.keyshard.chains.tx.SignatureCheck;
import dev.keyshard.chains.tx.SignedTransaction;
import dev.keyshard.chains.tx.SigningRequest;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.TransactionSummary;
import dev.keyshard.chains.tx.UnsignedTransaction;
import dev.keyshard.chains.tx.VaultKeys;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A Cosmos SDK send waiting for its one ECDSA signature (the chain's child key) over
 * sha256(SignDoc). Assembly checks the signature with {@link SignatureCheck} first — including
 * low S, which the Cosmos SDK requires ("Reject malleable signatures", secp256k1 VerifySignature).
 */
public final class CosmosUnsignedTransaction implements UnsignedTransaction {
  private final TransactionIntent intent;
  private final VaultKeys keys;
  private final CosmosSend send;
  private final SigningRequest request;

  CosmosUnsignedTransaction(TransactionIntent intent, VaultKeys keys, CosmosSend send) {
    this.intent = intent;
    this.keys = keys;
    this.send = send;
    this.request = SigningRequest.ecdsa(send.network().chain().path(), send.signingHash());
  }

  @Override
  public Chain chain() {
    return send.network().chain();
  }

  @Override
  public TransactionIntent intent() {
    return intent;
  }

  /** The send's fields and encodings, as they are signed. */
  public CosmosSend send() {
    return send;
  }

  @Override
  public TransactionSummary summary() {
    CosmosNetwork n = send.network();
    String fee = Amounts.format(send.fee(), n.decimals(), n.unit());
    if (n.chainDeductsFee()) {
      fee += " in the transaction; " + n.chain().displayName() + " also deducts its native "
          + "network fee from the balance";
    }
    List<String> details = new ArrayList<>();
    details.add("memo " + (send.memo().isEmpty() ? "(none)" : "\"" + shown(send.memo()) + "\""));
    details.add("chain id " + send.chainId());
    details.add("account number " + send.accountNumber() + ", sequence " + send.sequence());
    details.add("gas limit " + send.gas());
    details.add(n.sendMessage().typeUrl() + " of " + send.amount() + " " + n.denom()
        + ", SIGN_MODE_DIRECT");
    dev.keyshard.chains.tx.FeeWarning.addIfAbove(details, send.fee(), send.amount());
    return new TransactionSummary(chain(), send.from().toString(), send.to().toString(),
        Amounts.format(send.amount(), n.decimals(), n.unit()), fee, details);
  }

  @Override
  public List<SigningRequest> signingRequests() {
    return List.of(request);
  }

  /**
   * TxRaw{body_bytes, auth_info_bytes, [r ‖ s]}: {@code encoded} is its base64 (the
   * {@code tx_bytes} of {@code POST /cosmos/tx/v1beta1/txs}), {@code txHash} the uppercase hex
   * sha256 of its bytes, as CometBFT and the explorers name transactions.
   *
   * @throws InvalidTransactionSignatureException when the signature does not verify under the
   *     vault's child key or is not low-S
   */
  @Override
  public SignedTransaction assemble(List<ChainSignature> signatures)
      throws InvalidTransactionSignatureException {
    ChainSignature sig = SignatureCheck.single(request, keys, signatures, "a Cosmos send");
    byte[] raw = send.txRaw(sig.bytes());
    return new SignedTransaction(chain(), send.from().toString(), raw,
        Base64.getEncoder().encodeToString(raw), txHash(raw));
  }

  /** The memo with quotes, backslashes and {@link DisplayText#unsafe} characters (controls,
   * bidirectional overrides, zero-width characters) escaped as backslash-u and 4 hex digits, so
   * it cannot fake lines of the summary or reorder what it says. */
  static String shown(String memo) {
    StringBuilder b = new StringBuilder();
    memo.codePoints().forEach(c -> {
      if (DisplayText.unsafe(c) || c == '"' || c == '\\') {
        b.append(String.format("\\u%04x", c));
      } else {
        b.appendCodePoint(c);
      }
    });
    return b.toString();
  }

  /** Uppercase hex sha256 of TxRaw's bytes. */
  static String txHash(byte[] raw) {
    return HexFormat.of().withUpperCase().formatHex(CosmosSend.sha256(raw));
  }
}
