package dev.keyshard.chains.rpc;

import dev.keyshard.chains.tx.DisplayText;

/**
 * A node refused a call: its JSON-RPC error code (or HTTP status), its own reason and, when it
 * sent one, the error's {@code data} member (e.g. a Solana preflight's program logs).
 */
public final class RpcException extends Exception {
  private final int code;
  private final String data;

  public RpcException(int code, String reason) {
    this(code, reason, null);
  }

  /** @param data the error object's {@code data} member as JSON text, or null */
  public RpcException(int code, String reason, String data) {
    // The node's words reach the user's terminal: no escape sequence or bidi trick gets through.
    super(DisplayText.escape(reason));
    this.code = code;
    this.data = DisplayText.escape(data);
  }

  public int code() {
    return code;
  }

  /** The error's {@code data} member as JSON text, or null when the node sent none. */
  public String data() {
    return data;
  }
}
