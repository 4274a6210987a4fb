package dev.providerapi.model;

import dev.providerapi.descriptor.RateLimitWindow;
import java.util.List;
import java.util.Map;

/** The request-rate windows a client keeps to: account-wide, and per operation where declared. */
public record RateLimitInfo(List<RateLimitWindow> global, Map<String, List<RateLimitWindow>> perOperation) {
  public RateLimitInfo {
    global = List.copyOf(global);
    perOperation = Map.copyOf(perOperation);
  }
}
