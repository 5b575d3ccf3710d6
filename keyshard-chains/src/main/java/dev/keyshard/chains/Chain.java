package dev.keyshard.chains;

import dev.keyshard.vault.hd.Bip32;
import dev.keyshard.vault.hd.DerivationPath;
import dev.keyshard.vault.hd.DerivedKey;
import fr.acinq.bitcoin.Base58;
import fr.acinq.bitcoin.Base58Check;
import fr.acinq.bitcoin.Bech32;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.crypto.ec.CustomNamedCurves;

/**
 * The chains whose addresses Keyshard derives, byte-identical to Vultisig (the names are
 * Vultisig's, as in its SDK). ECDSA chains derive a child of the root ECDSA key along the chain's
 * standard path with every step non-hardened ({@link DerivationPath}); EdDSA chains use the root
 * EdDSA key as it is. Pinned by the 48 addresses of the two real Vultisig vaults.
 */
public enum Chain {
  BITCOIN("Bitcoin", "m/84'/0'/0'/0/0"),
  ETHEREUM("Ethereum", "m/44'/60'/0'/0/0"),
  THORCHAIN("THORChain", "m/44'/931'/0'/0/0"),
  COSMOS("Cosmos", "m/44'/118'/0'/0/0"),
  SOLANA("Solana", null),
  CARDANO("Cardano", null),
  POLKADOT("Polkadot", null),
  RIPPLE("Ripple", "m/44'/144'/0'/0/0"),
  TRON("Tron", "m/44'/195'/0'/0/0"),
  LITECOIN("Litecoin", "m/84'/2'/0'/0/0"),
  DOGECOIN("Dogecoin", "m/44'/3'/0'/0/0"),
  BSC("BSC", "m/44'/60'/0'/0/0"),
  AVALANCHE("Avalanche", "m/44'/60'/0'/0/0"),
  POLYGON("Polygon", "m/44'/60'/0'/0/0"),
  ARBITRUM("Arbitrum", "m/44'/60'/0'/0/0"),
  OPTIMISM("Optimism", "m/44'/60'/0'/0/0"),
  BASE("Base", "m/44'/60'/0'/0/0"),
  OSMOSIS("Osmosis", "m/44'/118'/0'/0/0"),
  SUI("Sui", null),
  MAYACHAIN("MayaChain", "m/44'/931'/0'/0/0"),
  TON("Ton", null),
  BITCOIN_CASH("Bitcoin-Cash", "m/44'/145'/0'/0/0"),
  DASH("Dash", "m/44'/5'/0'/0/0"),
  ZCASH("Zcash", "m/44'/133'/0'/0/0");

  private final String displayName;
  private final DerivationPath path;

  Chain(String displayName, String path) {
    this.displayName = displayName;
    this.path = path == null ? null : DerivationPath.parse(path);
  }

  /** Vultisig's name for the chain ("Bitcoin", "Bitcoin-Cash", "THORChain", …). */
  public String displayName() {
    return displayName;
  }

  /** True for the chains that sign with the vault's ECDSA key (DKLs23). */
  public boolean isEcdsa() {
    return path != null;
  }

  /** The non-hardened derivation path; only for ECDSA chains. */
  public DerivationPath path() {
    if (path == null) {
      throw new IllegalStateException(displayName + " uses the root EdDSA key, not a path");
    }
    return path;
  }

  /**
   * @throws IllegalArgumentException naming the valid chains when {@code name} is none of them
   */
  public static Chain fromName(String name) {
    for (Chain c : values()) {
      if (c.displayName.equalsIgnoreCase(name) || c.name().equalsIgnoreCase(name)) {
        return c;
      }
    }
    List<String> names = new ArrayList<>();
    for (Chain c : values()) {
      names.add(c.displayName);
    }
    throw new IllegalArgumentException("unknown chain '" + name + "' (known: "
        + String.join(", ", names) + ")");
  }

  /** This chain's child of the root ECDSA key, with the tweak its signers add. */
  public DerivedKey derive(byte[] rootEcdsa, byte[] chainCode) {
    return Bip32.derive(rootEcdsa, chainCode, path());
  }

  /**
   * The chain's address for a vault with these root keys.
   *
   * @throws IllegalArgumentException when a key or the chain code has the wrong length or is not
   *     a point
   */
  public String address(byte[] rootEcdsa, byte[] rootEddsa, byte[] chainCode) {
    if (rootEddsa == null || rootEddsa.length != 32) {
      throw new IllegalArgumentException("EdDSA public key must be 32 bytes");
    }
    if (!isEcdsa()) {
      return eddsaAddress(rootEddsa);
    }
    return ecdsaAddress(derive(rootEcdsa, chainCode).publicKey());
  }

  /** The address of this ECDSA chain's already derived 33-byte public key. */
  String ecdsaAddress(byte[] child) {
    byte[] h160 = Hashes.hash160(child);
    return switch (this) {
      case BITCOIN -> Bech32.encodeWitnessAddress("bc", (byte) 0, h160);
      case LITECOIN -> Bech32.encodeWitnessAddress("ltc", (byte) 0, h160);
      case DOGECOIN -> Base58Check.encode((byte) 0x1e, h160);
      case DASH -> Base58Check.encode((byte) 0x4c, h160);
      case ZCASH -> Base58Check.encode(new byte[] {0x1c, (byte) 0xb8}, h160);
      case BITCOIN_CASH -> CashAddr.p2pkh("bitcoincash", h160);
      case COSMOS -> Bech32.encodeBytes("cosmos", h160, Bech32.Encoding.Bech32);
      case OSMOSIS -> Bech32.encodeBytes("osmo", h160, Bech32.Encoding.Bech32);
      case THORCHAIN -> Bech32.encodeBytes("thor", h160, Bech32.Encoding.Bech32);
      case MAYACHAIN -> Bech32.encodeBytes("maya", h160, Bech32.Encoding.Bech32);
      case RIPPLE -> Base58Variants.xrpCheck((byte) 0, h160);
      case TRON -> Base58Check.encode((byte) 0x41, Eip55.accountId(uncompressed(child)));
      case ETHEREUM, BSC, AVALANCHE, POLYGON, ARBITRUM, OPTIMISM, BASE ->
          Eip55.address(uncompressed(child));
      case SOLANA, CARDANO, POLKADOT, SUI, TON ->
          throw new IllegalStateException("not an ECDSA chain");
    };
  }

  private String eddsaAddress(byte[] key) {
    return switch (this) {
      case SOLANA -> Base58.encode(key);
      case SUI -> "0x" + HexFormat.of().formatHex(Hashes.blake2b(256, new byte[] {0}, key));
      case POLKADOT -> Base58Variants.ss58(0, key);
      // CIP-19 enterprise address, header 0x61: type 6 (payment key, no stake part), mainnet.
      case CARDANO -> Bech32.encodeBytes("addr", concat((byte) 0x61, Hashes.blake2b(224, key)),
          Bech32.Encoding.Bech32);
      case TON -> TonWallet.address(key);
      default -> throw new IllegalStateException("not an EdDSA chain");
    };
  }

  private static byte[] uncompressed(byte[] compressed) {
    return CustomNamedCurves.getByName("secp256k1").getCurve().decodePoint(compressed)
        .getEncoded(false);
  }

  private static byte[] concat(byte head, byte[] tail) {
    byte[] out = new byte[tail.length + 1];
    out[0] = head;
    System.arraycopy(tail, 0, out, 1, tail.length);
    return out;
  }

  @Override
  public String toString() {
    return displayName.toLowerCase(Locale.ROOT);
  }
}
