package dev.providerapi.generator.write;

import java.util.List;

/**
 * What a write changed: generated files written (new or different), left unchanged, and deleted (stale),
 * and the once-only files created by this run.
 *
 * @param written generated files written (new or different)
 * @param unchanged generated files left as they were
 * @param deleted stale generated files deleted
 * @param created the once-only files this run created, as logical paths
 */
public record WriteResult(int written, int unchanged, int deleted, List<String> created) {
  /**
   * Copies the created list.
   *
   * @param written generated files written (new or different)
   * @param unchanged generated files left as they were
   * @param deleted stale generated files deleted
   * @param created the once-only files this run created, as logical paths
   */
  public WriteResult {
    created = List.copyOf(created);
  }
}
