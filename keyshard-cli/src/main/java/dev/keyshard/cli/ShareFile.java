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
import dev.keyshard.mpc.keys.KeyShare;
import dev.keyshard.mpc.keys.PublicKeyPackage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Share file format, version 1: one party's FROST key share as UTF-8 JSON.
 *
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
 * Decoding checks everything: known version and scheme, canonical encodings, the share matching
 * its verifying share. Files are not yet encrypted at rest (that comes with the vault keystore).
 */
final class ShareFile {
  static final String FORMAT = "keyshard-share";
  static final int VERSION = 1;
  /** Share files are small; anything larger is not one. */
  static final long MAX_BYTES = 64 * 1024;

  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  final Scheme scheme;
  final KeyShare share;

  ShareFile(Scheme scheme, KeyShare share) {
    this.scheme = scheme;
    this.share = share;
  }

  /** The JSON text. Contains the secret share. */
  String toJson() {
    Json j = new Json();
    j.format = FORMAT;
    j.version = VERSION;
    j.scheme = scheme.id;
    PublicKeyPackage pk = share.publicKeys();
    j.threshold = pk.committee().threshold();
    j.parties = new ArrayList<>();
    pk.committee().parties().forEach(p -> j.parties.add(p.value()));
    j.party = share.self().value();
    j.groupKey = hex(pk.groupKey().toBytes());
    j.publicKey = hex(scheme.publicKey(pk.groupKey()));
    j.verifyingShares = new LinkedHashMap<>();
    pk.verifyingShares().forEach((id, p) -> j.verifyingShares.put(Integer.toString(id.value()), hex(p.toBytes())));
    j.signingShare = hex(share.signingShare().toBytes(InsecureSecretAccess.get()));
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
    if (j.scheme == null || j.parties == null || j.verifyingShares == null
        || j.groupKey == null || j.signingShare == null) {
      throw new UserError(name + ": share file is incomplete");
    }
    Scheme scheme = Scheme.parse(j.scheme);
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
  }
}
