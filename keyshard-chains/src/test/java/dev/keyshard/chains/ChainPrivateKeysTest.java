package dev.keyshard.chains;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.chains.ChainPrivateKey.Format;
import dev.keyshard.crypto.group.Ed25519;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.secret.InsecureSecretAccess;
import dev.keyshard.crypto.secret.SecretScalar;
import dev.keyshard.vault.recovery.RecoveredKeys;
import fr.acinq.bitcoin.Base58;
import fr.acinq.bitcoin.Base58Check;
import fr.acinq.bitcoin.Bitcoin;
import fr.acinq.bitcoin.Block;
import fr.acinq.bitcoin.PrivateKey;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import kotlin.Pair;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link ChainPrivateKeys} on a random vault: every key is checked by other code than ours —
 * BouncyCastle's multiplication for the public key, bitcoin-kmp for WIF and a Bitcoin address.
 */
class ChainPrivateKeysTest {
  static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  static final HexFormat HEX = HexFormat.of();

  SecretScalar ecdsa;
  SecretScalar eddsa;
  byte[] ecdsaPub;
  byte[] eddsaPub;
  byte[] chainCode;

  @BeforeEach
  void randomVault() {
    SecureRandom rng = new SecureRandom();
    ecdsa = SecretScalar.random(Secp256k1.INSTANCE, rng);
    eddsa = SecretScalar.random(Ed25519.INSTANCE, rng);
    ecdsaPub = CURVE.getG().multiply(bigEndian(ecdsa)).getEncoded(true);
    eddsaPub = eddsa.publicPoint().toBytes();
    chainCode = new byte[32];
    rng.nextBytes(chainCode);
  }

  ChainPrivateKey keyOf(Chain chain) {
    return ChainPrivateKeys.of(chain, ecdsa, eddsa, ecdsaPub, chainCode);
  }

  @ParameterizedTest
  @EnumSource(Chain.class)
  void ecdsaKeyGivesTheChainsPublicKeyAndAddress(Chain chain) {
    if (!chain.isEcdsa()) {
      return;
    }
    ChainPrivateKey key = keyOf(chain);
    assertEquals(chain, key.chain());
    byte[] k = switch (key.format()) {
      case WIF -> wifKey(key.value(), Wif.version(chain));
      case HEX -> {
        assertTrue(key.value().matches("[0-9a-f]{64}"), "64 lowercase hex digits");
        yield HEX.parseHex(key.value());
      }
      case SCALAR_HEX -> throw new AssertionError("an ECDSA chain got " + key.format());
    };
    assertEquals(32, k.length);
    byte[] pub = CURVE.getG().multiply(new BigInteger(1, k)).getEncoded(true);
    assertArrayEquals(chain.derive(ecdsaPub, chainCode).publicKey(), pub, chain.displayName());
    assertEquals(chain.address(ecdsaPub, eddsaPub, chainCode), chain.ecdsaAddress(pub),
        chain.displayName());
  }

  @Test
  void formatsPerChain() {
    for (Chain c : Chain.values()) {
      Format expected = switch (c) {
        case BITCOIN, LITECOIN, DOGECOIN, DASH, BITCOIN_CASH, ZCASH -> Format.WIF;
        case SOLANA, CARDANO, POLKADOT, SUI, TON -> Format.SCALAR_HEX;
        default -> Format.HEX;
      };
      assertEquals(expected, ChainPrivateKeys.format(c), c.displayName());
      assertEquals(expected, keyOf(c).format(), c.displayName());
    }
    assertEquals("wif", Format.WIF.label());
    assertEquals("hex", Format.HEX.label());
    assertEquals("scalar-hex", Format.SCALAR_HEX.label());
  }

  /** bitcoin-kmp reads our WIF back and derives the same P2WPKH address (BIP-84 path). */
  @Test
  void bitcoinKmpImportsTheBitcoinWif() {
    Pair<PrivateKey, Boolean> imported = PrivateKey.fromBase58(keyOf(Chain.BITCOIN).value(),
        Base58.Prefix.SecretKey);
    assertTrue(imported.getSecond(), "compressed flag");
    assertEquals(Chain.BITCOIN.address(ecdsaPub, eddsaPub, chainCode),
        Bitcoin.computeP2WpkhAddress(imported.getFirst().publicKey(),
            Block.LivenetGenesisBlock.hash));
  }

  @ParameterizedTest
  @EnumSource(value = Chain.class,
      names = {"BITCOIN", "LITECOIN", "DOGECOIN", "DASH", "BITCOIN_CASH", "ZCASH"})
  void wifDecodesToTheChainsVersionByte(Chain chain) {
    int expected = switch (chain) {
      case BITCOIN, BITCOIN_CASH, ZCASH -> 0x80;
      case LITECOIN -> 0xb0;
      case DOGECOIN -> 0x9e;
      case DASH -> 0xcc;
      default -> throw new AssertionError(chain);
    };
    Pair<Byte, byte[]> decoded = Base58Check.decode(keyOf(chain).value());
    assertEquals(expected, decoded.getFirst() & 0xff, chain.displayName());
    byte[] payload = decoded.getSecond();
    assertEquals(33, payload.length);
    assertEquals(0x01, payload[32], "compressed-key flag");
    byte[] pub = CURVE.getG().multiply(new BigInteger(1, Arrays.copyOf(payload, 32)))
        .getEncoded(true);
    assertArrayEquals(chain.derive(ecdsaPub, chainCode).publicKey(), pub);
  }

  /** The root Ed25519 scalar, little-endian: decoding it as such gives the vault's EdDSA key. */
  @ParameterizedTest
  @EnumSource(value = Chain.class, names = {"SOLANA", "CARDANO", "POLKADOT", "SUI", "TON"})
  void eddsaChainsGetTheRootScalarLittleEndian(Chain chain) throws Exception {
    ChainPrivateKey key = keyOf(chain);
    assertEquals(Format.SCALAR_HEX, key.format());
    assertEquals(HEX.formatHex(eddsa.toBytes(InsecureSecretAccess.get())), key.value());
    byte[] le = HEX.parseHex(key.value());
    assertArrayEquals(eddsaPub, Ed25519.INSTANCE.multiplyGenerator(
        Ed25519.INSTANCE.decodeScalar(le)).toBytes());
    // Cross-check the byte order against the integer: little-endian means byte 0 is the lowest.
    byte[] be = le.clone();
    reverse(be);
    assertEquals(eddsa.value(InsecureSecretAccess.get()).toBigInteger(), new BigInteger(1, be));
  }

  @Test
  void wrongRootKeyIsRefusedWithoutNamingAKey() {
    SecretScalar other = SecretScalar.random(Secp256k1.INSTANCE, new SecureRandom());
    KeyMismatchException e = assertThrows(KeyMismatchException.class,
        () -> ChainPrivateKeys.of(Chain.ETHEREUM, other, eddsa, ecdsaPub, chainCode));
    String message = e.getMessage();
    assertFalse(message.contains(HEX.formatHex(other.toBytes(InsecureSecretAccess.get()))));
    assertFalse(message.contains(HEX.formatHex(ecdsa.toBytes(InsecureSecretAccess.get()))));
    assertFalse(message.matches(".*[0-9a-fA-F]{16}.*"), message);
  }

  @Test
  void rootPublicKeyOfAnotherVaultIsRefused() {
    byte[] otherPub = CURVE.getG().multiply(BigInteger.TWO).getEncoded(true);
    assertThrows(KeyMismatchException.class,
        () -> ChainPrivateKeys.of(Chain.BITCOIN, ecdsa, eddsa, otherPub, chainCode));
  }

  @Test
  void keysOfTheWrongCurveAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> ChainPrivateKeys.of(Chain.BITCOIN, eddsa, eddsa, ecdsaPub, chainCode));
    assertThrows(IllegalArgumentException.class,
        () -> ChainPrivateKeys.of(Chain.SOLANA, ecdsa, ecdsa, ecdsaPub, chainCode));
  }

  @Test
  void toStringNamesNoKey() {
    for (Chain c : Chain.values()) {
      ChainPrivateKey key = keyOf(c);
      assertFalse(key.toString().contains(key.value()), c.displayName());
      assertTrue(key.toString().contains("redacted"));
    }
  }

  @Test
  void allFromRecoveredKeysMatchesOneByOne() {
    RecoveredKeys keys = new RecoveredKeys(ecdsaPub, eddsaPub, chainCode, ecdsa, eddsa);
    Map<Chain, ChainPrivateKey> all = ChainPrivateKeys.all(keys);
    assertEquals(Chain.values().length, all.size());
    for (Chain c : Chain.values()) {
      assertEquals(keyOf(c), all.get(c), c.displayName());
    }
    assertFalse(ecdsa.isDestroyed(), "inputs stay the caller's");
    assertFalse(eddsa.isDestroyed(), "inputs stay the caller's");
  }

  static byte[] wifKey(String wif, byte version) {
    Pair<Byte, byte[]> decoded = Base58Check.decode(wif);
    assertEquals(version, decoded.getFirst());
    assertEquals(33, decoded.getSecond().length);
    return Arrays.copyOf(decoded.getSecond(), 32);
  }

  static BigInteger bigEndian(SecretScalar k) {
    return new BigInteger(1, k.toBytes(InsecureSecretAccess.get()));
  }

  static void reverse(byte[] b) {
    for (int i = 0, j = b.length - 1; i < j; i++, j--) {
      byte t = b[i];
      b[i] = b[j];
      b[j] = t;
    }
  }
}
