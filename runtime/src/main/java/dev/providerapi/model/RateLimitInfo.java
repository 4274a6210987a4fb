package dev.providerapi.model;

import dev.providerapi.descriptor.RateLimitWindow;
import java.util.List;
import java.util.Map;

/**
 * The request-rate windows a client keeps to: account-wide, and per operation where declared.
 *
 * @param global the windows for the whole account (copied)
 * @param perOperation the windows per operation id, for operations that declare their own (copied)
 */
public record RateLimitInfo(List<RateLimitWindow> global, Map<String, List<RateLimitWindow>> perOperation) {
  /**
   * Copies both collections.
   *
   * @param global the windows for the whole account (copied)
   * @param perOperation the windows per operation id, for operations that declare their own (copied)
   */
  public RateLimitInfo {
    global = List.copyOf(global);
    perOperation = Map.copyOf(perOperation);
  }
}
