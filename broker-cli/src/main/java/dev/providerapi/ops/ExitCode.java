package dev.providerapi.ops;

/**
 * The exit codes of the operations commands, for scripts. Every command uses the same meanings:
 *
 * <table>
 *   <caption>exit codes</caption>
 *   <tr><td>0</td><td>{@link #OK}</td><td>done; every provider asked answered</td></tr>
 *   <tr><td>1</td><td>{@link #FAILED}</td><td>the operation failed: a provider refused, no offer or capacity,
 *       every provider failed, or an unexpected error</td></tr>
 *   <tr><td>2</td><td>{@link #USAGE}</td><td>bad arguments, a bad or unsafe config file, an unknown or
 *       unconfigured provider; nothing was sent</td></tr>
 *   <tr><td>3</td><td>{@link #PARTIAL}</td><td>some providers (or some of several instances) failed, the
 *       others answered; the output holds what they answered</td></tr>
 *   <tr><td>4</td><td>{@link #TIMEOUT}</td><td>waited past {@code --timeout} for RUNNING (or gone); the
 *       instance exists and was left as it is</td></tr>
 *   <tr><td>5</td><td>{@link #OUTCOME_UNKNOWN}</td><td>a launch whose outcome is unknown: an instance may
 *       exist; run {@code reconcile} before launching again</td></tr>
 *   <tr><td>6</td><td>{@link #FINDINGS}</td><td>reconcile found orphans or unknowns it left in place</td></tr>
 * </table>
 */
public final class ExitCode {
  /** Done; every provider asked answered. */
  public static final int OK = 0;
  /**
   * The operation failed: a provider refused, no offer or capacity, every provider failed, or an unexpected
   * error.
   */
  public static final int FAILED = 1;
  /** Bad arguments, a bad or unsafe config file, an unknown or unconfigured provider; nothing was sent. */
  public static final int USAGE = 2;
  /** Some providers (or some of several instances) failed, the others answered; the output holds their answers. */
  public static final int PARTIAL = 3;
  /** Waited past {@code --timeout} for RUNNING (or gone); the instance exists and was left as it is. */
  public static final int TIMEOUT = 4;
  /** A launch whose outcome is unknown: an instance may exist; run {@code reconcile} before launching again. */
  public static final int OUTCOME_UNKNOWN = 5;
  /** Reconcile found orphans or unknowns it left in place. */
  public static final int FINDINGS = 6;

  private ExitCode() {}

  /** 0 when every provider answered, 1 when none did, else 3. */
  static int of(int ok, int failed) {
    if (failed == 0) {
      return OK;
    }
    return ok == 0 ? FAILED : PARTIAL;
  }
}
