package dev.keyshard.cli;

import dev.keyshard.chains.Addresses;
import dev.keyshard.chains.Chain;
import dev.keyshard.node.SessionException;
import dev.keyshard.vault.VaultInfo;
import dev.keyshard.vault.keystore.KeystoreEntry;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** What the multi-device commands print. */
final class Sessions {
  private Sessions() {}

  static String describe(SessionException e) {
    String culprits = e.culprits().isEmpty() ? "" : " [culprit: " + String.join(", ", e.culprits()) + "]";
    return "the session failed: " + e.getMessage() + culprits + "; nothing was stored";
  }

  static void printCreated(PrintWriter out, KeystoreEntry entry, long nanos) {
    VaultInfo v = entry.vault();
    out.printf("Vault '%s' created in %.1f s: %d-of-%d, id %s; this device is %s (keystore: %s)%n",
        v.name(), nanos / 1e9, v.threshold(), v.signers().size(), v.id(), v.localParty(), entry.ref());
    Map<Chain, String> all = Addresses.all(v.publicKeyEcdsa(), v.publicKeyEddsa(), v.chainCode());
    for (Chain c : List.of(Chain.BITCOIN, Chain.ETHEREUM, Chain.SOLANA)) {
      out.printf("  %-9s %s%n", c.displayName(), all.get(c));
    }
    out.flush();
  }
}
