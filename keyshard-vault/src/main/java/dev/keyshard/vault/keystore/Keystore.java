package dev.keyshard.vault.keystore;

import dev.keyshard.vault.VaultInfo;
import dev.keyshard.vault.vult.VultException;
import dev.keyshard.vault.vult.VultisigVaults;
import dev.keyshard.vault.vult.proto.Vault;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The local keystore: a directory (mode 700) whose {@code vaults/} folder holds one
 * {@link KeystoreFile} per share (mode 600), named by the vault's id and the holder's party, so a
 * keystore may hold several parties' shares of one vault but never the same share twice.
 *
 * <p>Every write is atomic ({@link AtomicFile}) and runs under an exclusive lock on
 * {@code .lock}, so two Keyshard processes cannot interleave. Listing reads only the clear
 * headers: no password, no decryption. The payload is a Vultisig {@code Vault} message, the same
 * that goes inside a {@code .vult} file, so imports and exports are lossless.
 */
public final class Keystore {
  static final String VAULTS = "vaults";
  static final String SUFFIX = ".kss";
  private static final String LOCK = ".lock";

  private final Path home;
  private final Argon2idParameters cost;
  private final SecureRandom rng;

  /** A keystore in {@code home}, created on the first write. */
  public Keystore(Path home) {
    this(home, Argon2idParameters.DEFAULT, new SecureRandom());
  }

  public Keystore(Path home, Argon2idParameters cost, SecureRandom rng) {
    this.home = Objects.requireNonNull(home, "home");
    this.cost = Objects.requireNonNull(cost, "cost");
    this.rng = Objects.requireNonNull(rng, "rng");
  }

  public Path home() {
    return home;
  }

  /** What {@link #list()} found: the readable entries and the files it could not read. */
  public record Listing(List<KeystoreEntry> entries, List<String> unreadable) {}

  /** Every entry, by vault name then reference; no password needed. */
  public Listing list() throws IOException {
    Path dir = home.resolve(VAULTS);
    List<KeystoreEntry> entries = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return new Listing(entries, unreadable);
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      for (Path f : files) {
        try {
          entries.add(new KeystoreEntry(f, KeystoreFile.header(read(f)).vault()));
        } catch (KeystoreException e) {
          unreadable.add(f.getFileName() + ": " + e.getMessage());
        }
      }
    }
    entries.sort(Comparator.comparing((KeystoreEntry e) -> e.vault().name().toLowerCase(Locale.ROOT))
        .thenComparing(KeystoreEntry::ref));
    unreadable.sort(null);
    return new Listing(List.copyOf(entries), List.copyOf(unreadable));
  }

  /**
   * The one entry {@code query} names: a reference ({@code 1a2b3c4d/p1}), a vault name, or a
   * prefix of a vault id (at least 4 hex digits). A vault name or id naming several shares of one
   * vault is ambiguous: the message lists their references.
   *
   * @throws KeystoreException NOT_FOUND or AMBIGUOUS
   */
  public KeystoreEntry find(String query) throws IOException, KeystoreException {
    List<KeystoreEntry> all = list().entries();
    List<KeystoreEntry> hits = new ArrayList<>();
    for (KeystoreEntry e : all) {
      if (e.ref().equals(query)) {
        return e;
      }
    }
    for (KeystoreEntry e : all) {
      if (e.vault().name().equals(query)) {
        hits.add(e);
      }
    }
    String q = query.toLowerCase(Locale.ROOT);
    if (hits.isEmpty() && q.length() >= 4 && q.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      for (KeystoreEntry e : all) {
        if (e.vault().id().startsWith(q)) {
          hits.add(e);
        }
      }
    }
    if (hits.isEmpty()) {
      throw new KeystoreException(KeystoreException.Reason.NOT_FOUND, "no vault '" + query
          + "' in the keystore " + home + (all.isEmpty() ? " (it is empty)" : "; see 'keyshard vault list'"));
    }
    if (hits.size() > 1) {
      List<String> refs = new ArrayList<>();
      hits.forEach(e -> refs.add(e.ref()));
      throw new KeystoreException(KeystoreException.Reason.AMBIGUOUS, "'" + query + "' names "
          + hits.size() + " shares: " + String.join(", ", refs) + "; give one of these");
    }
    return hits.get(0);
  }

  /**
   * Stores a new share, sealed under {@code password}.
   *
   * @param password not wiped
   * @throws KeystoreException DUPLICATE when this party's share of this vault is already here
   *     (nothing is written)
   * @throws VultException when the vault's description cannot be read
   */
  public KeystoreEntry add(Vault vault, char[] password)
      throws IOException, KeystoreException, VultException {
    return add(vault, sealingKey(password));
  }

  /**
   * A key to seal one new share with, derived now at this keystore's cost: derive it while the
   * share is being made, then {@link #add(Vault, SealingKey)}.
   *
   * @param password not wiped
   */
  public SealingKey sealingKey(char[] password) {
    return SealingKey.derive(password, cost, rng);
  }

  /**
   * Stores a new share, sealed under a key from {@link #sealingKey} (wiped, whatever happens).
   *
   * @throws KeystoreException DUPLICATE when this party's share of this vault is already here
   *     (nothing is written)
   */
  public KeystoreEntry add(Vault vault, SealingKey key)
      throws IOException, KeystoreException, VultException {
    VaultInfo info;
    Path file;
    byte[] sealed;
    try {
      info = VultisigVaults.info(vault);
      file = fileFor(info);
      sealed = SealedVault.seal(vault, key, rng);
    } finally {
      key.destroy();
    }
    try (FileChannel ignored = lock()) {
      try {
        AtomicFile.writeNew(file, sealed);
      } catch (FileAlreadyExistsException e) {
        throw new KeystoreException(KeystoreException.Reason.DUPLICATE, "the keystore already holds "
            + "the share of party '" + info.localParty() + "' of vault '" + info.name() + "' ("
            + KeystoreEntry.refOf(info) + ")");
      }
    }
    return new KeystoreEntry(file, info);
  }

  /**
   * Opens an entry's share.
   *
   * @param password not wiped
   * @throws KeystoreException WRONG_PASSWORD, CORRUPT or UNSUPPORTED_VERSION
   */
  public Vault open(KeystoreEntry entry, char[] password) throws IOException, KeystoreException {
    return SealedVault.open(read(entry.file()), password);
  }

  /**
   * Writes back a changed share of the same vault and party (after a refresh, or when a protocol
   * consumed one-time material), atomically: a crash leaves the old share or the new one.
   *
   * @param password not wiped
   * @throws KeystoreException MISMATCH when {@code vault} is another vault or party
   * @throws VultException when the vault's description cannot be read
   */
  public void replace(KeystoreEntry entry, Vault vault, char[] password)
      throws IOException, KeystoreException, VultException {
    VaultInfo info = VultisigVaults.info(vault);
    if (!info.id().equals(entry.vault().id()) || !info.localParty().equals(entry.vault().localParty())) {
      throw new KeystoreException(KeystoreException.Reason.MISMATCH,
          "the new share belongs to another vault or party than " + entry.ref());
    }
    byte[] sealed = SealedVault.seal(vault, password, cost, rng);
    try (FileChannel ignored = lock()) {
      AtomicFile.replace(entry.file(), sealed);
    }
  }

  /** Reads an entry file, refusing anything too large to be one. */
  public static byte[] read(Path file) throws IOException, KeystoreException {
    if (Files.size(file) > KeystoreFile.MAX_BYTES) {
      throw new KeystoreException(KeystoreException.Reason.CORRUPT, "too large to be a share file");
    }
    return Files.readAllBytes(file);
  }

  private Path fileFor(VaultInfo vault) {
    // The party name is hashed, not used as is: Vultisig names ("iPhone 15-5C9") may hold any
    // character, and the file name must be safe on every file system.
    return home.resolve(VAULTS).resolve(vault.id() + "-" + shortHash(vault.localParty()) + SUFFIX);
  }

  /** An exclusive lock on the keystore across processes, released when the channel closes. */
  private FileChannel lock() throws IOException {
    AtomicFile.createDirectories(home.resolve(VAULTS));
    Path lockFile = home.resolve(LOCK);
    if (!Files.exists(lockFile)) {
      try {
        AtomicFile.writeNew(lockFile, new byte[0]);
      } catch (FileAlreadyExistsException raced) {
        // Another process made it first: the same empty file.
      }
    }
    FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE);
    try {
      ch.lock();
      return ch;
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  private static String shortHash(String s) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
