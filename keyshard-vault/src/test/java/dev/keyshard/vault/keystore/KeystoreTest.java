package dev.keyshard.vault.keystore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.vault.VaultInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystoreTest {
  @TempDir Path home;

  private Keystore keystore() {
    return new Keystore(home.resolve("ks"), KeystoreFileTest.CHEAP, new SecureRandom());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
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
    VaultInfo v = KeystoreFileTest.info("Savings", "p1");
    KeystoreEntry added = ks.add(v, bytes("share one"), KeystoreFileTest.PASSWORD);
    assertEquals(List.of(added), ks.list().entries());
    assertEquals(added, ks.find("Savings"));
    assertEquals(added, ks.find(v.id().substring(0, 6)));
    assertEquals(added, ks.find(added.ref()));
    assertArrayEquals(bytes("share one"), ks.open(added, KeystoreFileTest.PASSWORD));
  }

  @Test
  void filesAndDirectoriesAreTheOwnersOnly() throws Exception {
    Keystore ks = keystore();
    KeystoreEntry e = ks.add(KeystoreFileTest.info("Savings", "p1"), bytes("s"), KeystoreFileTest.PASSWORD);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(e.file())));
    assertEquals("rwx------", PosixFilePermissions.toString(
        Files.getPosixFilePermissions(home.resolve("ks"))));
    assertEquals("rwx------", PosixFilePermissions.toString(
        Files.getPosixFilePermissions(e.file().getParent())));
  }

  @Test
  void theSameShareTwiceIsRefusedAndTheFirstIsKept() throws Exception {
    Keystore ks = keystore();
    VaultInfo v = KeystoreFileTest.info("Savings", "p1");
    KeystoreEntry first = ks.add(v, bytes("share one"), KeystoreFileTest.PASSWORD);
    byte[] before = Files.readAllBytes(first.file());
    KeystoreException e = assertThrows(KeystoreException.class,
        () -> ks.add(v, bytes("another"), "other".toCharArray()));
    assertEquals(KeystoreException.Reason.DUPLICATE, e.reason());
    assertArrayEquals(before, Files.readAllBytes(first.file()));
    assertEquals(1, ks.list().entries().size());
    assertNoTemporaryFiles();
  }

  @Test
  void twoPartiesOfOneVaultAreTwoEntriesAndTheNameIsAmbiguous() throws Exception {
    Keystore ks = keystore();
    KeystoreEntry p1 = ks.add(KeystoreFileTest.info("Savings", "p1"), bytes("a"), KeystoreFileTest.PASSWORD);
    KeystoreEntry p2 = ks.add(KeystoreFileTest.info("Savings", "p2"), bytes("b"), KeystoreFileTest.PASSWORD);
    KeystoreException e = assertThrows(KeystoreException.class, () -> ks.find("Savings"));
    assertEquals(KeystoreException.Reason.AMBIGUOUS, e.reason());
    assertTrue(e.getMessage().contains(p1.ref()) && e.getMessage().contains(p2.ref()), e.getMessage());
    assertEquals(p2, ks.find(p2.ref()));
  }

  @Test
  void replaceWritesBackTheSameShareAtomically() throws Exception {
    Keystore ks = keystore();
    VaultInfo v = KeystoreFileTest.info("Savings", "p1");
    KeystoreEntry e = ks.add(v, bytes("old"), KeystoreFileTest.PASSWORD);
    ks.replace(e, v, bytes("new"), KeystoreFileTest.PASSWORD);
    assertArrayEquals(bytes("new"), ks.open(e, KeystoreFileTest.PASSWORD));
    KeystoreException wrong = assertThrows(KeystoreException.class,
        () -> ks.replace(e, KeystoreFileTest.info("Savings", "p2"), bytes("x"), KeystoreFileTest.PASSWORD));
    assertEquals(KeystoreException.Reason.MISMATCH, wrong.reason());
    assertArrayEquals(bytes("new"), ks.open(e, KeystoreFileTest.PASSWORD));
    assertNoTemporaryFiles();
  }

  @Test
  void aDamagedFileIsReportedAndTheOthersStillList() throws Exception {
    Keystore ks = keystore();
    ks.add(KeystoreFileTest.info("Savings", "p1"), bytes("a"), KeystoreFileTest.PASSWORD);
    Files.write(home.resolve("ks/vaults/junk.kss"), bytes("not an entry"));
    Keystore.Listing l = ks.list();
    assertEquals(1, l.entries().size());
    assertEquals(1, l.unreadable().size());
    assertTrue(l.unreadable().get(0).startsWith("junk.kss"), l.unreadable().get(0));
  }

  private void assertNoTemporaryFiles() throws Exception {
    try (var files = Files.list(home.resolve("ks/vaults"))) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")));
    }
  }
}
