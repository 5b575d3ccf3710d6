package dev.keyshard.chains.bitcoin;

import dev.keyshard.chains.Chain;
import dev.keyshard.chains.tx.SigningRequest;
import dev.keyshard.chains.tx.TransactionBuilder;
import dev.keyshard.chains.tx.TransactionException;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.TransactionSummary;
import dev.keyshard.chains.tx.UnsignedTransaction;
import dev.keyshard.chains.tx.VaultKeys;
import fr.acinq.bitcoin.OutPoint;
import fr.acinq.bitcoin.Satoshi;
import fr.acinq.bitcoin.Transaction;
import fr.acinq.bitcoin.TxId;
import fr.acinq.bitcoin.TxIn;
import fr.acinq.bitcoin.TxOut;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Transactions of the Bitcoin family — Bitcoin, Litecoin, Dogecoin, Bitcoin Cash — spending the
 * vault's own outputs: P2WPKH (BIP-141/143) and key-path P2TR (BIP-341/86) on Bitcoin and
 * Litecoin, P2PKH with the legacy sighash on Dogecoin and with SIGHASH_ALL|FORKID on Bitcoin
 * Cash. One ECDSA or TAPROOT signing request per input.
 *
 * <p>Intent fields:
 * <ul>
 *   <li>{@code to} — recipient address of the intent's network: P2PKH, P2SH, and on Bitcoin and
 *       Litecoin also P2WPKH, P2WSH, P2TR (bech32/bech32m); Bitcoin Cash also as CashAddr, with
 *       or without its prefix.
 *   <li>{@code amount} — in the usual unit ("0.015"), at least the dust limit of the recipient's
 *       output type ({@link UtxoChain#dust}).
 *   <li>{@code utxos} — list of {@code "TXID:VOUT:AMOUNT"} (amount in the usual unit, exact), or
 *       {@code "TXID:VOUT:AMOUNT:TYPE"} with TYPE p2wpkh/p2tr (p2pkh on DOGE/BCH) naming which of
 *       the vault's scripts the output pays. Largest first, as many as needed are spent.
 *   <li>{@code feeRate} — sat/vB (Bitcoin, Litecoin) or sat/byte (Dogecoin, Bitcoin Cash), up to
 *       3 decimals, times the estimated size rounded up ({@link SizeEstimator}); or
 *       {@code fee} — absolute, in the usual unit. Exactly one of them. On Dogecoin either must
 *       reach the relay floor of 100 koinu/byte (0.001 DOGE/kB, {@link UtxoChain#minFeeRate});
 *       its wallets pay 1000 (0.01 DOGE/kB).
 *   <li>{@code maxFee} — optional, usual unit: the fee may not exceed it. Without it a fee both
 *       above the amount and above {@link UtxoChain#feeCap} is refused as absurd.
 *   <li>{@code change} — optional change address; default the vault's own address of
 *       {@code addressType}. Change below the dust limit is left to the fee.
 *   <li>{@code rbf} — "true"/"false": nSequence 0xfffffffd (BIP-125 opt-in replace-by-fee) or
 *       0xffffffff. Default true on Bitcoin and Litecoin, false on Dogecoin; Bitcoin Cash has
 *       none.
 *   <li>{@code network} — mainnet (default), testnet or regtest.
 *   <li>{@code addressType} — Bitcoin and Litecoin: "p2wpkh" (default; the vault's address at
 *       m/84'/coin'/0'/0/0) or "p2tr" (BIP-86 at m/86'/coin'/0'/0/0); the default type of the
 *       utxos and of the change. Dogecoin and Bitcoin Cash: "p2pkh" only.
 *   <li>{@code prevTxs} — Dogecoin only, needed: the raw transactions (hex) of the spent
 *       outputs, one per txid, from which every device checks each spent amount and script
 *       ({@link PrevTxs}); entries for outputs not spent are ignored and not passed on.
 * </ul>
 * Any other field is an error, so a misspelt one is not silently ignored. A transaction over
 * the 100,000 vB (Dogecoin, Bitcoin Cash: bytes) that nodes relay is refused
 * before anything is signed. The transaction has
 * version 2 (Dogecoin: 1), lock time 0, the recipient's output first and change second.
 */
public final class BitcoinTransactionBuilder implements TransactionBuilder {
  private static final Set<String> FIELDS = Set.of("chain", "to", "amount", "utxos", "feeRate",
      "fee", "maxFee", "change", "rbf", "network", "addressType", PrevTxs.FIELD);
  private static final long SEQUENCE_RBF = 0xfffffffdL;
  private static final long SEQUENCE_FINAL = 0xffffffffL;
  /**
   * The largest transaction nodes relay: Bitcoin Core's policy MAX_STANDARD_TX_WEIGHT of 400,000
   * weight units (Litecoin Core and Dogecoin Core inherit it), Bitcoin Cash Node's
   * MAX_STANDARD_TX_SIZE of 100,000 bytes. A bigger one is valid in a block but no node passes it on.
   */
  static final long MAX_STANDARD_VSIZE = 100_000;

  @Override
  public Set<Chain> chains() {
    return Set.of(Chain.BITCOIN, Chain.LITECOIN, Chain.DOGECOIN, Chain.BITCOIN_CASH);
  }

  @Override
  public UnsignedTransaction build(TransactionIntent intent, VaultKeys keys)
      throws TransactionException {
    UtxoChain chain = UtxoChain.of(intent.chain());
    if (chain == null) {
      throw new TransactionException(intent.chain().displayName() + " is not a Bitcoin-family chain");
    }
    rejectUnknownFields(intent);
    UtxoNetwork network = UtxoNetwork.of(chain, intent.optionalString("network"));
    ScriptType spendType = spendType(intent, chain);
    Destination to = AddressDecoder.decode("to", intent.optionalString("to"), network);
    long amount = chain.baseUnits("amount", intent.string("amount"));
    if (amount < chain.dust(to.type())) {
      throw new TransactionException("'amount': " + chain.format(amount) + " is below the "
          + chain.format(chain.dust(to.type())) + " dust limit of a " + to.type().label()
          + " output on " + chain.chain().displayName());
    }
    List<Utxo> utxos = utxos(intent, chain, spendType);
    PrevTxs prevTxs = prevTxs(intent, chain);
    Fee fee = fee(intent, chain);
    Long maxFee = intent.has("maxFee") ? chain.baseUnits("maxFee", intent.string("maxFee")) : null;
    Destination change = intent.has("change")
        ? AddressDecoder.decode("change", intent.string("change"), network)
        : VaultScript.of(keys, network, spendType).destination();
    boolean rbf = rbf(intent, chain);

    CoinSelection.Result sel = CoinSelection.select(utxos, amount, to.scriptPubKey(),
        change.scriptPubKey(), chain.dust(change.type()), fee, chain);
    checkFee(chain, sel.fee(), sel.vsize(), amount, maxFee);
    checkRelayFloor(chain, sel.fee(), sel.vsize());
    checkStandardSize(chain, sel);

    Map<ScriptType, VaultScript> own = new EnumMap<>(ScriptType.class);
    List<VaultScript> spent = new ArrayList<>();
    List<TxOut> spentOutputs = new ArrayList<>();
    List<TxIn> inputs = new ArrayList<>();
    for (Utxo u : sel.inputs()) {
      VaultScript s = own.computeIfAbsent(u.type(), t -> VaultScript.of(keys, network, t));
      spent.add(s);
      spentOutputs.add(new TxOut(new Satoshi(u.amount()), s.scriptPubKey()));
      inputs.add(new TxIn(new OutPoint(new TxId(u.txid()), u.vout()), new byte[0],
          rbf ? SEQUENCE_RBF : SEQUENCE_FINAL));
    }
    if (prevTxs != null) {
      prevTxs.check(sel.inputs(), utxos, spent.stream().map(VaultScript::scriptPubKey).toList(),
          chain);
    }
    List<TxOut> outputs = new ArrayList<>();
    outputs.add(new TxOut(new Satoshi(amount), to.scriptPubKey()));
    if (sel.change() > 0) {
      outputs.add(new TxOut(new Satoshi(sel.change()), change.scriptPubKey()));
    }
    Transaction tx = new Transaction(chain.txVersion(), inputs, outputs, 0);

    List<SigningRequest> requests = new ArrayList<>();
    for (int i = 0; i < spent.size(); i++) {
      requests.add(request(chain, tx, i, spent.get(i), spentOutputs));
    }
    String from = VaultScript.of(keys, network, spendType).address();
    TransactionSummary summary = summary(chain, network, from, to, amount, fee, sel, change,
        isVaults(keys, network, change), rbf, spent);
    return new BitcoinUnsignedTransaction(chain, spentOnly(intent, sel, spendType, chain, prevTxs),
        keys, tx, spent, spentOutputs, requests, summary);
  }

  /**
   * Dogecoin's {@code prevTxs} ({@link PrevTxs}), which its intent must carry; null on the other
   * chains, whose signatures commit to the amounts spent, so the field is refused there.
   */
  private static PrevTxs prevTxs(TransactionIntent intent, UtxoChain chain)
      throws TransactionException {
    if (chain != UtxoChain.DOGECOIN) {
      if (intent.has(PrevTxs.FIELD)) {
        throw new TransactionException("'" + PrevTxs.FIELD + "' is for Dogecoin only: "
            + chain.chain().displayName() + " signatures cover the input amounts themselves");
      }
      return null;
    }
    return PrevTxs.parse(intent.list(PrevTxs.FIELD));
  }

  /**
   * The intent co-signers rebuild from, listing only the outputs this transaction spends: a vault
   * with thousands of unspent outputs (all of which a node lists) would otherwise not fit an
   * intent ({@link TransactionIntent#MAX_JSON_BYTES}). Largest-first selection over the spent
   * outputs alone picks them all again, in the same order, so the transaction is the same.
   * Dogecoin's {@code prevTxs} keep only the spent outputs' transactions, and the result must
   * still fit an intent.
   */
  private static TransactionIntent spentOnly(TransactionIntent intent, CoinSelection.Result sel,
      ScriptType spendType, UtxoChain chain, PrevTxs prevTxs) throws TransactionException {
    TransactionIntent out = intent;
    List<String> texts = intent.list("utxos");
    if (sel.inputs().size() != texts.size()) {
      Set<String> spentPoints = new HashSet<>();
      sel.inputs().forEach(u -> spentPoints.add(u.outPoint()));
      List<String> kept = new ArrayList<>();
      for (int i = 0; i < texts.size(); i++) {
        if (spentPoints.contains(Utxo.parse(texts.get(i), i, spendType, chain).outPoint())) {
          kept.add(texts.get(i));
        }
      }
      out = out.with("utxos", kept);
    }
    if (prevTxs != null) {
      Set<String> spentTxids = new HashSet<>();
      sel.inputs().forEach(u -> spentTxids.add(u.txid()));
      List<String> kept = prevTxs.only(spentTxids);
      if (!kept.equals(intent.list(PrevTxs.FIELD))) {
        out = out.with(PrevTxs.FIELD, kept);
      }
      int bytes = out.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      if (bytes > TransactionIntent.MAX_JSON_BYTES) {
        throw new TransactionException("'" + PrevTxs.FIELD + "': with the previous transactions "
            + "of its " + sel.inputs().size() + " inputs the request is " + bytes + " bytes, over "
            + "the " + TransactionIntent.MAX_JSON_BYTES + " co-signers accept: send less, or "
            + "spend fewer outputs at a time");
      }
    }
    return out;
  }

  private static SigningRequest request(UtxoChain chain, Transaction tx, int i, VaultScript input,
      List<TxOut> spentOutputs) {
    long amount = spentOutputs.get(i).amount.getSat();
    byte[] keyHashScript = Destination.script(ScriptType.P2PKH,
        fr.acinq.bitcoin.Crypto.hash160(input.childKey()));
    return switch (input.type()) {
      case P2WPKH -> SigningRequest.ecdsa(input.path(),
          Sighashes.segwitV0(tx, i, keyHashScript, amount, Sighashes.ALL));
      case P2TR -> SigningRequest.taproot(input.path(),
          Sighashes.taprootKeyPath(tx, i, spentOutputs, Sighashes.TAPROOT_DEFAULT));
      case P2PKH -> SigningRequest.ecdsa(input.path(), chain == UtxoChain.BITCOIN_CASH
          ? Sighashes.forkId(tx, i, input.scriptPubKey(), amount)
          : Sighashes.legacy(tx, i, input.scriptPubKey(), Sighashes.ALL));
      default -> throw new AssertionError(input.type());
    };
  }

  private static void rejectUnknownFields(TransactionIntent intent) throws TransactionException {
    String name = intent.firstFieldOutside(FIELDS);
    if (name != null) {
      throw new TransactionException("unknown field '" + name + "' for a Bitcoin-family "
          + "transaction (known: " + String.join(", ", new java.util.TreeSet<>(FIELDS)) + ")");
    }
  }

  private static ScriptType spendType(TransactionIntent intent, UtxoChain chain)
      throws TransactionException {
    String label = intent.optionalString("addressType");
    if (label == null) {
      return chain.defaultSpendType();
    }
    ScriptType t = ScriptType.fromLabel(label);
    boolean ok = t != null && t.spendable() && (t != ScriptType.P2PKH) == chain.segwit();
    if (!ok) {
      throw new TransactionException("'addressType' must be "
          + (chain.segwit() ? "p2wpkh or p2tr" : "p2pkh") + " on " + chain.chain().displayName()
          + ", got '" + label + "'");
    }
    return t;
  }

  private static List<Utxo> utxos(TransactionIntent intent, UtxoChain chain, ScriptType spendType)
      throws TransactionException {
    List<String> texts = intent.list("utxos");
    if (texts.isEmpty()) {
      throw new TransactionException("'utxos' is needed: the vault's unspent outputs to spend, as "
          + "TXID:VOUT:AMOUNT");
    }
    List<Utxo> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < texts.size(); i++) {
      Utxo u = Utxo.parse(texts.get(i), i, spendType, chain);
      if ((u.type() != ScriptType.P2PKH) != chain.segwit()) {
        throw new TransactionException("'utxos' entry " + (i + 1) + ": " + chain.chain()
            .displayName() + " vaults have no " + u.type().label() + " outputs");
      }
      if (!seen.add(u.outPoint())) {
        throw new TransactionException("'utxos' lists " + u.outPoint() + " twice");
      }
      out.add(u);
    }
    return out;
  }

  private static Fee fee(TransactionIntent intent, UtxoChain chain) throws TransactionException {
    boolean hasRate = intent.has("feeRate");
    boolean hasFee = intent.has("fee");
    if (hasRate == hasFee) {
      throw new TransactionException("give exactly one of 'feeRate' (" + chain.feeRateUnit()
          + ") and 'fee' (absolute, " + chain.unit() + ")");
    }
    if (hasFee) {
      String text = intent.string("fee");
      java.math.BigInteger v = dev.keyshard.chains.tx.Amounts.parseNonNegative("fee", text,
          UtxoChain.DECIMALS);
      if (v.compareTo(java.math.BigInteger.valueOf(chain.maxMoney())) > 0) {
        throw new TransactionException("'fee': " + text + " " + chain.unit() + " is more than can "
            + "exist");
      }
      return Fee.absolute(v.longValueExact());
    }
    String text = intent.string("feeRate");
    if (!text.matches("[0-9]{1,9}(\\.[0-9]{1,3})?") || new BigDecimal(text).signum() <= 0) {
      throw new TransactionException("'feeRate' must be a positive number of " + chain.feeRateUnit()
          + " with at most 3 decimals, like 12 or 2.5, got '" + text + "'");
    }
    BigDecimal rate = new BigDecimal(text);
    BigDecimal min = chain.minFeeRate();
    if (min != null && rate.compareTo(min) < 0) {
      throw new TransactionException("'feeRate': " + text + " " + chain.feeRateUnit() + " is below "
          + chain.chain().displayName() + "'s minimum relay fee of " + min.toPlainString() + " "
          + chain.feeRateUnit() + " (" + chain.format(min.longValueExact() * 1000) + "/kB); its "
          + "wallets pay " + chain.recommendedFeeRate().toPlainString() + " " + chain.feeRateUnit()
          + " (" + chain.format(chain.recommendedFeeRate().longValueExact() * 1000) + "/kB)");
    }
    return Fee.rate(rate);
  }

  private static boolean rbf(TransactionIntent intent, UtxoChain chain) throws TransactionException {
    String text = intent.optionalString("rbf");
    boolean rbf;
    if (text == null) {
      rbf = chain.defaultRbf();
    } else if (text.equals("true") || text.equals("false")) {
      rbf = text.equals("true");
    } else {
      throw new TransactionException("'rbf' must be \"true\" or \"false\", got '" + text + "'");
    }
    if (rbf && !chain.rbfAllowed()) {
      throw new TransactionException("'rbf': " + chain.chain().displayName()
          + " has no replace-by-fee");
    }
    return rbf;
  }

  /**
   * Without {@code maxFee}, refuses a fee above both the amount and {@link UtxoChain#feeCap}, and
   * a fee rate above {@link UtxoChain#maxFeeRate} (whoever set it: the user or the node's
   * estimate), as Bitcoin Core's sendrawtransaction does; with it, only a fee above it.
   */
  private static void checkFee(UtxoChain chain, long fee, long size, long amount, Long maxFee)
      throws TransactionException {
    if (maxFee != null) {
      if (fee > maxFee) {
        throw new TransactionException("the fee " + chain.format(fee) + " is above 'maxFee' "
            + chain.format(maxFee));
      }
      return;
    }
    BigDecimal highest = chain.maxFeeRate().multiply(BigDecimal.valueOf(size));
    if (BigDecimal.valueOf(fee).compareTo(highest) > 0) {
      throw new TransactionException("the fee " + chain.format(fee) + " for ~" + size + " bytes is "
          + "above " + chain.maxFeeRate().toPlainString() + " " + chain.feeRateUnit()
          + ": refused as absurd (set 'maxFee' to allow it)");
    }
    if (fee > amount && fee > chain.feeCap()) {
      throw new TransactionException("the fee " + chain.format(fee) + " is more than the amount "
          + "sent and more than " + chain.format(chain.feeCap()) + ": refused as absurd (set "
          + "'maxFee' to allow it)");
    }
  }

  /** An absolute fee too must reach the chain's relay floor, or no node would pass it on. */
  private static void checkRelayFloor(UtxoChain chain, long fee, long size)
      throws TransactionException {
    BigDecimal min = chain.minFeeRate();
    if (min != null && BigDecimal.valueOf(fee).compareTo(min.multiply(BigDecimal.valueOf(size))) < 0) {
      throw new TransactionException("'fee': " + chain.format(fee) + " for ~" + size + " bytes is "
          + "below " + chain.chain().displayName() + "'s minimum relay fee of "
          + min.toPlainString() + " " + chain.feeRateUnit() + " ("
          + chain.format(min.multiply(BigDecimal.valueOf(size)).longValueExact()) + ")");
    }
  }

  /**
   * Refuses, before anything is signed, a transaction nodes would not relay. The estimate is an
   * upper bound (largest signatures), and largest-first selection already spends the fewest
   * outputs that cover the amount, so no other choice of the given utxos would fit.
   */
  private static void checkStandardSize(UtxoChain chain, CoinSelection.Result sel)
      throws TransactionException {
    if (sel.vsize() > MAX_STANDARD_VSIZE) {
      String unit = chain.segwit() ? " vB" : " bytes";
      throw new TransactionException("the transaction would be ~" + sel.vsize() + unit
          + " with " + sel.inputs().size() + " inputs, over the standard limit of "
          + MAX_STANDARD_VSIZE + unit + " (" + 4 * MAX_STANDARD_VSIZE + " weight units) that "
          + "nodes relay: send less, or first consolidate 'utxos' in smaller spends to the vault");
    }
  }

  /** True when the script is one of the vault's own on this network (where change belongs). */
  private static boolean isVaults(VaultKeys keys, UtxoNetwork network, Destination d) {
    for (ScriptType t : network.chain().segwit() ? List.of(ScriptType.P2WPKH, ScriptType.P2TR)
        : List.of(ScriptType.P2PKH)) {
      if (java.util.Arrays.equals(VaultScript.of(keys, network, t).scriptPubKey(), d.scriptPubKey())) {
        return true;
      }
    }
    return false;
  }

  private static TransactionSummary summary(UtxoChain chain, UtxoNetwork network, String from,
      Destination to, long amount, Fee fee, CoinSelection.Result sel, Destination change,
      boolean changeIsVaults, boolean rbf, List<VaultScript> spent) {
    String size = sel.vsize() + (chain.segwit() ? " vB" : " bytes");
    String rate = BigDecimal.valueOf(sel.fee()).divide(BigDecimal.valueOf(sel.vsize()), 1,
        RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " " + chain.feeRateUnit();
    String feeText = chain.format(sel.fee()) + " (" + (fee.rate() == null ? "absolute, " : "")
        + rate + ", ~" + size + ")";
    List<String> details = new ArrayList<>();
    Set<ScriptType> types = new java.util.TreeSet<>();
    spent.forEach(s -> types.add(s.type()));
    details.add("inputs: " + sel.inputs().size() + " (" + String.join(", ",
        types.stream().map(ScriptType::label).toList()) + ")");
    if (sel.change() > 0) {
      // Change the intent sends elsewhere is a second payment: the user must see that.
      details.add("change " + chain.format(sel.change()) + " to " + change.address()
          + (changeIsVaults ? "" : " — NOT an address of this vault"));
    } else {
      details.add("no change" + (sel.dustToFee() > 0
          ? " (" + chain.format(sel.dustToFee()) + " below the dust limit added to the fee)" : ""));
    }
    if (chain == UtxoChain.DOGECOIN) {
      // The legacy sighash commits to no input amount: this device read them itself.
      details.add("input amounts checked against their previous transactions (Dogecoin's "
          + "signature does not cover them)");
    }
    details.add("replace-by-fee " + (rbf ? "on" : "off"));
    details.add("network " + network.name());
    dev.keyshard.chains.tx.FeeWarning.addIfAbove(details, java.math.BigInteger.valueOf(sel.fee()),
        java.math.BigInteger.valueOf(amount));
    return new TransactionSummary(chain.chain(), from, to.address(), chain.format(amount), feeText,
        details);
  }
}
