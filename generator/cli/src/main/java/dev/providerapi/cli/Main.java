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
  public static final int OK = 0;
  public static final int DRIFT = 1;
  public static final int BAD_INPUT = 2;
  public static final int FAILURE = 3;

  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLine(Generator::new, Path.of("").toAbsolutePath()).execute(args));
  }

  /**
   * @param generators makes the generator (tests pass one with a fake reader and emitter)
   * @param workingDir where the search for the repository (a folder with {@code specs/}) starts
   */
  public static CommandLine commandLine(Supplier<Generator> generators, Path workingDir) {
    CommandLine cmd = new CommandLine(new ProviderApiCommand(generators, workingDir));
    cmd.setExecutionExceptionHandler(new ErrorReporter());
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    return cmd;
  }

  static void printParagraph(PrintWriter err, String message) {
    err.println(message);
    err.flush();
  }
}
