package dev.providerapi.generator.write;

import java.util.List;

/**
 * What a write changed: generated files written (new or different), left unchanged, and deleted (stale),
 * and the once-only files created by this run.
 */
public record WriteResult(int written, int unchanged, int deleted, List<String> created) {
  public WriteResult {
    created = List.copyOf(created);
  }
}
