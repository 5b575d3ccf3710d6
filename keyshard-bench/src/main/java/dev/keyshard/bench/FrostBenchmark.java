package dev.keyshard.bench;

import dev.keyshard.crypto.group.Ed25519;
import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.mpc.frost.Ed25519Sha512;
import dev.keyshard.mpc.frost.FrostCiphersuite;
import dev.keyshard.mpc.frost.Secp256k1Tr;
import dev.keyshard.mpc.frost.Signature;
import dev.keyshard.mpc.keys.KeyShare;
import dev.keyshard.mpc.local.FrostLocal;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * FROST DKG and signing, all parties in one thread through the wire codecs — the same shape in
 * which ../shared/peers measures tss-frost-lib and Vultisig's vs_schnorr_wasm.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FrostBenchmark {
  @Param({"ed25519", "bip340"})
  public String scheme;

  @Param({"2-of-3", "3-of-5"})
  public String shape;

  private Group group;
  private FrostCiphersuite suite;
  private int t;
  private int n;
  private List<KeyShare> signers;
  private final SecureRandom rng = new SecureRandom();
  private final byte[] message = new byte[32];

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    boolean ed = scheme.equals("ed25519");
    group = ed ? Ed25519.INSTANCE : Secp256k1.INSTANCE;
    suite = ed ? Ed25519Sha512.INSTANCE : Secp256k1Tr.INSTANCE;
    String[] tn = shape.split("-of-");
    t = Integer.parseInt(tn[0]);
    n = Integer.parseInt(tn[1]);
    signers = FrostLocal.keygen(group, t, n, rng).shares().subList(0, t);
    rng.nextBytes(message);
  }

  @Benchmark
  public List<KeyShare> keygen() throws Exception {
    return FrostLocal.keygen(group, t, n, rng).shares();
  }

  @Benchmark
  public Signature sign() throws Exception {
    return FrostLocal.sign(suite, signers, message, rng).signature();
  }
}
