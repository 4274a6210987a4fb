package dev.providerapi.generator.diff;

import org.jspecify.annotations.Nullable;

/**
 * One difference between two versions of an API, at the level a client sees: an operation, a parameter, a type,
 * a field, an enum value, a union variant or a success status.
 *
 * @param level how an existing client is affected
 * @param kind what changed
 * @param operation the operation concerned ({@code GET /api/v1/instances (listInstances)}), or null for a type
 * @param operationId the operation's id in the newer spec, else the older (null for a type change)
 * @param type the type concerned (its name in the spec's model), or null for an operation change
 * @param member the field, parameter, enum value or variant concerned, or null
 * @param detail what it was and what it is ({@code int64 -> string}), or null
 * @param oldOrigin where it is in the older spec (a JSON pointer such as {@code #/components/schemas/X}), or null
 * @param newOrigin where it is in the newer spec, or null
 */
public record Change(
    Level level,
    Kind kind,
    @Nullable String operation,
    @Nullable String operationId,
    @Nullable String type,
    @Nullable String member,
    @Nullable String detail,
    @Nullable String oldOrigin,
    @Nullable String newOrigin) {

  /** Ordered from the worst. */
  public enum Level {
    /** A client built from the old spec may fail. */
    BREAKING,
    /** It keeps working but may see values it does not know (an enum's new value decodes to UNKNOWN). */
    DANGEROUS,
    /** An existing client is not affected. */
    NON_BREAKING;

    /**
     * The level in words, for reports.
     *
     * @return {@code breaking}, {@code dangerous} or {@code non-breaking}
     */
    public String label() {
      return switch (this) {
        case BREAKING -> "breaking";
        case DANGEROUS -> "dangerous";
        case NON_BREAKING -> "non-breaking";
      };
    }
  }

  /** What changed; the kinds from {@link #TYPE_ADDED} on concern a type, the others an operation. */
  public enum Kind {
    /** An operation the newer spec adds. */
    OPERATION_ADDED("added operation"),
    /** An operation the newer spec no longer has. */
    OPERATION_REMOVED("removed operation"),
    /** A parameter the newer spec adds. */
    PARAM_ADDED("added parameter"),
    /** A parameter the newer spec no longer has. */
    PARAM_REMOVED("removed parameter"),
    /** A parameter that differs between the two specs. */
    PARAM_CHANGED("changed parameter"),
    /** A request body that differs between the two specs. */
    BODY_CHANGED("changed request body"),
    /** A response that differs between the two specs. */
    RESPONSE_CHANGED("changed response"),
    /** A success status that differs between the two specs. */
    STATUS_CHANGED("changed success status"),
    /** A response status the newer spec adds. */
    STATUS_ADDED("added response status"),
    /** A response status the newer spec no longer has. */
    STATUS_REMOVED("removed response status"),
    /** A type the newer spec adds. */
    TYPE_ADDED("added type"),
    /** A type the newer spec no longer has. */
    TYPE_REMOVED("removed type"),
    /** A type that differs between the two specs. */
    TYPE_CHANGED("changed type"),
    /** A field the newer spec adds. */
    FIELD_ADDED("added field"),
    /** A field the newer spec no longer has. */
    FIELD_REMOVED("removed field"),
    /** A field that differs between the two specs. */
    FIELD_CHANGED("changed field"),
    /** An enum value the newer spec adds. */
    ENUM_VALUE_ADDED("added enum value"),
    /** An enum value the newer spec no longer has. */
    ENUM_VALUE_REMOVED("removed enum value"),
    /** A variant the newer spec adds. */
    VARIANT_ADDED("added variant"),
    /** A variant the newer spec no longer has. */
    VARIANT_REMOVED("removed variant");

    private final String words;

    Kind(String words) {
      this.words = words;
    }

    /**
     * The kind in words, as a report starts its line.
     *
     * @return words such as {@code added operation}
     */
    public String words() {
      return words;
    }

    /**
     * Whether the change concerns a type (its fields, enum values or variants) rather than an operation.
     *
     * @return true from {@link #TYPE_ADDED} on
     */
    public boolean isTypeLevel() {
      return ordinal() >= TYPE_ADDED.ordinal();
    }
  }

  /**
   * E.g. {@code changed field `price_cents_per_hour` of `InstanceType`: int64 -> string} or
   * {@code removed operation DELETE /x (deleteX)}.
   *
   * @return the change in one line
   */
  public String describe() {
    StringBuilder s = new StringBuilder(kind.words());
    if (member != null) {
      s.append(" `").append(member).append('`');
    }
    if (type != null) {
      s.append(member != null ? " of `" : " `").append(type).append('`');
    }
    if (operation != null) {
      boolean whole = kind == Kind.OPERATION_ADDED || kind == Kind.OPERATION_REMOVED;
      s.append(whole && member == null ? " " : " of ").append(operation);
    }
    if (detail != null) {
      s.append(": ").append(detail);
    }
    return s.toString();
  }
}
