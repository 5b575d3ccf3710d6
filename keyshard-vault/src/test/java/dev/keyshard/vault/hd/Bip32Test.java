package dev.keyshard.vault.hd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.acinq.bitcoin.Base58Check;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Bip32} against the BIP-32 test vectors' public steps (decoded with bitcoin-kmp's
 * base58check), the tweak identity child = root + δ·G (by BouncyCastle), and path parsing.
 */
class Bip32Test {
  static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");

  /** An xpub's (chain code, key): bytes 13..45 and 45..78 of its 78-byte serialisation. */
  static byte[][] xpub(String s) {
    byte[] b = Base58Check.decodeWithPrefixLen(s, 4).getSecond();
    assertEquals(74, b.length);
    return new byte[][] {Arrays.copyOfRange(b, 9, 41), Arrays.copyOfRange(b, 41, 74)};
  }

  @Test
  void publicStepsOfTheBip32Vectors() throws Exception {
    int checked = 0;
    for (String line : Files.readAllLines(Path.of("src/test/resources/vectors/bip32/public-steps.txt"))) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] f = line.split(" ");
      byte[][] parent = xpub(f[0]);
      byte[][] child = xpub(f[2]);
      DerivedKey d = Bip32.derive(parent[1], parent[0], DerivationPath.parse("m/" + f[1]));
      assertArrayEquals(child[1], d.publicKey(), line);
      assertArrayEquals(child[0], d.chainCode(), line);
      checked++;
    }
    assertEquals(5, checked);
  }

  @Test
  void childIsRootPlusTweakTimesG() {
    SecureRandom rng = new SecureRandom();
    for (int i = 0; i < 10; i++) {
      BigInteger k = new BigInteger(255, rng).add(BigInteger.ONE);
      byte[] root = CURVE.getG().multiply(k).normalize().getEncoded(true);
      byte[] cc = new byte[32];
      rng.nextBytes(cc);
      DerivedKey d = Bip32.derive(root, cc,
          DerivationPath.parse("m/44'/" + rng.nextInt(1000) + "'/0'/0/" + rng.nextInt(100)));
      BigInteger delta = new BigInteger(1, d.tweak().toBytes());
      assertArrayEquals(CURVE.getG().multiply(k.add(delta)).normalize().getEncoded(true),
          d.publicKey());
    }
  }

  @Test
  void pathsAreParsedTheVultisigWay() {
    assertEquals("m/84/0/0/0/0", DerivationPath.parse("m/84'/0'/0'/0/0").toString());
    assertEquals(DerivationPath.parse("m/44h/60H/0'/0/0"), DerivationPath.parse("m/44/60/0/0/0"));
    assertEquals("m", DerivationPath.parse("m").toString());
    assertArrayEquals(new int[] {2147483647}, DerivationPath.parse("m/2147483647").indices());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "44/0", "M/0", "m/", "m//0", "m/-1", "m/x", "m/0''",
      "m/2147483648", "m/99999999999"})
  void badPathsAreRefused(String p) {
    assertThrows(IllegalArgumentException.class, () -> DerivationPath.parse(p));
  }

  @Test
  void badKeysAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> Bip32.derive(new byte[32], new byte[32], DerivationPath.parse("m/0")));
    byte[] notOnCurve = new byte[33];
    notOnCurve[0] = 2;
    notOnCurve[32] = 7;
    assertThrows(IllegalArgumentException.class,
        () -> Bip32.derive(notOnCurve, new byte[32], DerivationPath.parse("m/0")));
  }
  /**
   * BIP-32 vectors 3 and 4 only step through hardened children, which a vault never derives, so
   * their public parts are checked differently: from each of their extended public keys, our
   * non-hardened children agree with bitcoin-kmp's {@code derivePublicKey}, an implementation we
   * did not write.
   */
  @ParameterizedTest
  @ValueSource(strings = {
    "xpub661MyMwAqRbcEZVB4dScxMAdx6d4nFc9nvyvH3v4gJL378CSRZiYmhRoP7mBy6gSPSCYk6SzXPTf3ND1cZAceL7SfJ1Z3GC8vBgp2epUt13",
    "xpub68NZiKmJWnxxS6aaHmn81bvJeTESw724CRDs6HbuccFQN9Ku14VQrADWgqbhhTHBaohPX4CjNLf9fq9MYo6oDaPPLPxSb7gwQN3ih19Zm4Y",
    "xpub661MyMwAqRbcGczjuMoRm6dXaLDEhW1u34gKenbeYqAix21mdUKJyuyu5F1rzYGVxyL6tmgBUAEPrEz92mBXjByMRiJdba9wpnN37RLLAXa",
    "xpub69AUMk3qDBi3uW1sXgjCmVjJ2G6WQoYSnNHyzkmdCHEhSZ4tBok37xfFEqHd2AddP56Tqp4o56AePAgCjYdvpW2PU2jbUPFKsav5ut6Ch1m",
    "xpub6BJA1jSqiukeaesWfxe6sNK9CCGaujFFSJLomWHprUL9DePQ4JDkM5d88n49sMGJxrhpjazuXYWdMf17C9T5XnxkopaeS7jGk1GyyVziaMt"
  })
  void vectors3And4AgreeWithBitcoinKmp(String xpub) {
    fr.acinq.bitcoin.DeterministicWallet.ExtendedPublicKey parent =
        fr.acinq.bitcoin.DeterministicWallet.ExtendedPublicKey.decode(xpub, fr.acinq.bitcoin.KeyPath.Companion.getEmpty()).getSecond();
    byte[][] ours = xpub(xpub);
    for (long index : new long[] {0, 1, 44, 0x7fffffffL}) {
      var theirs = parent.derivePublicKey(index).derivePublicKey(0L);
      DerivedKey d = Bip32.derive(ours[1], ours[0], DerivationPath.parse("m/" + index + "/0"));
      assertArrayEquals(theirs.publickeybytes.toByteArray(), d.publicKey(), xpub + " " + index);
      assertArrayEquals(theirs.chaincode.toByteArray(), d.chainCode(), xpub + " " + index);
    }
  }

  /**
   * BIP-32 vector 5's extended public keys whose key bytes are invalid (a private-key prefix, the
   * prefixes 04 and 01, an x with no point): {@link Bip32#derive} refuses each key. The vector's
   * other cases concern the serialization (depth, fingerprint, version, checksum), which vaults
   * never parse: Keyshard takes the root key and chain code as raw bytes.
   */
  @ParameterizedTest
  @ValueSource(strings = {
    "xpub661MyMwAqRbcEYS8w7XLSVeEsBXy79zSzH1J8vCdxAZningWLdN3zgtU6LBpB85b3D2yc8sfvZU521AAwdZafEz7mnzBBsz4wKY5fTtTQBm",
    "xpub661MyMwAqRbcEYS8w7XLSVeEsBXy79zSzH1J8vCdxAZningWLdN3zgtU6Txnt3siSujt9RCVYsx4qHZGc62TG4McvMGcAUjeuwZdduYEvFn",
    "xpub661MyMwAqRbcEYS8w7XLSVeEsBXy79zSzH1J8vCdxAZningWLdN3zgtU6N8ZMMXctdiCjxTNq964yKkwrkBJJwpzZS4HS2fxvyYUA4q2Xe4",
    "xpub661MyMwAqRbcEYS8w7XLSVeEsBXy79zSzH1J8vCdxAZningWLdN3zgtU6Q5JXayek4PRsn35jii4veMimro1xefsM58PgBMrvdYre8QyULY"
  })
  void vector5InvalidPublicKeysAreRefused(String xpub) {
    byte[][] parts = xpub(xpub);
    assertThrows(IllegalArgumentException.class,
        () -> Bip32.derive(parts[1], parts[0], DerivationPath.parse("m/0")));
  }
}
