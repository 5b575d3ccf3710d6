package dev.keyshard.chains.rpc;

/** A node refused a call: its JSON-RPC error code (or HTTP status) and its own reason. */
public final class RpcException extends Exception {
  private final int code;

  public RpcException(int code, String reason) {
    super(reason);
    this.code = code;
  }

  public int code() {
    return code;
  }
}
