package dev.providerapi.generator.manifest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * provider.yaml's {@code instanceFields} or {@code offerFields}: which member of the provider's wire type fills
 * which field of our {@code Instance} or {@code Offer}, as JSON pointers into that type. The generator resolves
 * every pointer through the spec's types (a typo is an error naming the key and the members that are there) and
 * emits {@code instanceFields(wire)} / {@code offerFields(wire)} in the base: a builder with those fields set,
 * to which the adapter adds only what no pointer can say (a price that needs arithmetic, a status refined by a
 * second field).
 *
 * @param target {@code instanceFields} or {@code offerFields} (for messages)
 * @param type the wire type's name in the model; null for the one type the get and list bindings read
 *     (instances only)
 * @param fields our field -> a pointer into the wire type (or, for {@code sshPort}, a port number meaning
 *     "this port when the instance has a public IP"), in provider.yaml's order
 * @param details detail key -> a pointer into the wire type, in provider.yaml's order
 */
public record FieldMap(String target, @Nullable String type, Map<String, String> fields, Map<String, String> details) {

  /** The fields {@code instanceFields} may set; {@code id} is required. */
  public static final List<String> INSTANCE_FIELDS = List.of("id", "name", "status", "instanceType", "gpu",
      "gpuCount", "region", "publicIp", "sshPort", "clientToken", "createdAt", "hourlyPrice");

  /** The fields {@code offerFields} may set. */
  public static final List<String> OFFER_FIELDS = List.of("id", "instanceType", "gpu", "gpuCount", "region",
      "vcpus", "memoryGib", "diskGib", "availableCount");

  /**
   * Copies the maps, keeping their order.
   *
   * @param target {@code instanceFields} or {@code offerFields}
   * @param type the wire type's name, or null
   * @param fields our field -> a pointer
   * @param details detail key -> a pointer
   */
  public FieldMap {
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  /**
   * The pointer (or literal) provider.yaml gives for one of our fields.
   *
   * @param field our field's name
   * @return the pointer, or null when the field is not mapped
   */
  public @Nullable String field(String field) {
    return fields.get(field);
  }
}
