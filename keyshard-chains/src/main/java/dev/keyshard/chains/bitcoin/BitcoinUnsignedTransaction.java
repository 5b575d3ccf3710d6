package dev.keyshard.chains.bitcoin;

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
import fr.acinq.bitcoin.ByteVector;
import fr.acinq.bitcoin.ByteVector64;
import fr.acinq.bitcoin.OP_PUSHDATA;
import fr.acinq.bitcoin.Script;
import fr.acinq.bitcoin.ScriptWitness;
import fr.acinq.bitcoin.Transaction;
import fr.acinq.bitcoin.TxOut;
import java.util.HexFormat;
import java.util.List;

/**
 * A Bitcoin-family transaction with every input's pre-image computed and no signature yet.
 * Assembly puts each checked signature where its input type wants it: P2WPKH witness
 * [DER‖0x01, key] (BIP-141), P2TR key-path witness [64-byte signature] (BIP-341,
 * SIGHASH_DEFAULT), P2PKH scriptSig &lt;DER‖hashtype&gt; &lt;key&gt; with hashtype 0x01, or 0x41
 * (ALL|FORKID) on Bitcoin Cash.
 */
final class BitcoinUnsignedTransaction implements UnsignedTransaction {
  private final UtxoChain chain;
  private final TransactionIntent intent;
  private final VaultKeys keys;
  private final Transaction unsigned;
  private final List<VaultScript> spent;
  private final List<TxOut> spentOutputs;
  private final List<SigningRequest> requests;
  private final TransactionSummary summary;

  BitcoinUnsignedTransaction(UtxoChain chain, TransactionIntent intent, VaultKeys keys,
      Transaction unsigned, List<VaultScript> spent, List<TxOut> spentOutputs,
      List<SigningRequest> requests, TransactionSummary summary) {
    this.chain = chain;
    this.intent = intent;
    this.keys = keys;
    this.unsigned = unsigned;
    this.spent = List.copyOf(spent);
    this.spentOutputs = List.copyOf(spentOutputs);
    this.requests = List.copyOf(requests);
    this.summary = summary;
  }

  @Override
  public Chain chain() {
    return chain.chain();
  }

  @Override
  public TransactionIntent intent() {
    return intent;
  }

  @Override
  public TransactionSummary summary() {
    return summary;
  }

  @Override
  public List<SigningRequest> signingRequests() {
    return requests;
  }

  /** The transaction without signatures (bitcoin-kmp's model), e.g. for verifiers. */
  Transaction unsignedTransaction() {
    return unsigned;
  }

  /** The outputs the inputs spend, in input order (amount and script). */
  List<TxOut> spentOutputs() {
    return spentOutputs;
  }

  @Override
  public SignedTransaction assemble(List<ChainSignature> signatures)
      throws InvalidTransactionSignatureException {
    if (signatures.size() != requests.size()) {
      throw new IllegalArgumentException("need " + requests.size() + " signatures, got "
          + signatures.size());
    }
    Transaction tx = unsigned;
    for (int i = 0; i < requests.size(); i++) {
      SigningRequest request = requests.get(i);
      ChainSignature sig = signatures.get(i);
      try {
        SignatureCheck.verify(request, request.signingKey(keys), sig);
      } catch (InvalidTransactionSignatureException e) {
        throw new InvalidTransactionSignatureException("input " + i + ": " + e.getMessage());
      }
      VaultScript input = spent.get(i);
      ByteVector key = new ByteVector(input.childKey());
      switch (input.type()) {
        case P2WPKH -> tx = tx.updateWitness(i, new ScriptWitness(List.of(
            new ByteVector(der(sig, Sighashes.ALL)), key)));
        case P2TR -> tx = tx.updateWitness(i,
            new ScriptWitness(List.of(new ByteVector(sig.bytes()))));
        case P2PKH -> {
          int hashType = chain == UtxoChain.BITCOIN_CASH ? ForkIdSighash.ALL_FORKID : Sighashes.ALL;
          tx = tx.updateSigScript(i, Script.write(List.of(
              new OP_PUSHDATA(der(sig, hashType)), new OP_PUSHDATA(key))));
        }
        default -> throw new AssertionError(input.type());
      }
    }
    byte[] raw = Transaction.write(tx);
    return new SignedTransaction(chain.chain(), summary.from(), raw, HexFormat.of().formatHex(raw),
        tx.txid.toString());
  }

  /** DER encoding of r ‖ s followed by the sighash type byte (BIP-66 strict DER). */
  private static byte[] der(ChainSignature sig, int hashType) {
    return Transaction.encodeWitnessEcdsaSig(new ByteVector64(sig.bytes()), hashType);
  }
}
