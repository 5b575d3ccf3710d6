package dev.keyshard.vault.keystore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.vault.vult.Fixtures;
import dev.keyshard.vault.vult.VultisigVaults;
import dev.keyshard.vault.vult.proto.Vault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keystore on real Vultisig shares: cfa0 has two parties' shares, 44fd is another vault. */
class KeystoreTest {
  static final char[] PW = KeystoreFileTest.PASSWORD;
  @TempDir Path home;

  private Keystore keystore() {
    return new Keystore(home.resolve("ks"), KeystoreFileTest.CHEAP, new SecureRandom());
  }

  private static Vault cfa0(int share) throws Exception {
    return Fixtures.vault(share == 1 ? "cfa0-share1of2.password.vult" : "cfa0-share2of2.vult");
  }

  @Test
  void anEmptyOrMissingKeystoreListsNothing() throws Exception {
    Keystore ks = keystore();
    assertEquals(List.of(), ks.list().entries());
    KeystoreException e = assertThrows(KeystoreException.class, () -> ks.find("Savings"));
    assertEquals(KeystoreException.Reason.NOT_FOUND, e.reason());
  }

  @Test
  void addListFindOpen() throws Exception {
    Keystore ks = keystore();
    Vault v = cfa0(2);
    KeystoreEntry added = ks.add(v, PW);
    assertEquals(VultisigVaults.info(v), added.vault());
    assertEquals(List.of(added), ks.list().entries());
    assertEquals(added, ks.find(v.getName()));
    assertEquals(added, ks.find(added.vault().id().substring(0, 6)));
    assertEquals(added, ks.find(added.ref()));
    assertEquals(v, ks.open(added, PW));
  }

  /**
   * A key derived ahead of the share (while a vault is being made) seals it as the password
   * would: the entry opens with the password and no other. The key seals one share and is then
   * wiped; it never prints its bytes.
   */
  @Test
  void aSealingKeyDerivedAheadSealsOneShare() throws Exception {
    Keystore ks = keystore();
    SealingKey key = ks.sealingKey(PW);
    assertTrue(key.toString().startsWith("SealingKey[Argon2id"), key.toString());
    Vault v = cfa0(2);
    KeystoreEntry added = ks.add(v, key);
    assertEquals(v, ks.open(added, PW));
    KeystoreException wrong = assertThrows(KeystoreException.class,
        () -> ks.open(added, "another password".toCharArray()));
    assertEquals(KeystoreException.Reason.WRONG_PASSWORD, wrong.reason());
    assertThrows(IllegalStateException.class, () -> ks.add(cfa0(1), key));
    assertEquals(List.of(added), ks.list().entries());
    // A new key seals the next share.
    KeystoreEntry second = ks.add(cfa0(1), ks.sealingKey(PW));
    assertEquals(cfa0(1), ks.open(second, PW));
    assertThrows(IllegalArgumentException.class, () -> ks.sealingKey(new char[0]));
  }

  @Test
  void listingNeedsNoPasswordAndShowsNoShare() throws Exception {
    Keystore ks = keystore();
    KeystoreEntry e = ks.add(cfa0(2), PW);
    byte[] file = Files.readAllBytes(e.file());
    String keyshare = cfa0(2).getKeyShares(0).getKeyshare();
    assertTrue(!new String(file, StandardCharsets.ISO_8859_1).contains(keyshare.substring(0, 40)));
    assertEquals(e.vault(), keystore().list().entries().get(0).vault());
  }

  @Test
  void filesAndDirectoriesAreTheOwnersOnly() throws Exception {
    KeystoreEntry e = keystore().add(cfa0(2), PW);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(e.file())));
    assertEquals("rwx------", PosixFilePermissions.toString(
        Files.getPosixFilePermissions(home.resolve("ks"))));
    assertEquals("rwx------", PosixFilePermissions.toString(
        Files.getPosixFilePermissions(e.file().getParent())));
  }

  @Test
  void theSameShareTwiceIsRefusedAndTheFirstIsKept() throws Exception {
    Keystore ks = keystore();
    KeystoreEntry first = ks.add(cfa0(2), PW);
    byte[] before = Files.readAllBytes(first.file());
    KeystoreException e = assertThrows(KeystoreException.class,
        () -> ks.add(cfa0(2), "other".toCharArray()));
    assertEquals(KeystoreException.Reason.DUPLICATE, e.reason());
    assertArrayEquals(before, Files.readAllBytes(first.file()));
    assertEquals(1, ks.list().entries().size());
    assertNoTemporaryFiles();
  }

  @Test
  void twoPartiesOfOneVaultAreTwoEntriesAndTheNameIsAmbiguous() throws Exception {
    Keystore ks = keystore();
    KeystoreEntry p1 = ks.add(cfa0(1), PW);
    KeystoreEntry p2 = ks.add(cfa0(2), PW);
    ks.add(Fixtures.vault("44fd-share2of2.password.vult"), PW);
    assertEquals(3, ks.list().entries().size());
    KeystoreException e = assertThrows(KeystoreException.class, () -> ks.find(cfa0(1).getName()));
    assertEquals(KeystoreException.Reason.AMBIGUOUS, e.reason());
    assertTrue(e.getMessage().contains(p1.ref()) && e.getMessage().contains(p2.ref()), e.getMessage());
    assertEquals(p2, ks.find(p2.ref()));
  }

  @Test
  void replaceWritesBackTheSameShareAtomically() throws Exception {
    Keystore ks = keystore();
    KeystoreEntry e = ks.add(cfa0(2), PW);
    byte[] before = Files.readAllBytes(e.file());
    ks.replace(e, cfa0(2), "new password".toCharArray());
    assertEquals(cfa0(2), ks.open(e, "new password".toCharArray()));
    KeystoreException wrongParty = assertThrows(KeystoreException.class,
        () -> ks.replace(e, cfa0(1), PW));
    assertEquals(KeystoreException.Reason.MISMATCH, wrongParty.reason());
    assertTrue(!java.util.Arrays.equals(before, Files.readAllBytes(e.file())));
    assertEquals(cfa0(2), ks.open(e, "new password".toCharArray()));
    assertNoTemporaryFiles();
  }

  @Test
  void aWrongPasswordOpensNothing() throws Exception {
    Keystore ks = keystore();
    KeystoreEntry e = ks.add(cfa0(2), PW);
    KeystoreException ex = assertThrows(KeystoreException.class, () -> ks.open(e, "nope".toCharArray()));
    assertEquals(KeystoreException.Reason.WRONG_PASSWORD, ex.reason());
  }

  @Test
  void aDamagedFileIsReportedAndTheOthersStillList() throws Exception {
    Keystore ks = keystore();
    ks.add(cfa0(2), PW);
    Files.write(home.resolve("ks/vaults/junk.kss"), "not an entry".getBytes(StandardCharsets.UTF_8));
    Keystore.Listing l = ks.list();
    assertEquals(1, l.entries().size());
    assertEquals(1, l.unreadable().size());
    assertTrue(l.unreadable().get(0).startsWith("junk.kss"), l.unreadable().get(0));
  }

  /** A header swapped in from another vault's entry does not open: the tag covers it. */
  @Test
  void aHeaderFromAnotherEntryDoesNotOpen() throws Exception {
    Keystore ks = keystore();
    KeystoreEntry a = ks.add(cfa0(1), PW);
    KeystoreEntry b = ks.add(cfa0(2), PW);
    var fa = dev.keyshard.vault.proto.KeystoreFileProto.parseFrom(
        java.util.Arrays.copyOfRange(Files.readAllBytes(a.file()), 5, (int) Files.size(a.file())));
    var fb = dev.keyshard.vault.proto.KeystoreFileProto.parseFrom(
        java.util.Arrays.copyOfRange(Files.readAllBytes(b.file()), 5, (int) Files.size(b.file())));
    byte[] body = fa.toBuilder().setHeader(fb.getHeader()).build().toByteArray();
    byte[] swapped = new byte[5 + body.length];
    System.arraycopy(Files.readAllBytes(a.file()), 0, swapped, 0, 5);
    System.arraycopy(body, 0, swapped, 5, body.length);
    KeystoreException e = assertThrows(KeystoreException.class, () -> SealedVault.open(swapped, PW));
    assertEquals(KeystoreException.Reason.WRONG_PASSWORD, e.reason());
  }

  private void assertNoTemporaryFiles() throws Exception {
    try (var files = Files.list(home.resolve("ks/vaults"))) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")));
    }
  }
}
