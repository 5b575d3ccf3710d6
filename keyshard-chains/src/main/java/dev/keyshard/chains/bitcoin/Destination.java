package dev.keyshard.chains.bitcoin;

/**
 * An output's locking script and the address it was written as.
 *
 * @param address as the user gave it (or as Keyshard writes the vault's own)
 */
public record Destination(ScriptType type, byte[] scriptPubKey, String address) {
  public Destination {
    scriptPubKey = scriptPubKey.clone();
  }

  @Override
  public byte[] scriptPubKey() {
    return scriptPubKey.clone();
  }

  /**
   * The script of {@code type} with this 20-byte hash or 32-byte program: P2PKH
   * {@code 76 a9 14 <h> 88 ac}, P2SH {@code a9 14 <h> 87} (BIP-16), P2WPKH {@code 00 14 <h>},
   * P2WSH {@code 00 20 <h>} (BIP-141), P2TR {@code 51 20 <x(Q)>} (BIP-341). Written out here
   * because bitcoin-kmp's pay2sh/pay2wsh take the script to hash, not its hash.
   */
  static byte[] script(ScriptType type, byte[] program) {
    int expected = (type == ScriptType.P2WSH || type == ScriptType.P2TR) ? 32 : 20;
    if (program.length != expected) {
      throw new IllegalArgumentException(type + " needs a " + expected + "-byte program");
    }
    byte[] head;
    byte[] tail;
    switch (type) {
      case P2PKH -> {
        head = new byte[] {0x76, (byte) 0xa9, 0x14};
        tail = new byte[] {(byte) 0x88, (byte) 0xac};
      }
      case P2SH -> {
        head = new byte[] {(byte) 0xa9, 0x14};
        tail = new byte[] {(byte) 0x87};
      }
      case P2WPKH -> {
        head = new byte[] {0x00, 0x14};
        tail = new byte[0];
      }
      case P2WSH -> {
        head = new byte[] {0x00, 0x20};
        tail = new byte[0];
      }
      case P2TR -> {
        head = new byte[] {0x51, 0x20};
        tail = new byte[0];
      }
      default -> throw new AssertionError(type);
    }
    byte[] out = new byte[head.length + program.length + tail.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(program, 0, out, head.length, program.length);
    System.arraycopy(tail, 0, out, head.length + program.length, tail.length);
    return out;
  }
}
