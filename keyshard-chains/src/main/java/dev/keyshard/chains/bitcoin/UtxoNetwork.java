package dev.keyshard.chains.bitcoin;

import dev.keyshard.chains.tx.TransactionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One network of a Bitcoin-family chain and how its addresses are written: the base58check
 * version bytes of P2PKH and P2SH (each chain's chainparams.cpp), the bech32 human-readable part
 * of its witness addresses (BIP-173; bc/tb/bcrt, ltc/tltc/rltc) and, for Bitcoin Cash, the
 * CashAddr prefix (bitcoincash/bchtest/bchreg).
 *
 * @param p2shVersions Litecoin accepts its old P2SH version 5 besides 50 (testnet 196 and 58)
 */
public record UtxoNetwork(UtxoChain chain, String name, int p2pkhVersion, List<Integer> p2shVersions,
    String hrp, String cashAddrPrefix) {

  private static final List<UtxoNetwork> ALL = List.of(
      new UtxoNetwork(UtxoChain.BITCOIN, "mainnet", 0x00, List.of(0x05), "bc", null),
      new UtxoNetwork(UtxoChain.BITCOIN, "testnet", 0x6f, List.of(0xc4), "tb", null),
      new UtxoNetwork(UtxoChain.BITCOIN, "regtest", 0x6f, List.of(0xc4), "bcrt", null),
      new UtxoNetwork(UtxoChain.LITECOIN, "mainnet", 0x30, List.of(0x32, 0x05), "ltc", null),
      new UtxoNetwork(UtxoChain.LITECOIN, "testnet", 0x6f, List.of(0x3a, 0xc4), "tltc", null),
      new UtxoNetwork(UtxoChain.LITECOIN, "regtest", 0x6f, List.of(0x3a, 0xc4), "rltc", null),
      new UtxoNetwork(UtxoChain.DOGECOIN, "mainnet", 0x1e, List.of(0x16), null, null),
      new UtxoNetwork(UtxoChain.DOGECOIN, "testnet", 0x71, List.of(0xc4), null, null),
      new UtxoNetwork(UtxoChain.DOGECOIN, "regtest", 0x6f, List.of(0xc4), null, null),
      new UtxoNetwork(UtxoChain.BITCOIN_CASH, "mainnet", 0x00, List.of(0x05), null, "bitcoincash"),
      new UtxoNetwork(UtxoChain.BITCOIN_CASH, "testnet", 0x6f, List.of(0xc4), null, "bchtest"),
      new UtxoNetwork(UtxoChain.BITCOIN_CASH, "regtest", 0x6f, List.of(0xc4), null, "bchreg"));

  public UtxoNetwork {
    p2shVersions = List.copyOf(p2shVersions);
  }

  /**
   * @param network "mainnet", "testnet" or "regtest" (case-insensitive); null means mainnet
   * @throws TransactionException naming the field when the network is none of them
   */
  public static UtxoNetwork of(UtxoChain chain, String network) throws TransactionException {
    String wanted = network == null ? "mainnet" : network.toLowerCase(Locale.ROOT);
    List<String> names = new ArrayList<>();
    for (UtxoNetwork n : ALL) {
      if (n.chain == chain) {
        if (n.name.equals(wanted)) {
          return n;
        }
        names.add(n.name);
      }
    }
    throw new TransactionException("'network' must be one of " + String.join(", ", names)
        + " for " + chain.chain().displayName() + ", got '" + network + "'");
  }

  /** Every known chain and network, to say which one a foreign address belongs to. */
  static List<UtxoNetwork> all() {
    return ALL;
  }

  /** "Bitcoin regtest". */
  public String describe() {
    return chain.chain().displayName() + " " + name;
  }
}
