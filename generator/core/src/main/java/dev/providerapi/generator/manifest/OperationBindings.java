package dev.providerapi.generator.manifest;

import dev.providerapi.generator.SpecException;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.OperationDef;
import java.util.List;
import java.util.Map;

/**
 * The second half of provider.yaml validation, which needs the spec: every operation id named under
 * {@code operations} and {@code operationRateLimits} must exist in the {@link ApiModel}. Kept apart from
 * {@link ManifestReader} because the manifest must be read before the spec (it names the spec and envelope).
 */
public final class OperationBindings {
  private OperationBindings() {}

  /** @throws SpecException at the first id the spec does not declare, listing the ids it does declare */
  public static void check(ProviderManifest manifest, ApiModel model) {
    List<String> available = model.operations().stream().map(OperationDef::id).sorted().toList();
    for (Map.Entry<String, String> e : sorted(manifest.operations())) {
      if (!available.contains(e.getValue())) {
        throw unknown(manifest, model, "operations." + e.getKey(), e.getValue(), available);
      }
    }
    for (String id : manifest.descriptor().operationRateLimits().keySet().stream().sorted().toList()) {
      if (!available.contains(id)) {
        throw unknown(manifest, model, "operationRateLimits." + id, id, available);
      }
    }
  }

  private static List<Map.Entry<String, String>> sorted(Map<String, String> map) {
    return map.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
  }

  private static SpecException unknown(ProviderManifest manifest, ApiModel model, String path, String id,
      List<String> available) {
    return new SpecException(manifest.file(), path, "operation id '" + id + "' is not in the spec "
        + manifest.spec().file().getFileName() + "; available operation ids: "
        + (available.isEmpty() ? "(none)" : String.join(", ", available)));
  }
}
