/** Talking to chain nodes: reading nonces and unspent outputs, broadcasting, honest errors. */
package dev.keyshard.chains.rpc;
