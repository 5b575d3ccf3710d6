package dev.keyshard.chains;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The TON address of a wallet v4r2 contract for an Ed25519 key, as Vultisig derives it: the
 * representation hash of its StateInit cell (TON whitepaper/tblkch §3.1, "cell representation";
 * TL-B {@code StateInit}), shown in the user-friendly form: flag 0x51 (non-bounceable, mainnet),
 * workchain 0, the hash, CRC16-XMODEM, base64url.
 *
 * <p>A cell's representation hash is SHA-256(d1 ‖ d2 ‖ data padded with a completion tag ‖ each
 * child's depth (2 bytes) ‖ each child's hash), with d1 = number of references (ordinary cell,
 * level 0) and d2 = ⌊bits/8⌋ + ⌈bits/8⌉.
 */
final class TonWallet {
  /**
   * The wallet v4r2 code cell: its representation hash and depth (the code is public and fixed;
   * its hash is the one TON explorers list for v4r2). Both are pinned by the two Vultisig fixture
   * vaults' Ton addresses in {@code AddressesVectorsTest}.
   */
  static final byte[] V4R2_CODE_HASH = HexFormat.of().parseHex(
      "feb5ff6820e2ff0d9483e7e0d62c817d846789fb4ae580c878866d959dabd5c0");
  static final int V4R2_CODE_DEPTH = 7;
  /** wallet_id of v4r2 on workchain 0: 698983191 = 0x29a9a317 (the TON wallet default). */
  static final int WALLET_ID = 698983191;

  private TonWallet() {}

  static String address(byte[] publicKey) {
    return address(publicKey, V4R2_CODE_DEPTH);
  }

  static String address(byte[] publicKey, int codeDepth) {
    byte[] stateInit = stateInitHash(publicKey, codeDepth);
    ByteBuffer b = ByteBuffer.allocate(36);
    b.put((byte) 0x51).put((byte) 0).put(stateInit);
    b.putShort((short) crc16(b.array(), 34));
    return Base64.getUrlEncoder().encodeToString(b.array());
  }

  /** StateInit: no split_depth, no special, code and data present, no library: bits 00110. */
  static byte[] stateInitHash(byte[] publicKey, int codeDepth) {
    byte[] data = dataCellHash(publicKey);
    ByteBuffer r = ByteBuffer.allocate(2 + 1 + 4 + 64);
    r.put((byte) 2).put((byte) 1).put((byte) 0b0011_0100); // 5 bits 00110, tag 1, pad 00
    r.putShort((short) codeDepth).putShort((short) 0);
    r.put(V4R2_CODE_HASH).put(data);
    return Hashes.sha256(r.array());
  }

  /** Data: seqno 0 (32 bits), wallet_id (32), public key (256), empty plugins dict (1 bit 0). */
  static byte[] dataCellHash(byte[] publicKey) {
    ByteBuffer r = ByteBuffer.allocate(2 + 41);
    r.put((byte) 0).put((byte) (40 + 41)); // no refs; 321 bits: ⌊321/8⌋ + ⌈321/8⌉
    r.putInt(0).putInt(WALLET_ID).put(publicKey);
    r.put((byte) 0b0100_0000); // the dict bit 0, completion tag 1, zeros
    return Hashes.sha256(r.array());
  }

  /** CRC-16/XMODEM (poly 0x1021, init 0) of the first {@code n} bytes. */
  static int crc16(byte[] in, int n) {
    int crc = 0;
    for (int i = 0; i < n; i++) {
      crc ^= (in[i] & 0xff) << 8;
      for (int k = 0; k < 8; k++) {
        crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
      }
    }
    return crc & 0xffff;
  }
}
