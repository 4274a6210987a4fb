package dev.providerapi.cli;

import dev.providerapi.generator.Generator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * {@code provider-api}: regenerate providers from {@code specs/}, check them for drift, or generate from a
 * spec file outside the repository. Exit codes: 0 done, 1 drift found by {@code --check}, 2 bad input
 * (message on stderr, stack trace only with {@code --verbose}), 3 an unexpected failure.
 */
public final class Main {
  /** Exit code: done. */
  public static final int OK = 0;
  /**
   * Exit code: {@code --check} found generated files that differ from what the specs give, or {@code diff} or
   * {@code update} found a breaking change.
   */
  public static final int DRIFT = 1;
  /**
   * Exit code: bad input (an argument, a spec or manifest, an output folder that cannot be written); the message
   * is on stderr.
   */
  public static final int BAD_INPUT = 2;
  /** Exit code: an unexpected failure; the message is on stderr, the stack trace only with {@code --verbose}. */
  public static final int FAILURE = 3;

  private Main() {}

  /**
   * Runs one command from the current folder and exits the JVM with its exit code.
   *
   * @param args the command line; {@code --verbose} anywhere also turns library logging on
   */
  public static void main(String[] args) {
    quietLibraries(java.util.Arrays.asList(args).contains("--verbose"));
    System.exit(commandLine(Generator::new, Path.of("").toAbsolutePath()).execute(args));
  }

  /**
   * The {@code provider-api} command line with every subcommand, not yet run.
   *
   * @param generators makes the generator (tests pass one with a fake reader and emitter)
   * @param workingDir where the search for the repository (a folder with {@code specs/}) starts
   * @return a picocli command line whose {@code execute} returns one of this class's exit codes
   */
  public static CommandLine commandLine(Supplier<Generator> generators, Path workingDir) {
    CommandLine cmd = new CommandLine(new ProviderApiCommand(generators, workingDir));
    cmd.setExecutionExceptionHandler(new ErrorReporter());
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    return cmd;
  }

  /**
   * swagger-parser logs a stack trace for every unparsable spec before it returns its own message; our error
   * paragraph already names the file and the problem, so its logging is off unless {@code --verbose}. Set
   * before SLF4J starts (slf4j-simple reads these once).
   */
  static void quietLibraries(boolean verbose) {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
    System.setProperty("org.slf4j.simpleLogger.log.io.swagger", verbose ? "warn" : "off");
  }

  /**
   * One {@code warning: } line per warning on stderr: what the generator accepted but changed or guessed (a
   * duplicate operationId renamed, a base URL taken from elsewhere). At most {@value #MAX_LISTED} are listed; the
   * rest are counted.
   */
  static void printWarnings(PrintWriter err, java.util.List<String> warnings) {
    for (int i = 0; i < warnings.size() && i < MAX_LISTED; i++) {
      err.println("warning: " + warnings.get(i));
    }
    if (warnings.size() > MAX_LISTED) {
      err.println("warning: ... and " + (warnings.size() - MAX_LISTED) + " more warning(s)");
    }
    err.flush();
  }

  static final int MAX_LISTED = 20;

  static void printParagraph(PrintWriter err, String message) {
    err.println(message);
    err.flush();
  }
}
