package dev.keyshard.chains.solana;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A System Program transfer in a legacy Solana message, and its bytes (the Ed25519 message).
 *
 * <p>Layout (Solana "Transactions" docs; solana-message {@code legacy::Message}): the header
 * [signatures required, read-only signed, read-only unsigned], the account keys as a compact-u16
 * array, the 32-byte recent blockhash, and the instructions as a compact-u16 array of (program
 * id index, compact-u16 account indexes, compact-u16 data).
 *
 * <p>Order, kept byte for byte as Trust Wallet Core compiles the same transfer (the Vultisig apps
 * build Solana transactions with it, though as v0 messages): instructions
 * SetComputeUnitPrice, SetComputeUnitLimit (each only when asked), then the transfer; accounts in
 * order of first use within each header group — fee payer (signer, writable), recipient
 * (writable), then the read-only programs: Compute Budget before System. The legacy format lets
 * the read-only group come in any order (instructions name accounts by index); Solana's Rust SDK
 * and {@code @solana/kit} would sort it (System first), which is equally valid.
 *
 * @param payer the vault: fee payer, signer and source of the lamports
 * @param lamports the amount, an unsigned 64-bit number
 * @param microLamportsPerUnit the priority fee, or null for none
 * @param computeUnitLimit the compute-unit limit, or null for the runtime's default
 */
record SolanaTransfer(SolanaAddress payer, SolanaAddress recipient, BigInteger lamports,
    byte[] recentBlockhash, BigInteger microLamportsPerUnit, Integer computeUnitLimit) {
  /** System Program instruction 2: Transfer { lamports: u64 } (bincode: u32 LE tag). */
  private static final int SYSTEM_TRANSFER = 2;
  /** Compute Budget instruction 2: SetComputeUnitLimit(u32). */
  private static final byte SET_COMPUTE_UNIT_LIMIT = 2;
  /** Compute Budget instruction 3: SetComputeUnitPrice(u64 micro-lamports). */
  private static final byte SET_COMPUTE_UNIT_PRICE = 3;

  SolanaTransfer {
    Objects.requireNonNull(payer, "payer");
    Objects.requireNonNull(recipient, "recipient");
    if (lamports.signum() < 0 || lamports.bitLength() > 64) {
      throw new IllegalArgumentException("lamports must be a u64");
    }
    if (recentBlockhash.length != 32) {
      throw new IllegalArgumentException("a blockhash is 32 bytes");
    }
    recentBlockhash = recentBlockhash.clone();
    if (microLamportsPerUnit != null
        && (microLamportsPerUnit.signum() < 0 || microLamportsPerUnit.bitLength() > 64)) {
      throw new IllegalArgumentException("the compute-unit price must be a u64");
    }
  }

  @Override
  public byte[] recentBlockhash() {
    return recentBlockhash.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SolanaTransfer t && payer.equals(t.payer) && recipient.equals(t.recipient)
        && lamports.equals(t.lamports) && Arrays.equals(recentBlockhash, t.recentBlockhash)
        && Objects.equals(microLamportsPerUnit, t.microLamportsPerUnit)
        && Objects.equals(computeUnitLimit, t.computeUnitLimit);
  }

  @Override
  public int hashCode() {
    return Objects.hash(payer, recipient, lamports, Arrays.hashCode(recentBlockhash));
  }

  @Override
  public String toString() {
    return "SolanaTransfer[" + lamports + " lamports " + payer + " -> " + recipient + "]";
  }

  /** True when the message has Compute Budget instructions. */
  boolean hasComputeBudget() {
    return microLamportsPerUnit != null || computeUnitLimit != null;
  }

  /** The account keys, in message order. */
  List<SolanaAddress> accountKeys() {
    List<SolanaAddress> keys = new ArrayList<>();
    keys.add(payer);
    if (!recipient.equals(payer)) {
      keys.add(recipient);
    }
    if (hasComputeBudget()) {
      keys.add(SolanaAddress.COMPUTE_BUDGET_PROGRAM);
    }
    keys.add(SolanaAddress.SYSTEM_PROGRAM);
    return keys;
  }

  /** The message bytes the vault signs. */
  byte[] messageBytes() {
    List<SolanaAddress> keys = accountKeys();
    int readOnlyUnsigned = hasComputeBudget() ? 2 : 1;
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.write(1); // one signature: the payer's
    out.write(0); // no read-only signers
    out.write(readOnlyUnsigned);
    ShortVec.write(out, keys.size());
    for (SolanaAddress k : keys) {
      out.writeBytes(k.bytes());
    }
    out.writeBytes(recentBlockhash);

    List<byte[]> instructions = new ArrayList<>();
    int computeBudget = keys.indexOf(SolanaAddress.COMPUTE_BUDGET_PROGRAM);
    if (microLamportsPerUnit != null) {
      instructions.add(instruction(computeBudget, new int[0],
          tagged(SET_COMPUTE_UNIT_PRICE, microLamportsPerUnit.longValue(), Long.BYTES)));
    }
    if (computeUnitLimit != null) {
      instructions.add(instruction(computeBudget, new int[0],
          tagged(SET_COMPUTE_UNIT_LIMIT, computeUnitLimit, Integer.BYTES)));
    }
    ByteBuffer transfer = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    transfer.putInt(SYSTEM_TRANSFER).putLong(lamports.longValue());
    instructions.add(instruction(keys.indexOf(SolanaAddress.SYSTEM_PROGRAM),
        new int[] {keys.indexOf(payer), keys.indexOf(recipient)}, transfer.array()));

    ShortVec.write(out, instructions.size());
    instructions.forEach(out::writeBytes);
    return out.toByteArray();
  }

  private static byte[] instruction(int programIndex, int[] accounts, byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(programIndex);
    ShortVec.write(out, accounts.length);
    for (int a : accounts) {
      out.write(a);
    }
    ShortVec.write(out, data.length);
    out.writeBytes(data);
    return out.toByteArray();
  }

  /** A one-byte tag followed by {@code width} little-endian bytes of {@code value}. */
  private static byte[] tagged(byte tag, long value, int width) {
    ByteBuffer b = ByteBuffer.allocate(1 + width).order(ByteOrder.LITTLE_ENDIAN);
    b.put(tag);
    if (width == Long.BYTES) {
      b.putLong(value);
    } else {
      b.putInt((int) value);
    }
    return b.array();
  }
}
