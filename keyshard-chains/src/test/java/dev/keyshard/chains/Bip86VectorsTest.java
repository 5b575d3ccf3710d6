package dev.keyshard.chains;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keyshard.vault.hd.Bip32;
import dev.keyshard.vault.hd.DerivationPath;
import dev.keyshard.vault.hd.DerivedKey;
import fr.acinq.bitcoin.Bech32;
import java.util.HexFormat;
import kotlin.Triple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The test vectors of BIP-86 (bip-0086.mediawiki, "Test vectors"; mnemonic "abandon × 11
 * about"): from the account xpub of m/86'/0'/0', the non-hardened steps 0/0, 0/1 and 1/0 give the
 * listed child xpubs, internal keys, output keys, scriptPubKeys and bc1p addresses.
 */
class Bip86VectorsTest {
  static final HexFormat HEX = HexFormat.of();
  static final String ACCOUNT_XPUB = "xpub6BgBgsespWvERF3LHQu6CnqdvfEvtMcQjYrcRzx53QJjSxarj2afYWcLt"
      + "eoGVky7D3UKDP9QyrLprQ3VCECoY49yfdDEHGCtMMj92pReUsQ";

  @ParameterizedTest
  @CsvSource({
      "m/0/0,"
          + " xpub6H3W6JmYJXN49h5TfcVjLC3onS6uPeUTTJoVvRC8oG9vsTn2J8LwigLzq5tHbrwAzH9DGo6ThGUdWsqce8"
          + "dGfwHVBxSbixjDADGGdzF7t2B,"
          + " cc8a4bc64d897bddc5fbc2f670f7a8ba0b386779106cf1223c6fc5d7cd6fc115,"
          + " a60869f0dbcf1dc659c9cecbaf8050135ea9e8cdc487053f1dc6880949dc684c,"
          + " bc1p5cyxnuxmeuwuvkwfem96lqzszd02n6xdcjrs20cac6yqjjwudpxqkedrcr",
      "m/0/1,"
          + " xpub6H3W6JmYJXN4CCKUSnriaiQRCZmG6aq4sCMDqTu1ACyngw7HShf59hAxYjXgKDuuHThVEUzdHrc3aXCr9k"
          + "fvQvZPit5dnD3K9xVRBzjK3rX,"
          + " 83dfe85a3151d2517290da461fe2815591ef69f2b18a2ce63f01697a8b313145,"
          + " a82f29944d65b86ae6b5e5cc75e294ead6c59391a1edc5e016e3498c67fc7bbb,"
          + " bc1p4qhjn9zdvkux4e44uhx8tc55attvtyu358kutcqkudyccelu0was9fqzwh",
      "m/1/0,"
          + " xpub6GL8SnQwRCGDhB59LEz9HMyM6sRYoByXBzXK3iEKWgCz8XrZNHUzd9L3AUBELW5NzA7dEFvMas1F84TuPH"
          + "3xqdUA5tumaGWFgihJzWytXe3,"
          + " 399f1b2f4393f29a18c937859c5dd8a77350103157eb880f02e8c08214277cef,"
          + " 882d74e5d0572d5a816cef0041a96b6c1de832f6f9676d9605c44d5e9a97d3dc,"
          + " bc1p3qkhfews2uk44qtvauqyr2ttdsw7svhkl9nkm9s9c3x4ax5h60wqwruhk7",
  })
  void accountXpubToP2tr(String path, String childXpub, String internalKey, String outputKey,
      String address) {
    ExtendedKeys account = ExtendedKeys.decode(ACCOUNT_XPUB);
    DerivedKey child =
        Bip32.derive(account.key(), account.chainCode(), DerivationPath.parse(path));
    ExtendedKeys expected = ExtendedKeys.decode(childXpub);
    assertArrayEquals(expected.key(), child.publicKey(), path);
    assertArrayEquals(expected.chainCode(), child.chainCode(), path);

    byte[] internal = Taproot.xOnly(child.publicKey());
    assertEquals(internalKey, HEX.formatHex(internal), path);
    byte[] output = Taproot.outputKey(internal);
    assertEquals(outputKey, HEX.formatHex(output), path);
    assertEquals(address, Taproot.address("bc", internal), path);
    // The BIP's scriptPubKey is OP_1 OP_PUSHBYTES_32 x(Q): the address's witness v1 program.
    Triple<String, Byte, byte[]> program = Bech32.decodeWitnessAddress(address);
    assertEquals((byte) 1, program.getSecond().byteValue());
    assertEquals("5120" + outputKey, "5120" + HEX.formatHex(program.getThird()), path);

    assertEquals(outputKey, HEX.formatHex(KmpTaproot.outputKey(internal)), "bitcoin-kmp");
    assertEquals(address, KmpTaproot.mainnetAddress(internal), "bitcoin-kmp");
  }
}
