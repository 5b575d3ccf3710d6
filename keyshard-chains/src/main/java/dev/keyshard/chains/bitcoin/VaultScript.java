package dev.keyshard.chains.bitcoin;

import dev.keyshard.chains.Taproot;
import dev.keyshard.chains.tx.VaultKeys;
import dev.keyshard.vault.hd.Bip32;
import dev.keyshard.vault.hd.DerivationPath;
import fr.acinq.bitcoin.Base58Check;
import fr.acinq.bitcoin.Bech32;
import fr.acinq.bitcoin.Crypto;

/**
 * One of the vault's own outputs on a Bitcoin-family network: the child key at the chain's path,
 * its locking script and its address. P2PKH and P2WPKH commit to HASH160 of the 33-byte child
 * key; P2TR to the BIP-86 output key x(Q) of its x-only form ({@link Taproot#outputKey}), the key
 * {@code SigningRequest.signingKey} gives for a TAPROOT request on the same path.
 *
 * @param childKey the compressed child public key
 */
public record VaultScript(ScriptType type, DerivationPath path, byte[] childKey,
    byte[] scriptPubKey, String address) {

  public VaultScript {
    childKey = childKey.clone();
    scriptPubKey = scriptPubKey.clone();
  }

  /**
   * @throws IllegalArgumentException when the chain cannot spend from this type (taproot on
   *     Dogecoin, P2WPKH on Bitcoin Cash…)
   */
  public static VaultScript of(VaultKeys keys, UtxoNetwork network, ScriptType type) {
    UtxoChain chain = network.chain();
    if (!type.spendable() || (type != ScriptType.P2PKH) != chain.segwit()) {
      throw new IllegalArgumentException(chain.chain().displayName() + " vaults do not spend from "
          + type.label());
    }
    DerivationPath path = chain.path(type);
    byte[] child = Bip32.derive(keys.rootEcdsa(), keys.chainCode(), path).publicKey();
    return switch (type) {
      case P2WPKH -> {
        byte[] h = Crypto.hash160(child);
        yield new VaultScript(type, path, child, Destination.script(type, h),
            Bech32.encodeWitnessAddress(network.hrp(), (byte) 0, h));
      }
      case P2TR -> {
        byte[] q = Taproot.outputKey(Taproot.xOnly(child));
        yield new VaultScript(type, path, child, Destination.script(type, q),
            Bech32.encodeWitnessAddress(network.hrp(), (byte) 1, q));
      }
      case P2PKH -> {
        byte[] h = Crypto.hash160(child);
        yield new VaultScript(type, path, child, Destination.script(type, h), legacy(network, h));
      }
      default -> throw new AssertionError(type);
    };
  }

  private static String legacy(UtxoNetwork network, byte[] h) {
    if (network.cashAddrPrefix() == null) {
      return Base58Check.encode((byte) network.p2pkhVersion(), h);
    }
    String full = CashAddress.encode(network.cashAddrPrefix(), CashAddress.VERSION_P2PKH, h);
    // Mainnet without its prefix, as Vultisig (and Chain.BITCOIN_CASH) prints the vault's address.
    return network.name().equals("mainnet") ? full.substring(full.indexOf(':') + 1) : full;
  }

  @Override
  public byte[] childKey() {
    return childKey.clone();
  }

  @Override
  public byte[] scriptPubKey() {
    return scriptPubKey.clone();
  }

  Destination destination() {
    return new Destination(type, scriptPubKey, address);
  }
}
