/**
 * The relay: an HTTP message server with Vultisig's relay API, storing end-to-end-encrypted
 * messages in memory (with TTL expiry) or in Redis for several instances, and its client. It never
 * sees a protocol message in the clear and knows nothing of their contents.
 */
package dev.keyshard.relay;
