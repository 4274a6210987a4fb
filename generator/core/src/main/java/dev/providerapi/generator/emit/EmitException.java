package dev.providerapi.generator.emit;

/**
 * Emission of one element failed (a type, an operation's client method, the adapter base): carries which element,
 * so the front ends can name it next to the spec instead of showing a stack trace.
 */
public final class EmitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What was being emitted. */
  private final String element;

  /**
   * Emission of {@code element} failed with {@code cause}.
   *
   * @param element what was being emitted, e.g. {@code operation listPets}
   * @param cause the failure
   */
  public EmitException(String element, RuntimeException cause) {
    super(element + ": " + describe(cause), cause);
    this.element = element;
  }

  /**
   * What was being emitted, e.g. {@code schema Pet (#/components/schemas/Pet)} or {@code operation listPets}.
   *
   * @return the element's description
   */
  public String element() {
    return element;
  }

  /**
   * The cause's own message, or its type when it has none (a NullPointerException).
   *
   * @param cause the failure
   * @return its message, or its simple class name
   */
  public static String describe(Throwable cause) {
    String message = cause.getMessage();
    return message == null || message.isBlank() ? cause.getClass().getSimpleName()
        : cause.getClass().getSimpleName() + ": " + message;
  }
}
