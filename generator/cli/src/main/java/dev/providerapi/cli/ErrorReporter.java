package dev.providerapi.cli;

import dev.providerapi.generator.SpecException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import picocli.CommandLine;

/**
 * Turns a failure into one paragraph on stderr: bad input (a {@link SpecException} or {@link UserInputException},
 * or an output folder that cannot be written: permission denied, read-only, a file in the way) exits 2, anything
 * else 3. The stack trace is printed only with {@code --verbose}, because for bad input it
 * says nothing the message does not.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    // A folder we may not write to (or a file where a folder should be) is the caller's to fix, like bad input.
    boolean unwritable = ex instanceof UncheckedIOException u && u.getCause() instanceof FileSystemException;
    boolean badInput = ex instanceof SpecException || ex instanceof UserInputException || unwritable;
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
