package dev.keyshard.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.annotations.SerializedName;
import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.InvalidEncodingException;
import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.secret.InsecureSecretAccess;
import dev.keyshard.crypto.secret.SecretScalar;
import dev.keyshard.mpc.Committee;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.dkls23.Dkls23KeyShare;
import dev.keyshard.mpc.dkls23.Dkls23KeyShareCodec;
import dev.keyshard.mpc.keys.KeyShare;
import dev.keyshard.mpc.keys.PublicKeyPackage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Share file format, version 1: one party's key share as UTF-8 JSON. Also the CLI's in-memory
 * form of a share: the scheme with a FROST {@link KeyShare} or a DKLs23 {@link Dkls23KeyShare}.
 *
 * <p>FROST schemes (ed25519, bip340):
 * <pre>
 * {
 *   "format": "keyshard-share", "version": 1,
 *   "scheme": "ed25519" | "bip340",
 *   "threshold": t, "parties": [ids…], "party": id,
 *   "groupKey": hex (group element: 32-byte Ed25519 / 33-byte SEC1 secp256k1),
 *   "publicKey": hex (the scheme's public key: Ed25519 32 bytes, BIP-340 x-only 32 bytes),
 *   "verifyingShares": { "id": hex, … },
 *   "signingShare": hex (canonical scalar; SECRET)
 * }
 * </pre>
 *
 * <p>Threshold ECDSA (DKLs23 over secp256k1):
 * <pre>
 * {
 *   "format": "keyshard-share", "version": 1,
 *   "scheme": "ecdsa",
 *   "threshold": t, "parties": [ids…], "party": id,
 *   "groupKey": hex (33-byte compressed SEC1 secp256k1 point P),
 *   "publicKey": hex (the ECDSA public key: the same 33-byte compressed P),
 *   "chainCode": hex (32-byte BIP-32 chain code from key generation; public),
 *   "dkls23Share": base64 (standard, padded) of the Dkls23KeyShareCodec protobuf encoding, which
 *                  holds the signing share, verifying shares, keygen id, chain code and the
 *                  per-peer zero-share seeds and OT extension setups (SECRET)
 * }
 * </pre>
 * The envelope fields of an ecdsa file repeat public parts of {@code dkls23Share} for people and
 * tools; decoding requires them to match it exactly. An ecdsa file has no {@code verifyingShares}
 * or {@code signingShare}, and a FROST file no {@code chainCode} or {@code dkls23Share}.
 *
 * <p>Decoding checks everything: known version and scheme, canonical encodings, the share matching
 * its verifying share (for ecdsa, the codec's strict checks). Errors never include secret
 * material. Files are not yet encrypted at rest (that comes with the vault keystore).
 */
final class ShareFile {
  static final String FORMAT = "keyshard-share";
  static final int VERSION = 1;
  /**
   * Share files are small (a DKLs23 share with 15 peers carries their OT setups, a few hundred
   * KB); anything larger than the codec's limit in base64 plus the envelope is not one.
   */
  static final long MAX_BYTES = Dkls23KeyShareCodec.MAX_BYTES / 3 * 4 + 64 * 1024;

  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  final Scheme scheme;
  /** The FROST share; null for ecdsa. */
  final KeyShare share;
  /** The DKLs23 share; null for the FROST schemes. */
  final Dkls23KeyShare ecdsaShare;

  /** A FROST share (ed25519 or bip340). */
  ShareFile(Scheme scheme, KeyShare share) {
    if (!scheme.isFrost()) {
      throw new IllegalArgumentException(scheme + " shares are not FROST key shares");
    }
    this.scheme = scheme;
    this.share = Objects.requireNonNull(share, "share");
    this.ecdsaShare = null;
  }

  /** A DKLs23 (ecdsa) share. */
  ShareFile(Dkls23KeyShare share) {
    this.scheme = Scheme.ECDSA;
    this.share = null;
    this.ecdsaShare = Objects.requireNonNull(share, "share");
  }

  PartyId self() {
    return scheme.isFrost() ? share.self() : ecdsaShare.self();
  }

  /** Group key, committee and verifying shares. */
  PublicKeyPackage publicKeys() {
    return scheme.isFrost() ? share.publicKeys() : ecdsaShare.publicKeys();
  }

  /** The scheme's encoding of the public key. */
  byte[] publicKey() {
    return scheme.publicKey(publicKeys().groupKey());
  }

  /** The JSON text. Contains the secret share. */
  String toJson() {
    Json j = new Json();
    j.format = FORMAT;
    j.version = VERSION;
    j.scheme = scheme.id;
    PublicKeyPackage pk = publicKeys();
    j.threshold = pk.committee().threshold();
    j.parties = new ArrayList<>();
    pk.committee().parties().forEach(p -> j.parties.add(p.value()));
    j.party = self().value();
    j.groupKey = hex(pk.groupKey().toBytes());
    j.publicKey = hex(publicKey());
    if (scheme.isFrost()) {
      j.verifyingShares = new LinkedHashMap<>();
      pk.verifyingShares().forEach((id, p) -> j.verifyingShares.put(Integer.toString(id.value()), hex(p.toBytes())));
      j.signingShare = hex(share.signingShare().toBytes(InsecureSecretAccess.get()));
    } else {
      j.chainCode = hex(ecdsaShare.chainCode());
      byte[] encoded = Dkls23KeyShareCodec.encode(ecdsaShare, InsecureSecretAccess.get());
      j.dkls23Share = Base64.getEncoder().encodeToString(encoded);
      Arrays.fill(encoded, (byte) 0);
    }
    return GSON.toJson(j) + "\n";
  }

  static ShareFile read(Path path) {
    try {
      if (!Files.isRegularFile(path)) {
        throw new UserError(path + ": no such share file");
      }
      if (Files.size(path) > MAX_BYTES) {
        throw new UserError(path + ": too large to be a share file");
      }
      return parse(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UserError(path + ": cannot read (" + e.getMessage() + ")");
    }
  }

  static ShareFile parse(String name, String text) {
    Json j;
    try {
      j = GSON.fromJson(text, Json.class);
    } catch (JsonParseException e) {
      throw new UserError(name + ": not a Keyshard share file (invalid JSON)");
    }
    if (j == null || !FORMAT.equals(j.format)) {
      throw new UserError(name + ": not a Keyshard share file");
    }
    if (j.version != VERSION) {
      throw new UserError(name + ": unsupported share file version " + j.version + " (this build reads " + VERSION + ")");
    }
    if (j.scheme == null) {
      throw new UserError(name + ": share file is incomplete");
    }
    Scheme scheme = Scheme.parse(j.scheme);
    return scheme.isFrost() ? parseFrost(name, scheme, j) : parseEcdsa(name, j);
  }

  private static ShareFile parseFrost(String name, Scheme scheme, Json j) {
    if (j.parties == null || j.verifyingShares == null || j.groupKey == null || j.signingShare == null) {
      throw new UserError(name + ": share file is incomplete");
    }
    if (j.chainCode != null || j.dkls23Share != null) {
      throw new UserError(name + ": corrupt share file (ecdsa fields in a " + scheme.id + " share)");
    }
    Group group = scheme.group();
    try {
      List<PartyId> ids = new ArrayList<>();
      for (int id : j.parties) {
        ids.add(PartyId.of(id));
      }
      Committee committee = Committee.of(j.threshold, ids);
      Map<PartyId, Point> verifying = new TreeMap<>();
      for (Map.Entry<String, String> e : j.verifyingShares.entrySet()) {
        verifying.put(PartyId.of(parseId(e.getKey())), group.decodePoint(unhex(e.getValue())));
      }
      PublicKeyPackage pk = new PublicKeyPackage(group, committee, group.decodePoint(unhex(j.groupKey)), verifying);
      if (j.publicKey != null && !j.publicKey.equals(hex(scheme.publicKey(pk.groupKey())))) {
        throw new InvalidEncodingException("publicKey does not match groupKey");
      }
      SecretScalar s = SecretScalar.decode(group, unhex(j.signingShare));
      return new ShareFile(scheme, new KeyShare(PartyId.of(j.party), s, pk));
    } catch (InvalidEncodingException | IllegalArgumentException e) {
      throw new UserError(name + ": corrupt share file (" + safeDetail(e) + ")");
    }
  }

  /**
   * Decodes the DKLs23 share strictly (the codec's checks), then requires every envelope field to
   * match it: a file whose readable fields disagree with its secret part is not trusted.
   */
  private static ShareFile parseEcdsa(String name, Json j) {
    if (j.parties == null || j.groupKey == null || j.publicKey == null || j.chainCode == null
        || j.dkls23Share == null) {
      throw new UserError(name + ": share file is incomplete");
    }
    if (j.verifyingShares != null || j.signingShare != null) {
      throw new UserError(name + ": corrupt share file (FROST fields in an ecdsa share)");
    }
    byte[] encoded;
    try {
      encoded = Base64.getDecoder().decode(j.dkls23Share);
    } catch (IllegalArgumentException e) {
      // The message of a Base64 failure quotes the offending character: say nothing of it.
      throw new UserError(name + ": corrupt share file (dkls23Share is not valid base64)");
    }
    Dkls23KeyShare share;
    try {
      share = Dkls23KeyShareCodec.decode(encoded, InsecureSecretAccess.get());
    } catch (InvalidEncodingException e) {
      throw new UserError(name + ": corrupt share file (dkls23Share: " + safeDetail(e) + ")");
    } finally {
      Arrays.fill(encoded, (byte) 0);
    }
    try {
      List<Integer> parties = new ArrayList<>();
      share.committee().parties().forEach(p -> parties.add(p.value()));
      byte[] groupKey = share.publicKey().toBytes();
      if (j.threshold != share.committee().threshold() || !parties.equals(j.parties)
          || j.party != share.self().value()) {
        throw new InvalidEncodingException("threshold, parties or party do not match dkls23Share");
      }
      if (!Arrays.equals(unhex(j.groupKey), groupKey)) {
        throw new InvalidEncodingException("groupKey does not match dkls23Share");
      }
      if (!Arrays.equals(unhex(j.publicKey), Scheme.ECDSA.publicKey(share.publicKey()))) {
        throw new InvalidEncodingException("publicKey does not match dkls23Share");
      }
      if (!Arrays.equals(unhex(j.chainCode), share.chainCode())) {
        throw new InvalidEncodingException("chainCode does not match dkls23Share");
      }
    } catch (InvalidEncodingException e) {
      share.destroy();
      throw new UserError(name + ": corrupt share file (" + safeDetail(e) + ")");
    }
    return new ShareFile(share);
  }

  private static int parseId(String s) throws InvalidEncodingException {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new InvalidEncodingException("party id '" + s + "' is not a number");
    }
  }

  /** Exception details never include the share; these messages come from our own decoders. */
  private static String safeDetail(Exception e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  /** Hex without echoing the input back: it may be the secret share. */
  private static byte[] unhex(String s) throws InvalidEncodingException {
    try {
      return HexFormat.of().parseHex(s);
    } catch (IllegalArgumentException e) {
      throw new InvalidEncodingException("invalid hex");
    }
  }

  /** The JSON shape; field names are the format. */
  private static final class Json {
    String format;
    int version;
    String scheme;
    int threshold;
    List<Integer> parties;
    int party;
    @SerializedName("groupKey") String groupKey;
    @SerializedName("publicKey") String publicKey;
    Map<String, String> verifyingShares;
    String signingShare;
    String chainCode;
    String dkls23Share;
  }
}
