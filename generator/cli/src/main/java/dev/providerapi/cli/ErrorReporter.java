package dev.providerapi.cli;

import dev.providerapi.generator.SpecException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns a failure into one paragraph on stderr: bad input (a {@link SpecException} or {@link UserInputException})
 * exits 2, anything else 3. The stack trace is printed only with {@code --verbose}, because for bad input it
 * says nothing the message does not.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    boolean badInput = ex instanceof SpecException || ex instanceof UserInputException;
    String message = ex.getMessage() == null ? ex.toString() : ex.getMessage();
    if (badInput) {
      err.println("provider-api: " + message);
    } else if (ex instanceof UncheckedIOException) {
      err.println("provider-api: I/O failure: " + message);
    } else {
      err.println("provider-api: unexpected failure: " + ex + " (run with --verbose for the stack trace)");
    }
    if (verbose(parseResult)) {
      ex.printStackTrace(err);
    }
    err.flush();
    return badInput ? Main.BAD_INPUT : Main.FAILURE;
  }

  private static boolean verbose(CommandLine.ParseResult result) {
    for (CommandLine.ParseResult r = result; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
