package dev.keyshard.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One device for a test: this program in its own JVM (as {@code keyshard demo} starts them), with
 * its own keystore and password file, its output and errors in files. Every wait is bounded; a
 * device that overstays is killed and the test fails with what it printed.
 */
final class DeviceProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path out;
  private final Path err;

  private DeviceProcess(String name, Process process, Path out, Path err) {
    this.name = name;
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /** Starts {@code keyshard ARGS --home HOME --password-file PW}; output goes under {@code dir}. */
  static DeviceProcess start(Path dir, String name, Path home, Path pw, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // One GC thread: the machine is small and several devices share it.
        "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    cmd.addAll(List.of("--home", home.toString(), "--password-file", pw.toString()));
    Path o = dir.resolve(name + ".out");
    Path e = dir.resolve(name + ".err");
    Process p = new ProcessBuilder(cmd).redirectOutput(o.toFile()).redirectError(e.toFile()).start();
    p.getOutputStream().close(); // no terminal: --yes or nothing
    return new DeviceProcess(name, p, o, e);
  }

  /** Waits for the exit, at most {@code seconds}; kills the device and fails the test on overstay. */
  int awaitExit(long seconds) throws Exception {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      fail(name + " did not exit within " + seconds + " s; stderr:\n" + err());
    }
    return process.exitValue();
  }

  /** Waits until {@code file} exists (e.g. a join code), at most {@code seconds}. */
  String awaitFile(Path file, long seconds) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!Files.exists(file)) {
      if (!process.isAlive()) {
        fail(name + " exited (" + process.exitValue() + ") before writing " + file + "; stderr:\n" + err());
      }
      if (System.nanoTime() > until) {
        kill();
        fail(name + " wrote no " + file.getFileName() + " within " + seconds + " s; stderr:\n" + err());
      }
      Thread.sleep(20);
    }
    return Files.readString(file, StandardCharsets.UTF_8).strip();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Kills the JVM at once (SIGKILL): no shutdown hooks, no goodbye to the relay. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }

  String out() throws IOException {
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  String err() throws IOException {
    return Files.readString(err, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
