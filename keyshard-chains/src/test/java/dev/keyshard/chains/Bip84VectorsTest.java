package dev.keyshard.chains;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.secret.InsecureSecretAccess;
import dev.keyshard.crypto.secret.SecretScalar;
import dev.keyshard.vault.hd.Bip32;
import dev.keyshard.vault.hd.DerivationPath;
import dev.keyshard.vault.hd.DerivedKey;
import fr.acinq.bitcoin.Bitcoin;
import fr.acinq.bitcoin.Block;
import fr.acinq.bitcoin.PublicKey;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The test vectors of BIP-84 (bip-0084.mediawiki, "Test vectors"; mnemonic "abandon × 11
 * about"), from its account 0 keys m/84'/0'/0' down the non-hardened steps to 0/0, 0/1 and 1/0.
 */
class Bip84VectorsTest {
  static final String ACCOUNT_ZPRV = "zprvAdG4iTXWBoARxkkzNpNh8r6Qag3irQB8PzEMkAFeTRXxHpbF9z4QgEvBRmfvq"
      + "WvGp42t42nvgGpNgYSJA9iefm1yYNZKEm7z6qUWCroSQnE";
  static final String ACCOUNT_ZPUB = "zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1A"
      + "DqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs";

  /** The public steps from the account zpub: public keys and P2WPKH addresses (BIP-173). */
  @ParameterizedTest
  @CsvSource({
      "m/0/0, 0330d54fd0dd420a6e5f8d3624f5f3482cae350f79d5f0753bf5beef9c2d91af3c,"
          + " bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu",
      "m/0/1, 03e775fd51f0dfb8cd865d9ff1cca2a158cf651fe997fdc9fee9c1d3b5e995ea77,"
          + " bc1qnjg0jd8228aq7egyzacy8cys3knf9xvrerkf9g",
      "m/1/0, 03025324888e429ab8e3dbaf1f7802648b9cd01e9b418485c5fa4c1b9b5700e1a6,"
          + " bc1q8c6fshw2dlwun7ekn9qwf37cu2rn755upcp6el",
  })
  void accountZpubToP2wpkh(String path, String publicKey, String address) {
    ExtendedKeys zpub = ExtendedKeys.decode(ACCOUNT_ZPUB);
    DerivedKey child = Bip32.derive(zpub.key(), zpub.chainCode(), DerivationPath.parse(path));
    assertEquals(publicKey, HexFormat.of().formatHex(child.publicKey()), path);
    assertEquals(address, Chain.BITCOIN.ecdsaAddress(child.publicKey()), path);
    assertEquals(address, Bitcoin.computeP2WpkhAddress(new PublicKey(child.publicKey()),
        Block.LivenetGenesisBlock.hash), "bitcoin-kmp");
  }

  /** k_child = k_account + δ, with δ from the public derivation, gives the BIP's WIF. */
  @ParameterizedTest
  @CsvSource({
      "m/0/0, KyZpNDKnfs94vbrwhJneDi77V6jF64PWPF8x5cdJb8ifgg2DUc9d",
      "m/0/1, Kxpf5b8p3qX56DKEe5NqWbNUP9MnqoRFzZwHRtsFqhzuvUJsYZCy",
      "m/1/0, KxuoxufJL5csa1Wieb2kp29VNdn92Us8CoaUG3aGtPtcF3AzeXvF",
  })
  void privateKeysAreAccountKeyPlusTweak(String path, String wif) throws Exception {
    ExtendedKeys zpub = ExtendedKeys.decode(ACCOUNT_ZPUB);
    DerivedKey child = Bip32.derive(zpub.key(), zpub.chainCode(), DerivationPath.parse(path));
    try (SecretScalar account = SecretScalar.decode(Secp256k1.INSTANCE,
            ExtendedKeys.decode(ACCOUNT_ZPRV).privateKey());
        SecretScalar key = ChildPrivateKeys.derive(account, child)) {
      assertEquals(wif, Wif.encode(Wif.version(Chain.BITCOIN),
          key.toBytes(InsecureSecretAccess.get())));
    }
  }
}
