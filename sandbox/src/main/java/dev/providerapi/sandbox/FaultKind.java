package dev.providerapi.sandbox;

/**
 * What a fault does to one request. {@link Phase#BEFORE} faults answer (or break) before the fake acts, so the
 * operation did not happen; {@link Phase#AFTER} faults let the fake act (an instance is created, terminated ...)
 * and then spoil the answer, which is what a proxy, a timeout or a buggy API does to a client.
 */
public enum FaultKind {
  /** 500 in the provider's error format. */
  STATUS_500(Phase.BEFORE),
  /** 502 with an HTML body, as a load balancer sends it. */
  STATUS_502_HTML(Phase.BEFORE),
  /** 503 with {@code Retry-After: 1}. */
  STATUS_503_RETRY_AFTER(Phase.BEFORE),
  /** 429 without Retry-After. */
  STATUS_429(Phase.BEFORE),
  /** 429 with {@code Retry-After: 1}. */
  STATUS_429_RETRY_AFTER(Phase.BEFORE),
  /** 401 in the provider's error format (as for a revoked key). */
  STATUS_401(Phase.BEFORE),
  /** 404 in the provider's error format. */
  STATUS_404(Phase.BEFORE),
  /** 409 in the provider's error format. */
  STATUS_409(Phase.BEFORE),
  /** 400 in the provider's error format. */
  STATUS_400(Phase.BEFORE),
  /**
   * The provider's own "no capacity" answer (what its provider.yaml error rules map to
   * CapacityUnavailableException: Lambda's insufficient-capacity code, Vast's no_such_ask ...); nothing happened.
   */
  NO_CAPACITY(Phase.BEFORE),
  /** The request is read, then the connection is closed with no answer; nothing happened. */
  CLOSE_BEFORE_ANSWER(Phase.BEFORE),
  /** The request is read, then the connection is reset (RST); nothing happened. */
  RESET_BEFORE_ANSWER(Phase.BEFORE),
  /** The answer comes after {@link FaultSchedule#delay()}, the operation done on arrival. */
  DELAY(Phase.BEFORE),
  /** The operation is done, then the connection is closed with no answer. */
  CLOSE_AFTER_ACTION(Phase.AFTER),
  /** Status line and headers of the real answer are sent, then half the body, then the body stalls. */
  STALL_MID_BODY(Phase.AFTER),
  /** Half the real body, then the connection closes (Content-Length promised more). */
  TRUNCATED_BODY(Phase.AFTER),
  /** 200 with an empty body. */
  EMPTY_BODY(Phase.AFTER),
  /** 200 with {@code {}}. */
  EMPTY_OBJECT(Phase.AFTER),
  /** 200 with an HTML page (a captive portal, a misrouted proxy). */
  HTML_BODY(Phase.AFTER),
  /** The real answer with a 20 MiB string in it (over Jackson's default string limit). */
  HUGE_BODY(Phase.AFTER),
  /** The real answer with fields the spec does not name, at every level. */
  UNKNOWN_FIELDS(Phase.AFTER),
  /** The real answer with its status values replaced by one the spec does not list. */
  UNKNOWN_ENUM(Phase.AFTER),
  /** The operation is done (an instance is stored), and the answer is a 500. */
  CREATED_DESPITE_ERROR(Phase.AFTER),
  /**
   * The real 200 answer with an {@code errors[]} array added: GraphQL's "data and errors" (RunPod: the pod was
   * created and the mutation still reports an error); for a REST API an unknown field.
   */
  ERRORS_WITH_DATA(Phase.AFTER);

  /** When the fault acts. */
  public enum Phase {
    /** The fault answers (or breaks) before the fake acts: the operation did not happen. */
    BEFORE,
    /** The fake acts, then the fault spoils its answer: the operation happened. */
    AFTER
  }

  private final Phase phase;

  FaultKind(Phase phase) {
    this.phase = phase;
  }

  /**
   * When the fault acts.
   *
   * @return BEFORE or AFTER the fake performs the operation
   */
  public Phase phase() {
    return phase;
  }

  /**
   * The HTTP status this fault answers with, or 0 when it answers with the real status or none.
   *
   * @return the status code, or 0
   */
  public int status() {
    return switch (this) {
      case STATUS_500, CREATED_DESPITE_ERROR -> 500;
      case STATUS_502_HTML -> 502;
      case STATUS_503_RETRY_AFTER -> 503;
      case STATUS_429, STATUS_429_RETRY_AFTER -> 429;
      case STATUS_401 -> 401;
      case STATUS_404 -> 404;
      case STATUS_409 -> 409;
      case STATUS_400 -> 400;
      default -> 0;
    };
  }

  /**
   * Whether the fault's answer carries {@code Retry-After: 1}.
   *
   * @return true for STATUS_503_RETRY_AFTER and STATUS_429_RETRY_AFTER
   */
  public boolean retryAfter() {
    return this == STATUS_503_RETRY_AFTER || this == STATUS_429_RETRY_AFTER;
  }
}
