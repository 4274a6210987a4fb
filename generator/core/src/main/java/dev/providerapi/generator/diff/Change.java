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
    NON_BREAKING;

    public String label() {
      return switch (this) {
        case BREAKING -> "breaking";
        case DANGEROUS -> "dangerous";
        case NON_BREAKING -> "non-breaking";
      };
    }
  }

  public enum Kind {
    OPERATION_ADDED("added operation"),
    OPERATION_REMOVED("removed operation"),
    PARAM_ADDED("added parameter"),
    PARAM_REMOVED("removed parameter"),
    PARAM_CHANGED("changed parameter"),
    BODY_CHANGED("changed request body"),
    RESPONSE_CHANGED("changed response"),
    STATUS_CHANGED("changed success status"),
    STATUS_ADDED("added response status"),
    STATUS_REMOVED("removed response status"),
    TYPE_ADDED("added type"),
    TYPE_REMOVED("removed type"),
    TYPE_CHANGED("changed type"),
    FIELD_ADDED("added field"),
    FIELD_REMOVED("removed field"),
    FIELD_CHANGED("changed field"),
    ENUM_VALUE_ADDED("added enum value"),
    ENUM_VALUE_REMOVED("removed enum value"),
    VARIANT_ADDED("added variant"),
    VARIANT_REMOVED("removed variant");

    private final String words;

    Kind(String words) {
      this.words = words;
    }

    public String words() {
      return words;
    }

    public boolean isTypeLevel() {
      return ordinal() >= TYPE_ADDED.ordinal();
    }
  }

  /**
   * E.g. {@code changed field `price_cents_per_hour` of `InstanceType`: int64 -> string} or
   * {@code removed operation DELETE /x (deleteX)}.
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
