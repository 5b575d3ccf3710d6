package dev.keyshard.chains.cosmos;

import dev.keyshard.chains.Chain;
import dev.keyshard.chains.tx.Amounts;
import dev.keyshard.chains.tx.TransactionBuilder;
import dev.keyshard.chains.tx.TransactionException;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.UnsignedTransaction;
import dev.keyshard.chains.tx.VaultKeys;
import java.math.BigInteger;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds native-coin sends on the Cosmos Hub, THORChain and MayaChain ({@link CosmosNetwork})
 * from the vault's address at the chain's path (m/44'/118'/0'/0/0 for Cosmos, m/44'/931'/0'/0/0
 * for THORChain and MayaChain), signed in SIGN_MODE_DIRECT by the child ECDSA key. The builder
 * reads nothing from the network: {@link CosmosRest#complete} fills in the account number and
 * sequence first, so every co-signer builds the same bytes from the same intent.
 *
 * <p>Intent fields (all strings):
 * <ul>
 *   <li>{@code to} — the recipient, bech32 with the chain's prefix (cosmos1…, thor1…, maya1…)
 *       holding a 20-byte account address; the checksum is checked.
 *   <li>{@code amount} — exact decimal in the usual unit ("1.5" ATOM; 6, 8 or 10 decimals for
 *       ATOM, RUNE, CACAO), more than zero.
 *   <li>{@code accountNumber}, {@code sequence} — the sender's account number and sequence
 *       (required; below 2^64). Wrong values make the signature invalid on chain.
 *   <li>{@code memo} — optional, at most 256 characters (the Cosmos SDK's default
 *       {@code max_memo_characters}).
 *   <li>{@code fee} — optional, in the usual unit, zero allowed; default 0.0075 ATOM on Cosmos and
 *       0 on THORChain and MayaChain, which deduct their native fee from the balance themselves.
 *   <li>{@code gas} — optional gas limit, 1..2^64−1; default 200000, 20000000 (THORChain),
 *       2000000000 (MayaChain).
 *   <li>{@code chainId} — optional; default the mainnet (cosmoshub-4, thorchain-1,
 *       mayachain-mainnet-v1). It is signed, so a transaction for one chain id is invalid on
 *       every other.
 *   <li>{@code network} — optional, only "mainnet" (the common intent field; testnet prefixes
 *       such as sthor are not supported).
 * </ul>
 * Unknown fields are refused, so a misspelt fee is never silently replaced by the default.
 */
public final class CosmosTransactionBuilder implements TransactionBuilder {
  static final Set<String> FIELDS = Set.of("chain", "to", "amount", "accountNumber", "sequence",
      "memo", "fee", "gas", "chainId", "network");
  /** The Cosmos SDK's default x/auth max_memo_characters. */
  public static final int MAX_MEMO_CHARACTERS = 256;
  /** Tendermint/CometBFT's MaxChainIDLen. */
  static final int MAX_CHAIN_ID_LENGTH = 50;
  private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  /** Cosmos SDK math.Int holds at most 256 bits. */
  private static final int MAX_AMOUNT_BITS = 256;

  @Override
  public Set<Chain> chains() {
    return EnumSet.of(Chain.COSMOS, Chain.THORCHAIN, Chain.MAYACHAIN);
  }

  @Override
  public UnsignedTransaction build(TransactionIntent intent, VaultKeys keys)
      throws TransactionException {
    Chain chain = intent.chain();
    if (!chains().contains(chain)) {
      throw new TransactionException(chain.displayName() + " is not a Cosmos chain Keyshard sends on");
    }
    byte[] publicKey = chain.derive(keys.rootEcdsa(), keys.chainCode()).publicKey();
    CosmosSend send = send(intent, publicKey);
    String shown = chain.address(keys.rootEcdsa(), keys.rootEddsa(), keys.chainCode());
    if (!send.from().toString().equals(shown)) {
      // Both derive from the same child key; a difference is a bug, never the user's fault.
      throw new IllegalStateException("the sender " + send.from() + " is not the vault's address "
          + shown);
    }
    return new CosmosUnsignedTransaction(intent, keys, send);
  }

  /**
   * The send an intent describes, for the signer with this 33-byte key (the vault's child key in
   * {@link #build}; a test vector's key in tests).
   */
  static CosmosSend send(TransactionIntent intent, byte[] publicKey) throws TransactionException {
    refuseUnknownFields(intent);
    String net = intent.string("network", "mainnet");
    if (!net.equals("mainnet")) {
      throw new TransactionException("'network': only mainnet Cosmos, THORChain and MayaChain "
          + "addresses are supported (testnets use other prefixes), got '" + net + "'");
    }
    CosmosNetwork network = CosmosNetwork.of(intent.chain());
    AccountAddress from = vaultAddress(network, publicKey);
    AccountAddress to = AccountAddress.parse("to", intent.optionalString("to"), network.hrp());
    BigInteger amount = Amounts.parse("amount", intent.optionalString("amount"), network.decimals());
    if (amount.bitLength() > MAX_AMOUNT_BITS) {
      throw new TransactionException("'amount' is too large for a Cosmos coin (256 bits)");
    }
    BigInteger accountNumber = uint64(intent, "accountNumber");
    BigInteger sequence = uint64(intent, "sequence");
    String memo = intent.string("memo", "");
    if (memo.codePointCount(0, memo.length()) > MAX_MEMO_CHARACTERS) {
      throw new TransactionException("'memo' is longer than " + MAX_MEMO_CHARACTERS + " characters");
    }
    BigInteger fee = intent.has("fee")
        ? Amounts.parseNonNegative("fee", intent.optionalString("fee"), network.decimals())
        : network.defaultFee();
    if (fee.bitLength() > MAX_AMOUNT_BITS) {
      throw new TransactionException("'fee' is too large for a Cosmos coin (256 bits)");
    }
    BigInteger gas = intent.optionalUnsigned("gas");
    if (gas == null) {
      gas = BigInteger.valueOf(network.defaultGas());
    } else if (gas.signum() == 0 || gas.compareTo(MAX_UINT64) > 0) {
      throw new TransactionException("'gas' must be between 1 and 2^64 - 1, got " + gas);
    }
    return new CosmosSend(network, chainId(intent, network), accountNumber, sequence, from, to,
        amount, fee, gas, memo, publicKey);
  }

  /** The intent's chain id, or the chain's mainnet. */
  static String chainId(TransactionIntent intent, CosmosNetwork network) throws TransactionException {
    String id = intent.optionalString("chainId");
    if (id == null) {
      return network.defaultChainId();
    }
    if (!id.matches("[A-Za-z0-9._-]{1," + MAX_CHAIN_ID_LENGTH + "}")) {
      throw new TransactionException("'chainId' must be 1.." + MAX_CHAIN_ID_LENGTH
          + " letters, digits, '.', '_' or '-', got '" + id + "'");
    }
    return id;
  }

  /** The address of the signer's key on the network. */
  static AccountAddress vaultAddress(CosmosNetwork network, byte[] publicKey) {
    return AccountAddress.ofPublicKey(network.hrp(), publicKey);
  }

  private static BigInteger uint64(TransactionIntent intent, String field)
      throws TransactionException {
    if (!intent.has(field)) {
      throw new TransactionException("'" + field + "' is needed (give it, or let the node fill it "
          + "in with --rpc)");
    }
    BigInteger v = intent.unsigned(field);
    if (v.compareTo(MAX_UINT64) > 0) {
      throw new TransactionException("'" + field + "' must be below 2^64, got " + v);
    }
    return v;
  }

  private static void refuseUnknownFields(TransactionIntent intent) throws TransactionException {
    String name = intent.firstFieldOutside(FIELDS);
    if (name != null) {
      throw new TransactionException("'" + name + "' is not a Cosmos send field (known: "
          + String.join(", ", new TreeSet<>(FIELDS)) + ")");
    }
  }
}
