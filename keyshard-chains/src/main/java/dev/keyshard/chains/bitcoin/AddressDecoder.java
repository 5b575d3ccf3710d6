package dev.keyshard.chains.bitcoin;

import dev.keyshard.chains.tx.TransactionException;
import fr.acinq.bitcoin.Base58Check;
import java.util.Locale;
import kotlin.Pair;

/**
 * Reads a recipient address for one network into its output script, or says clearly why not:
 * a wrong checksum, an address of another chain or network, or a type the chain has no standard
 * output for. Witness addresses are bech32 for version 0 and bech32m for version 1 (BIP-173,
 * BIP-350; checked by bitcoin-kmp), legacy ones base58check, Bitcoin Cash's also CashAddr.
 */
final class AddressDecoder {
  private AddressDecoder() {}

  /**
   * @param field the intent field the address came from, for the message
   * @throws TransactionException naming the field and the problem
   */
  static Destination decode(String field, String address, UtxoNetwork network)
      throws TransactionException {
    if (address == null || address.isBlank()) {
      throw new TransactionException("'" + field + "' is needed");
    }
    String a = address.strip();
    if (a.length() > 120) {
      throw new TransactionException("'" + field + "' is too long to be an address");
    }
    if (network.cashAddrPrefix() != null && looksLikeCashAddr(a)) {
      return cashAddr(field, a, network);
    }
    if (looksLikeBech32(a)) {
      return witness(field, a, network);
    }
    return base58(field, a, network);
  }

  private static boolean looksLikeBech32(String a) {
    int sep = a.lastIndexOf('1');
    return sep > 0 && a.length() - sep > 6 && a.substring(0, sep).chars().allMatch(Character::isLetter)
        && a.toLowerCase(Locale.ROOT).matches("[a-z]+1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]+");
  }

  private static boolean looksLikeCashAddr(String a) {
    String l = a.toLowerCase(Locale.ROOT);
    return l.contains(":") || (l.length() == 42 && (l.startsWith("q") || l.startsWith("p"))
        && l.matches("[qpzry9x8gf2tvdw0s3jn54khce6mua7l]+"));
  }

  private static Destination witness(String field, String a, UtxoNetwork network)
      throws TransactionException {
    WitnessAddress.Decoded decoded = WitnessAddress.decode(a);
    if (decoded == null) {
      throw new TransactionException("'" + field + "': " + a + " is not a valid segwit address "
          + "(bad bech32/bech32m checksum or program)");
    }
    String hrp = decoded.hrp();
    if (!hrp.equals(network.hrp())) {
      throw new TransactionException("'" + field + "': " + a + " is " + whoseHrp(hrp)
          + ", not a " + network.describe() + " address");
    }
    int version = decoded.version();
    byte[] program = decoded.program();
    ScriptType type;
    if (version == 0 && program.length == 20) {
      type = ScriptType.P2WPKH;
    } else if (version == 0 && program.length == 32) {
      type = ScriptType.P2WSH;
    } else if (version == 1 && program.length == 32) {
      type = ScriptType.P2TR;
    } else {
      throw new TransactionException("'" + field + "': " + a + " is a witness version " + version
          + " address with a " + program.length + "-byte program, which Keyshard does not pay to "
          + "(it pays to P2PKH, P2SH, P2WPKH, P2WSH and P2TR)");
    }
    return new Destination(type, Destination.script(type, program), a);
  }

  private static Destination base58(String field, String a, UtxoNetwork network)
      throws TransactionException {
    Pair<Byte, byte[]> decoded;
    try {
      decoded = Base58Check.decode(a);
    } catch (RuntimeException e) {
      throw new TransactionException("'" + field + "': " + a + " is not a valid "
          + network.describe() + " address (bad base58 checksum or characters)");
    }
    int version = decoded.getFirst() & 0xff;
    byte[] hash = decoded.getSecond();
    if (hash.length != 20) {
      throw new TransactionException("'" + field + "': " + a + " is not an address (a "
          + hash.length + "-byte payload)");
    }
    ScriptType type;
    if (version == network.p2pkhVersion()) {
      type = ScriptType.P2PKH;
    } else if (network.p2shVersions().contains(version)) {
      type = ScriptType.P2SH;
    } else {
      throw new TransactionException("'" + field + "': " + a + " is " + whoseVersion(version)
          + ", not a " + network.describe() + " address");
    }
    return new Destination(type, Destination.script(type, hash), a);
  }

  private static Destination cashAddr(String field, String a, UtxoNetwork network)
      throws TransactionException {
    CashAddress.Decoded d;
    try {
      d = CashAddress.decode(a, network.cashAddrPrefix());
    } catch (CashAddress.Invalid e) {
      throw new TransactionException("'" + field + "': " + a + " is not a valid "
          + network.describe() + " CashAddr: it " + e.getMessage());
    }
    if (!d.prefix().equals(network.cashAddrPrefix())) {
      throw new TransactionException("'" + field + "': " + a + " has the prefix '" + d.prefix()
          + "', not '" + network.cashAddrPrefix() + "' of " + network.describe());
    }
    ScriptType type = switch (d.version()) {
      case CashAddress.VERSION_P2PKH -> ScriptType.P2PKH;
      case CashAddress.VERSION_P2SH -> ScriptType.P2SH;
      default -> throw new TransactionException("'" + field + "': " + a + " is a CashAddr of "
          + "version " + d.version() + ", which Keyshard does not pay to (P2PKH and P2SH only)");
    };
    return new Destination(type, Destination.script(type, d.hash()), a);
  }

  private static String whoseHrp(String hrp) {
    for (UtxoNetwork n : UtxoNetwork.all()) {
      if (hrp.equals(n.hrp())) {
        return "a " + n.describe() + " address";
      }
    }
    return "an address for another chain (prefix '" + hrp + "')";
  }

  private static String whoseVersion(int version) {
    StringBuilder who = new StringBuilder();
    for (UtxoNetwork n : UtxoNetwork.all()) {
      if (n.p2pkhVersion() == version || n.p2shVersions().contains(version)) {
        if (who.length() > 0) {
          who.append(" or ");
        }
        who.append(n.describe());
      }
    }
    return who.length() == 0 ? "an address of unknown version " + version
        : "an address of " + who;
  }
}
