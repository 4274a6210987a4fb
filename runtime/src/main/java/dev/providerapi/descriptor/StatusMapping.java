package dev.providerapi.descriptor;

import dev.providerapi.model.InstanceStatus;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Provider status values -> our {@link InstanceStatus}; matching ignores case. A value that means the spot
 * capacity was taken back is listed in {@code preempted}. Unmapped values become {@code UNKNOWN}.
 *
 * @param values provider status value -> ours, keys trimmed and lower-cased (copied)
 * @param preempted the provider values that mean preempted, trimmed and lower-cased (copied)
 */
public record StatusMapping(Map<String, InstanceStatus> values, Set<String> preempted) {

  /**
   * Normalizes the keys (trimmed, lower case) and copies both collections.
   *
   * @param values provider status value -> ours
   * @param preempted the provider values that mean preempted
   */
  public StatusMapping {
    values = values.entrySet().stream()
        .collect(Collectors.toUnmodifiableMap(e -> key(e.getKey()), Map.Entry::getValue));
    preempted = preempted.stream().map(StatusMapping::key).collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Maps a provider status value to ours.
   *
   * @param raw the provider's value, or null
   * @return our status; {@link InstanceStatus#UNKNOWN} for null or an unmapped value
   */
  public InstanceStatus map(@Nullable String raw) {
    return raw == null ? InstanceStatus.UNKNOWN : values.getOrDefault(key(raw), InstanceStatus.UNKNOWN);
  }

  /**
   * Whether a provider status value means the spot capacity was taken back.
   *
   * @param raw the provider's value, or null
   * @return true if it is listed in {@code preempted}
   */
  public boolean isPreempted(@Nullable String raw) {
    return raw != null && preempted.contains(key(raw));
  }

  private static String key(String raw) {
    return raw.trim().toLowerCase(Locale.ROOT);
  }
}
