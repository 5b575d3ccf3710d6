package dev.keyshard.chains.rpc;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Parses a node's URL without ever repeating it in an error: it may carry a password
 * ({@code http://user:pass@host:port}), and {@link URI#create}'s message quotes the whole input.
 */
public final class NodeUrl {
  private NodeUrl() {}

  /**
   * @throws IllegalArgumentException saying what is wrong and where, without the URL's text
   */
  public static URI parse(String url) {
    try {
      return new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("the node URL is not a valid URL: " + e.getReason()
          + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : "")
          + " (special characters in a password must be %-encoded)");
    }
  }
}
