package dev.keyshard.vault.vult;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.keyshard.vault.VaultInfo;
import dev.keyshard.vault.VaultKind;
import dev.keyshard.vault.vult.proto.Vault;
import dev.keyshard.vault.vult.proto.VaultContainer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link VultFile} and {@link VultisigVaults} on the four real Vultisig backups, round trips, and
 * every kind of bad input with its reason.
 */
class VultFileTest {
  @ParameterizedTest
  @ValueSource(strings = {"cfa0-share1of2.password.vult", "cfa0-share2of2.vult",
      "44fd-share1of2-server.password.vult", "44fd-share2of2.password.vult"})
  void realBackupsDecodeToTheirExpectedVaults(String file) throws Exception {
    Vault v = Fixtures.vault(file);
    JsonObject e = Fixtures.expected(file.substring(0, 4));
    assertEquals(e.get("name").getAsString(), v.getName());
    assertEquals(e.getAsJsonObject("publicKeys").get("ecdsa").getAsString(), v.getPublicKeyEcdsa());
    assertEquals(e.getAsJsonObject("publicKeys").get("eddsa").getAsString(), v.getPublicKeyEddsa());
    assertEquals(e.get("hexChainCode").getAsString(), v.getHexChainCode());
    List<String> signers = new ArrayList<>();
    e.getAsJsonArray("signers").forEach(s -> signers.add(s.getAsString()));
    assertEquals(signers, v.getSignersList());
    // The expected JSON's createdAt was taken by the SDK's tests a few seconds apart from the
    // file's own timestamp; it only pins the day.
    assertTrue(Math.abs(e.get("createdAt").getAsLong() / 1000 - v.getCreatedAt().getSeconds()) < 120);
    VaultInfo info = VultisigVaults.info(v);
    assertEquals(VaultKind.VULTISIG_DKLS, info.kind());
    assertEquals(2, info.threshold());
    assertTrue(signers.contains(info.localParty()));
    assertEquals(file.contains("password"), VultFile.isEncrypted(Fixtures.text(file)));
  }

  @Test
  void theSampleLocalPartyMatches() throws Exception {
    assertEquals("jp’s MacBook Air-EE5", Fixtures.vault("cfa0-share2of2.vult").getLocalPartyId());
  }

  @Test
  void encodeRoundTripsPlainAndEncrypted() throws Exception {
    Vault v = Fixtures.vault("cfa0-share2of2.vult");
    SecureRandom rng = new SecureRandom();
    String plain = VultFile.encode(v, null, rng);
    assertFalse(VultFile.isEncrypted(plain));
    assertEquals(v, VultFile.decode(plain, null));
    char[] pw = "correct horse".toCharArray();
    String sealed = VultFile.encode(v, pw, rng);
    assertTrue(VultFile.isEncrypted(sealed));
    assertEquals(v, VultFile.decode(sealed, pw));
    // Fresh nonce each time.
    assertFalse(sealed.equals(VultFile.encode(v, pw, rng)));
  }

  @Test
  void badInputIsRefusedWithItsReason() throws Exception {
    String enc = Fixtures.text("cfa0-share1of2.password.vult");
    String plain = Fixtures.text("cfa0-share2of2.vult");
    assertReason(VultException.Reason.WRONG_PASSWORD, enc, "Password123?".toCharArray());
    assertReason(VultException.Reason.PASSWORD_REQUIRED, enc, null);
    assertReason(VultException.Reason.NOT_VULT, "", null);
    assertReason(VultException.Reason.NOT_VULT, "{\"vault\": \"not one\"}", null);
    assertReason(VultException.Reason.NOT_VULT, plain.substring(0, 100) + "%%%", null);
    // Truncated: the inner vault no longer parses (or the container does not).
    VultException t = assertThrows(VultException.class,
        () -> VultFile.decode(plain.substring(0, plain.length() / 2), null));
    assertTrue(t.reason() == VultException.Reason.CORRUPT
        || t.reason() == VultException.Reason.NOT_VULT, t.reason().toString());
    // A flipped bit in the ciphertext: GCM refuses it like a wrong password.
    VaultContainer c = VaultContainer.parseFrom(Base64.getDecoder().decode(enc.strip()));
    byte[] inner = Base64.getDecoder().decode(c.getVault());
    inner[inner.length / 2] ^= 1;
    String flipped = Base64.getEncoder().encodeToString(c.toBuilder()
        .setVault(Base64.getEncoder().encodeToString(inner)).build().toByteArray());
    assertReason(VultException.Reason.WRONG_PASSWORD, flipped, Fixtures.PASSWORD);
    String v2 = Base64.getEncoder().encodeToString(VaultContainer.parseFrom(
        Base64.getDecoder().decode(plain.strip())).toBuilder().setVersion(2).build().toByteArray());
    assertReason(VultException.Reason.UNSUPPORTED_VERSION, v2, null);
    String empty = VultFile.encode(Vault.newBuilder().setName("x").build(), null, new SecureRandom());
    assertReason(VultException.Reason.INCOMPLETE, empty, null);
  }

  @Test
  void messagesNeverQuoteTheFile() throws Exception {
    String enc = Fixtures.text("cfa0-share1of2.password.vult");
    VultException e = assertThrows(VultException.class,
        () -> VultFile.decode(enc, "nope".toCharArray()));
    assertFalse(e.getMessage().contains(enc.substring(0, 16)));
    assertFalse(e.getMessage().contains(HexFormat.of().formatHex(enc.getBytes(), 0, 8)));
  }

  private static void assertReason(VultException.Reason reason, String text, char[] pw) {
    VultException e = assertThrows(VultException.class, () -> VultFile.decode(text, pw));
    assertEquals(reason, e.reason(), e.getMessage());
  }
}
