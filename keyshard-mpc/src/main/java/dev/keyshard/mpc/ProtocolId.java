package dev.keyshard.mpc;

/** The protocols Keyshard runs; bound into every envelope and transcript. */
public enum ProtocolId {
  FROST_DKG,
  FROST_SIGN,
  DKLS23_KEYGEN,
  DKLS23_SIGN;
}
