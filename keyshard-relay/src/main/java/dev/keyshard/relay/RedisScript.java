package dev.keyshard.relay;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One Lua script of {@link RedisRelayStore}, run with EVALSHA and, when Redis does not know it
 * (first use, a restart, SCRIPT FLUSH), with EVAL, which also caches it. Redis runs a script
 * as one step: no other command, from any relay instance, runs in between.
 */
final class RedisScript {
  private static final String FOLDER = "redis/";
  private final String source;
  private final String sha1;

  private RedisScript(String source) {
    this.source = source;
    this.sha1 = sha1Hex(source);
  }

  /** The script {@code name}, after the session helpers every script may call. */
  static RedisScript load(String name) {
    return new RedisScript(resource("touch-session.lua") + "\n" + resource(name));
  }

  <T> T run(RedisCommands<String, String> redis, ScriptOutputType type, String[] keys,
      String... args) {
    try {
      return redis.evalsha(sha1, type, keys, args);
    } catch (RedisNoScriptException e) {
      return redis.eval(source, type, keys, args);
    }
  }

  private static String resource(String name) {
    try (InputStream in = RedisScript.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalStateException("missing relay script " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read relay script " + name, e);
    }
  }

  private static String sha1Hex(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
