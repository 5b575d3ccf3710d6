package dev.keyshard.chains.evm;

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
 * Builds native-coin and ERC-20 transfers on Ethereum and the EVM chains ({@link EvmChains}),
 * from the vault's address at m/44'/60'/0'/0/0 (the same on every EVM chain). The builder reads
 * nothing from the network: {@link EvmRpc#complete} fills in nonce, fees and gas from a node
 * first, so every co-signer builds the same transaction from the same intent.
 *
 * <p>Intent fields (all strings):
 * <ul>
 *   <li>{@code to} — the recipient, 0x + 40 hex digits; mixed case must be the EIP-55 checksum.
 *       The zero address is refused (what is sent there is burnt; OpenZeppelin's ERC-20 refuses
 *       it too).
 *   <li>{@code amount} — exact decimal in the coin's unit (18 decimals: "1.5" ETH), or for a
 *       token in the token's unit with {@code decimals} decimals. More than zero.
 *   <li>{@code nonce} — the sender's transaction count (required; below 2^64 − 1, EIP-2681).
 *   <li>{@code chainId} — optional EIP-155 chain id; default: the chain's mainnet (Ethereum 1,
 *       BSC 56, Avalanche 43114, Polygon 137, Arbitrum 42161, Optimism 10, Base 8453). Any
 *       chain id 1..2^64−1 is accepted (e.g. 31337 for a local anvil); the coin symbol stays
 *       the chain's.
 *   <li>{@code type} — "eip1559" (default) or "legacy" (EIP-155).
 *   <li>{@code maxFeePerGas}, {@code maxPriorityFeePerGas} — EIP-1559 fees in gwei, exact
 *       decimals (up to 9: "0.000000001" is one wei); the priority fee may be 0 but not above
 *       the max fee. Only with type eip1559.
 *   <li>{@code gasPrice} — legacy gas price in gwei, exact decimals. Only with type legacy.
 *   <li>{@code gasLimit} — gas units; default 21000 for a coin transfer, required for a token
 *       transfer ({@link EvmRpc#complete} asks the node's {@code eth_estimateGas}).
 *   <li>{@code token} — an ERC-20 contract: the transaction then calls
 *       {@code transfer(to, amount)} on it with value 0; needs {@code decimals} (0..77, the
 *       token's {@code decimals()}), and may have {@code tokenSymbol} (letters, digits, ".-_$",
 *       at most 11; shown in the summary, "tokens" otherwise).
 * </ul>
 * Arbitrary call data is not supported: a summary could not say what it does. Unknown fields
 * are refused, so a misspelt fee is never silently replaced by nothing.
 */
public final class EvmTransactionBuilder implements TransactionBuilder {
  static final Set<String> FIELDS = Set.of("chain", "to", "amount", "nonce", "chainId", "type",
      "maxFeePerGas", "maxPriorityFeePerGas", "gasPrice", "gasLimit", "token", "decimals",
      "tokenSymbol");
  /** Gas of a plain value transfer (Yellow Paper G_transaction). */
  public static final BigInteger TRANSFER_GAS = BigInteger.valueOf(21000);
  static final int GWEI_DECIMALS = 9;
  private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final int UINT256_BITS = 256;

  @Override
  public Set<Chain> chains() {
    return EvmChains.all();
  }

  @Override
  public UnsignedTransaction build(TransactionIntent intent, VaultKeys keys)
      throws TransactionException {
    Chain chain = intent.chain();
    if (!chains().contains(chain)) {
      throw new TransactionException(chain.displayName() + " is not an EVM chain");
    }
    refuseUnknownFields(intent);
    EvmAddress from = vaultAddress(chain, keys);
    EvmAddress recipient = nonZero("to", EvmAddress.parse("to", intent.string("to")));
    EvmTxType type = EvmTxType.fromIntent(intent.string("type", EvmTxType.EIP1559.intentName()));
    BigInteger chainId = chainId(intent, chain);
    BigInteger nonce = intent.unsigned("nonce");
    if (nonce.compareTo(MAX_UINT64) >= 0) {
      throw new TransactionException("'nonce' must be below 2^64 - 1 (EIP-2681)");
    }
    Erc20Transfer token = Erc20Transfer.of(intent);
    if (token != null && token.contract().equals(recipient)) {
      // Tokens sent to their own contract are stuck there: a pasted contract address, not a payee.
      throw new TransactionException("'to' is the token's own contract " + recipient
          + ": tokens sent there are lost; give the recipient's address");
    }
    String amountText = intent.string("amount");
    BigInteger amount = Amounts.parse("amount", amountText,
        token == null ? EvmChains.NATIVE_DECIMALS : token.decimals());
    uint256("amount", amount);

    BigInteger gasLimit = intent.optionalUnsigned("gasLimit");
    if (gasLimit == null) {
      if (token != null) {
        throw new TransactionException("'gasLimit' is needed for a token transfer (or let the "
            + "node estimate it)");
      }
      gasLimit = TRANSFER_GAS;
    }
    if (gasLimit.compareTo(TRANSFER_GAS) < 0 || gasLimit.compareTo(MAX_UINT64) > 0) {
      throw new TransactionException("'gasLimit' must be between 21000 and 2^64 - 1, got " + gasLimit);
    }

    EvmTransaction tx;
    if (type == EvmTxType.EIP1559) {
      refuse(intent, "gasPrice", "is for legacy transactions; give maxFeePerGas and "
          + "maxPriorityFeePerGas, or type legacy");
      BigInteger maxFee = gwei(intent, "maxFeePerGas", false);
      BigInteger tip = gwei(intent, "maxPriorityFeePerGas", true);
      if (tip.compareTo(maxFee) > 0) {
        throw new TransactionException("'maxPriorityFeePerGas' must not be above 'maxFeePerGas'");
      }
      tx = token == null
          ? new EvmTransaction(type, chainId, nonce, tip, maxFee, gasLimit, recipient, amount, new byte[0])
          : new EvmTransaction(type, chainId, nonce, tip, maxFee, gasLimit, token.contract(),
              BigInteger.ZERO, Erc20.transfer(recipient, amount));
    } else {
      refuse(intent, "maxFeePerGas", "is for EIP-1559 transactions; a legacy one has gasPrice");
      refuse(intent, "maxPriorityFeePerGas", "is for EIP-1559 transactions; a legacy one has gasPrice");
      BigInteger gasPrice = gwei(intent, "gasPrice", false);
      tx = token == null
          ? EvmTransaction.legacy(chainId, nonce, gasPrice, gasLimit, recipient, amount, new byte[0])
          : EvmTransaction.legacy(chainId, nonce, gasPrice, gasLimit, token.contract(),
              BigInteger.ZERO, Erc20.transfer(recipient, amount));
    }
    uint256("gasLimit × fee per gas", tx.maxFee());
    return new EvmUnsignedTransaction(chain, intent, keys, from, tx,
        EvmSummaries.of(chain, from, recipient, amount, token, tx));
  }

  /** The vault's address on an EVM chain. */
  static EvmAddress vaultAddress(Chain chain, VaultKeys keys) throws TransactionException {
    return EvmAddress.parse("from", chain.address(keys.rootEcdsa(), keys.rootEddsa(), keys.chainCode()));
  }

  /** The intent's chain id, or the chain's default. */
  static BigInteger chainId(TransactionIntent intent, Chain chain) throws TransactionException {
    BigInteger id = intent.optionalUnsigned("chainId");
    if (id == null) {
      return EvmChains.defaultChainId(chain);
    }
    if (id.signum() == 0 || id.compareTo(MAX_UINT64) > 0) {
      throw new TransactionException("'chainId' must be between 1 and 2^64 - 1, got " + id);
    }
    for (Chain other : EvmChains.all()) {
      // The summary names the chain and its coin: a transaction for another known chain would
      // show ETH while it moves BNB, so the chain itself must be the one signed for.
      if (other != chain && EvmChains.defaultChainId(other).equals(id)) {
        throw new TransactionException("'chainId' " + id + " is " + other.displayName()
            + "'s, not " + chain.displayName() + "'s: make the transaction for "
            + other.displayName() + " (chain '" + other.displayName().toLowerCase(java.util.Locale.ROOT)
            + "') instead");
      }
    }
    return id;
  }

  static EvmAddress nonZero(String field, EvmAddress a) throws TransactionException {
    if (a.isZero()) {
      throw new TransactionException("'" + field + "' is the zero address: what is sent there can "
          + "never be spent");
    }
    return a;
  }

  private static BigInteger gwei(TransactionIntent intent, String field, boolean zeroAllowed)
      throws TransactionException {
    String text = intent.string(field);
    BigInteger wei = zeroAllowed
        ? Amounts.parseNonNegative(field, text, GWEI_DECIMALS)
        : Amounts.parse(field, text, GWEI_DECIMALS);
    uint256(field, wei);
    return wei;
  }

  private static void uint256(String field, BigInteger v) throws TransactionException {
    if (v.bitLength() > UINT256_BITS) {
      throw new TransactionException("'" + field + "' is too large for 256 bits");
    }
  }

  private static void refuse(TransactionIntent intent, String field, String why)
      throws TransactionException {
    if (intent.has(field)) {
      throw new TransactionException("'" + field + "' " + why);
    }
  }

  private static void refuseUnknownFields(TransactionIntent intent) throws TransactionException {
    String name = intent.firstFieldOutside(FIELDS);
    if (name != null) {
      throw new TransactionException("'" + name + "' is not an EVM transaction field (known: "
          + String.join(", ", new TreeSet<>(FIELDS)) + ")");
    }
  }
}
