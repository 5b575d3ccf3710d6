/** Shared helpers for Keyshard's own modules. Not API: may change without notice. */
package dev.keyshard.crypto.internal;
