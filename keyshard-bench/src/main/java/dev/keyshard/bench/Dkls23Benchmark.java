package dev.keyshard.bench;

import dev.keyshard.mpc.dkls23.Dkls23KeyShare;
import dev.keyshard.mpc.dkls23.EcdsaSignature;
import dev.keyshard.mpc.local.Dkls23Local;
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
 * DKLs23 key generation and signing, all parties in one thread through the wire codecs: the shape
 * in which ../shared/peers measures Vultisig's vs_wasm DKLs23 (2-of-2, 2-of-3, 3-of-5).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class Dkls23Benchmark {
  @Param({"2-of-2", "2-of-3", "3-of-5"})
  public String shape;

  private int t;
  private int n;
  private List<Dkls23KeyShare> signers;
  private final SecureRandom rng = new SecureRandom();
  private final byte[] hash = new byte[32];

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    String[] tn = shape.split("-of-");
    t = Integer.parseInt(tn[0]);
    n = Integer.parseInt(tn[1]);
    signers = Dkls23Local.keygen(t, n, rng).shares().subList(0, t);
    rng.nextBytes(hash);
  }

  @Benchmark
  public List<Dkls23KeyShare> keygen() throws Exception {
    return Dkls23Local.keygen(t, n, rng).shares();
  }

  @Benchmark
  public EcdsaSignature sign() throws Exception {
    return Dkls23Local.sign(signers, hash, null, rng).signature();
  }
}
