package dev.keyshard.chains.solana;

import dev.keyshard.chains.Chain;
import dev.keyshard.chains.tx.Amounts;
import dev.keyshard.chains.tx.TransactionBuilder;
import dev.keyshard.chains.tx.TransactionException;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.UnsignedTransaction;
import dev.keyshard.chains.tx.VaultKeys;
import java.math.BigInteger;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds SOL transfers (System Program {@code Transfer}) from the vault's Solana address, its
 * root Ed25519 key, in a legacy message ({@link SolanaTransfer}). The builder reads nothing from
 * the network: {@link SolanaRpc#complete} fills in the recent blockhash first, so every co-signer
 * builds the same message from the same intent.
 *
 * <p>Intent fields (all strings):
 * <ul>
 *   <li>{@code to} — the recipient, base58 of 32 bytes. The vault's own address is allowed (the
 *       fee is all it costs); the System and Compute Budget programs are refused (the message
 *       already calls them, and lamports sent there are lost).
 *   <li>{@code amount} — exact SOL with up to 9 decimals ("0.25"; a lamport is "0.000000001").
 *       More than zero: a zero transfer moves nothing and still pays the fee. Note that the
 *       runtime refuses to create a recipient account holding less than the rent-exempt minimum
 *       (890880 lamports for an empty account).
 *   <li>{@code recentBlockhash} — a recent blockhash of the cluster, base58 of 32 bytes
 *       (required). It also picks the cluster: a mainnet blockhash is unknown on devnet. It
 *       expires after 150 blocks (about a minute): sign and broadcast promptly, or complete the
 *       intent again with a fresh one (the node then answers "Blockhash not found").
 *   <li>{@code priorityFee} — optional priority fee in micro-lamports per compute unit (a whole
 *       number, at least 1): adds a Compute Budget SetComputeUnitPrice instruction.
 *   <li>{@code computeUnits} — optional compute-unit limit (1..1400000), only with
 *       {@code priorityFee}: adds SetComputeUnitLimit, which makes the fee exact. Too low a
 *       limit fails the transfer on chain, and the fee is still paid.
 * </ul>
 * Unknown fields are refused, so a misspelt fee is never silently dropped.
 *
 * <p>Fee (Solana "Fees" docs): 5000 lamports per signature, plus the priority fee
 * ⌈price × limit / 10^6⌉ lamports. Without {@code computeUnits} the runtime's default limit
 * applies; the summary then shows the fee for 200000 units (the default for one instruction,
 * an upper bound) as "at most".
 */
public final class SolanaTransferBuilder implements TransactionBuilder {
  static final Set<String> FIELDS = Set.of("chain", "to", "amount", "recentBlockhash",
      "priorityFee", "computeUnits");
  /** SOL has 9 decimals: 1 SOL = 10^9 lamports. */
  public static final int DECIMALS = 9;
  /** The base fee per signature, in lamports. */
  public static final BigInteger LAMPORTS_PER_SIGNATURE = BigInteger.valueOf(5000);
  /** The runtime's default compute-unit limit per (non Compute Budget) instruction. */
  static final int DEFAULT_COMPUTE_UNIT_LIMIT = 200_000;
  /**
   * The smallest limit accepted: what the three instructions use (Agave charges each builtin
   * instruction 150 compute units; LiteSVM measures 450). A lower one would fail on chain after
   * the fee is paid.
   */
  static final int MIN_COMPUTE_UNIT_LIMIT = 450;
  /** The largest compute-unit limit a transaction may ask for (MAX_COMPUTE_UNIT_LIMIT). */
  static final int MAX_COMPUTE_UNIT_LIMIT = 1_400_000;
  private static final BigInteger MICRO_LAMPORTS_PER_LAMPORT = BigInteger.valueOf(1_000_000);

  @Override
  public Set<Chain> chains() {
    return Set.of(Chain.SOLANA);
  }

  @Override
  public UnsignedTransaction build(TransactionIntent intent, VaultKeys keys)
      throws TransactionException {
    if (intent.chain() != Chain.SOLANA) {
      throw new TransactionException(intent.chain().displayName() + " is not Solana");
    }
    refuseUnknownFields(intent);
    SolanaAddress from = SolanaAddress.ofVault(keys);
    SolanaAddress to = SolanaAddress.parse("to", intent.string("to"));
    if (to.equals(SolanaAddress.SYSTEM_PROGRAM) || to.equals(SolanaAddress.COMPUTE_BUDGET_PROGRAM)) {
      throw new TransactionException("'to' is the " + (to.equals(SolanaAddress.SYSTEM_PROGRAM)
          ? "System" : "Compute Budget") + " program, not an account to send SOL to");
    }
    BigInteger lamports = Amounts.parse("amount", intent.string("amount"), DECIMALS);
    if (lamports.bitLength() > 64) {
      throw new TransactionException("'amount' is more lamports than fit in 64 bits");
    }
    if (!intent.has("recentBlockhash")) {
      throw new TransactionException("'recentBlockhash' is needed: a recent blockhash of the "
          + "cluster (give it, or let the node fill it in with --rpc)");
    }
    byte[] blockhash = SolanaAddress.decode32("recentBlockhash", intent.string("recentBlockhash"),
        "a blockhash");

    BigInteger price = intent.optionalUnsigned("priorityFee");
    if (price != null && (price.signum() == 0 || price.bitLength() > 64)) {
      throw new TransactionException("'priorityFee' must be 1..2^64-1 micro-lamports per compute "
          + "unit (leave it out for no priority fee), got " + price);
    }
    BigInteger units = intent.optionalUnsigned("computeUnits");
    if (units != null && price == null) {
      throw new TransactionException("'computeUnits' is the limit a priority fee is paid on: "
          + "give 'priorityFee' too, or leave it out");
    }
    if (units != null && (units.compareTo(BigInteger.valueOf(MIN_COMPUTE_UNIT_LIMIT)) < 0
        || units.compareTo(BigInteger.valueOf(MAX_COMPUTE_UNIT_LIMIT)) > 0)) {
      throw new TransactionException("'computeUnits' must be " + MIN_COMPUTE_UNIT_LIMIT + ".."
          + MAX_COMPUTE_UNIT_LIMIT + " (the transfer itself uses " + MIN_COMPUTE_UNIT_LIMIT
          + "), got " + units);
    }
    Integer limit = units == null ? null : units.intValueExact();
    SolanaTransfer transfer = new SolanaTransfer(from, to, lamports, blockhash, price, limit);
    return new SolanaUnsignedTransaction(intent, keys, transfer, SolanaSummaries.of(transfer));
  }

  /**
   * The fee in lamports: the signature fee and ⌈price × limit / 10^6⌉, with the default limit
   * when the transfer sets none.
   */
  static BigInteger fee(SolanaTransfer t) {
    BigInteger fee = LAMPORTS_PER_SIGNATURE;
    if (t.microLamportsPerUnit() != null) {
      int limit = t.computeUnitLimit() == null ? DEFAULT_COMPUTE_UNIT_LIMIT : t.computeUnitLimit();
      BigInteger micro = t.microLamportsPerUnit().multiply(BigInteger.valueOf(limit));
      fee = fee.add(micro.add(MICRO_LAMPORTS_PER_LAMPORT).subtract(BigInteger.ONE)
          .divide(MICRO_LAMPORTS_PER_LAMPORT));
    }
    return fee;
  }

  private static void refuseUnknownFields(TransactionIntent intent) throws TransactionException {
    String name = intent.firstFieldOutside(FIELDS);
    if (name != null) {
      throw new TransactionException("'" + name + "' is not a Solana transfer field (known: "
          + String.join(", ", new TreeSet<>(FIELDS)) + ")");
    }
  }
}
