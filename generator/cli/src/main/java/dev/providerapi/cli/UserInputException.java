package dev.providerapi.cli;

/** A command line that parses but cannot be carried out (no repository found, conflicting choices). */
final class UserInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UserInputException(String message) {
    super(message);
  }
}
