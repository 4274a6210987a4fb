package dev.providerapi.generator.model;

import org.jspecify.annotations.Nullable;

/**
 * A path, query or header parameter; {@code javaName} is a legal identifier unique among the method's.
 *
 * @param name the name in the spec (on the wire)
 * @param javaName the client method's argument name
 * @param location where it travels
 * @param type its type
 * @param required whether the caller must pass it
 * @param description the spec's description, or null
 */
public record ParamDef(
    String name,
    String javaName,
    Location location,
    TypeRef type,
    boolean required,
    @Nullable String description) {

  /** Where a parameter travels. */
  public enum Location {
    /** In the URL path, as {@code {name}}. */
    PATH,
    /** In the query string. */
    QUERY,
    /** In a request header. */
    HEADER
  }
}
