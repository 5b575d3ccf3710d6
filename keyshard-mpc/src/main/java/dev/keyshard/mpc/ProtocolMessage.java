package dev.keyshard.mpc;

/** Marker for a protocol's message bodies; each protocol has a sealed sub-interface. */
public interface ProtocolMessage {}
