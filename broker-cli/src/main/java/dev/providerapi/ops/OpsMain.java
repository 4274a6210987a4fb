package dev.providerapi.ops;

import dev.providerapi.broker.LedgerException;
import dev.providerapi.errors.ProviderException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code provider-api offers | instances | launch | terminate | stop | start | reconcile | ledger}: the broker
 * toolkit from a shell. The {@code ./provider-api} launcher hands these commands to this jar; exit codes are
 * {@link ExitCode}'s.
 */
public final class OpsMain {
  private OpsMain() {}

  /**
   * Runs one command with the process's environment, home folder and standard streams, then exits the JVM with
   * the command's {@link ExitCode}.
   *
   * @param args the command line; {@code --verbose} anywhere also turns on debug logging
   */
  public static void main(String[] args) {
    boolean verbose = Arrays.asList(args).contains("--verbose");
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    // the sandbox's schema validator warns about every OpenAPI keyword it does not validate; none is ours to fix
    System.setProperty("org.slf4j.simpleLogger.log.com.networknt", "error");
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    Env env = new Env(System.getenv(), Path.of(System.getProperty("user.home")), System.getProperty("os.name", ""),
        out, err);
    int code = run(env, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs one command line in {@code env} and returns its exit code; does not exit the JVM.
   *
   * @param env the environment and streams the command uses
   * @param args the command line, subcommand first
   * @return the command's {@link ExitCode}
   */
  public static int run(Env env, String... args) {
    return commandLine(env).execute(args);
  }

  static CommandLine commandLine(Env env) {
    CommandLine cmd = new CommandLine(new Top());
    cmd.addSubcommand(new OffersCommand(env));
    cmd.addSubcommand(new InstancesCommand(env));
    cmd.addSubcommand(new LaunchCommand(env));
    cmd.addSubcommand(new TerminateCommand(env));
    cmd.addSubcommand(new StopStartCommand.Stop(env));
    cmd.addSubcommand(new StopStartCommand.Start(env));
    cmd.addSubcommand(new ReconcileCommand(env));
    cmd.addSubcommand(new LedgerCommand(env));
    cmd.setOut(env.out());
    cmd.setErr(env.err());
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setExecutionExceptionHandler(OpsMain::failure);
    return cmd;
  }

  /** One paragraph on stderr; the stack trace only with --verbose. */
  private static int failure(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    int code;
    if (ex instanceof UsageException) {
      err.println("provider-api " + cmd.getCommandName() + ": " + ex.getMessage());
      code = ExitCode.USAGE;
    } else if (ex instanceof ProviderException) {
      err.println("provider-api " + cmd.getCommandName() + ": " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
      code = ExitCode.FAILED;
    } else if (ex instanceof LedgerException) {
      err.println("provider-api " + cmd.getCommandName() + ": ledger: " + ex.getMessage());
      code = ExitCode.FAILED;
    } else {
      err.println("provider-api " + cmd.getCommandName() + ": unexpected failure: " + ex
          + " (run with --verbose for the stack trace)");
      code = ExitCode.FAILED;
    }
    if (verbose(parsed)) {
      ex.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  private static boolean verbose(CommandLine.ParseResult result) {
    for (CommandLine.ParseResult r = result; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  @Command(name = "provider-api", mixinStandardHelpOptions = true, versionProvider = Version.class,
      synopsisSubcommandLabel = "COMMAND",
      description = {"Operations over every configured provider at once, or over in-process",
          "fakes of all of them with --sandbox (no keys, nothing billed).",
          "Credentials: <NAME>_API_KEY per provider (LAMBDA_API_KEY, VAST_API_KEY, ...)",
          "or ~/.config/provider-api/config.yaml (mode 600): providers.<name>.apiKey.",
          "",
          "Exit codes: 0 ok, 1 failed, 2 usage or config error, 3 partial (some",
          "providers failed), 4 timed out waiting, 5 launch outcome unknown (run",
          "reconcile first), 6 reconcile left orphans or unknowns."})
  static final class Top implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      throw new CommandLine.ParameterException(spec.commandLine(), "name a command: offers, instances, launch,"
          + " terminate, stop, start, reconcile or ledger");
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = OpsMain.class.getPackage().getImplementationVersion();
      return new String[] {"provider-api ops " + (v == null ? "(development build)" : v)};
    }
  }
}
