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
 */
public record StatusMapping(Map<String, InstanceStatus> values, Set<String> preempted) {

  public StatusMapping {
    values = values.entrySet().stream()
        .collect(Collectors.toUnmodifiableMap(e -> key(e.getKey()), Map.Entry::getValue));
    preempted = preempted.stream().map(StatusMapping::key).collect(Collectors.toUnmodifiableSet());
  }

  public InstanceStatus map(@Nullable String raw) {
    return raw == null ? InstanceStatus.UNKNOWN : values.getOrDefault(key(raw), InstanceStatus.UNKNOWN);
  }

  public boolean isPreempted(@Nullable String raw) {
    return raw != null && preempted.contains(key(raw));
  }

  private static String key(String raw) {
    return raw.trim().toLowerCase(Locale.ROOT);
  }
}
