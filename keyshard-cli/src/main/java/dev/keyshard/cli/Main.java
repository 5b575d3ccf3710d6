package dev.keyshard.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code keyshard} command: one clear line on error, exit 0 on success. */
@Command(
    name = "keyshard",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Threshold-signature vault: keys that are never whole anywhere.",
    subcommands = {
      DemoCommand.class,
      KeygenCommand.class,
      SignCommand.class,
      SendCommand.class,
      TxCommand.class,
      VerifyCommand.class,
      BenchCommand.class,
      RecoverCommand.class,
      AddressCommand.class,
      VaultCommand.class,
      RelayCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** Exit code for a failed operation (bad input, failed protocol, unreadable file). */
  static final int EXIT_FAILURE = 1;
  /** Exit code for a command line that does not parse. */
  static final int EXIT_USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** A configured command line; tests run it with their own writers. */
  static CommandLine newCommandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
      PrintWriter err = line.getErr();
      err.println("keyshard: error: " + describe(ex));
      if (System.getenv("KEYSHARD_DEBUG") != null) {
        ex.printStackTrace(err);
      }
      err.flush();
      return EXIT_FAILURE;
    });
    cl.setParameterExceptionHandler((ex, args) -> {
      PrintWriter err = ex.getCommandLine().getErr();
      err.println("keyshard: " + ex.getMessage());
      err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      err.flush();
      return EXIT_USAGE;
    });
    return cl;
  }

  private static String describe(Throwable ex) {
    String m = ex.getMessage();
    return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
  }

  /** Reads the version from the jar manifest, falling back to "development". */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"keyshard " + (v == null ? "development build" : v)};
    }
  }
}
