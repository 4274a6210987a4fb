package dev.providerapi.generator.manifest;

import dev.providerapi.errors.ErrorKind;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One bound operation of provider.yaml's {@code operations}: the spec operation a role of ours (get, list,
 * launch, terminate, stop, start, restart, offers, ...) calls, and, in the long form, how: where the instance
 * id goes, the constant arguments and body, the pagination style, where the client token travels and how it
 * is found again, which answers mean "not found" or "already gone", the response pointers of the instance,
 * the list items and the new id, and an explicit idempotency that overrides the HTTP method's default.
 *
 * <p>The short form ({@code get: getInstance}) is a binding with only {@code operationId}: it drives no
 * generated behaviour, the hand-written adapter implements the role (as before long forms existed).
 *
 * @param role our operation name
 * @param operationId the id of the spec operation the role calls
 * @param longForm written as a map: the generated base implements the role from it
 * @param id where the instance id goes (null: the operation takes none, or the long form leaves it to the
 *     default, the single required path parameter)
 * @param args constant values of parameters, by parameter name (JSON scalars)
 * @param pagination how a list reads its pages ({@link Pagination#NONE}: one answer)
 * @param body constant request body as JSON ({@code {"state":"stopped"}}), the id set into it at
 *     {@code id.bodyPointer}; null when the operation has no body or the adapter supplies it (launch)
 * @param instancePointer JSON pointer into the response to the wire instance ({@code /} the response itself)
 * @param itemsPointer JSON pointer into a list response to the list of wire instances
 * @param idPointer JSON pointer into a launch response to the new instance's id ({@code /instance_ids/0})
 * @param clientToken launch: where the client token travels and how it is found again; null when not declared
 * @param notFound get: the answers (error kinds, provider codes) that mean the instance is not found
 * @param alreadyGone terminate: the answers that mean the instance is already gone
 * @param confirmGone terminate: the answers that mean gone only when a read of the instance agrees
 * @param idempotent overrides the operation's retry safety; null keeps the spec's (method) default
 * @param statusPointer launch, stop, start, restart: JSON pointer of the raw status in the answer, for the
 *     instance reported when reading it back fails
 * @param absentIsNotFound get: a success whose instance pointer is null means the provider no longer knows the
 *     instance (Vast's {@code {"instances": null}}); otherwise such an answer is unreadable
 * @param nameTaken launch: the answers to a create that mean the instance's name (derived from the client token)
 *     is taken; the base then looks the token up and returns the instance if this token made it
 */
public record Binding(
    String role,
    String operationId,
    boolean longForm,
    @Nullable IdTarget id,
    Map<String, Object> args,
    @Nullable String body,
    Pagination pagination,
    @Nullable String instancePointer,
    @Nullable String itemsPointer,
    @Nullable String idPointer,
    @Nullable ClientToken clientToken,
    Errors notFound,
    Errors alreadyGone,
    Errors confirmGone,
    @Nullable Boolean idempotent,
    @Nullable String statusPointer,
    boolean absentIsNotFound,
    Errors nameTaken) {

  /**
   * Copies {@code args}.
   *
   * @param role our operation name
   * @param operationId the spec operation's id
   * @param longForm written as a map
   * @param id where the instance id goes, or null
   * @param args constant values of parameters, by parameter name
   * @param body constant request body as JSON, or null
   * @param pagination how a list reads its pages
   * @param instancePointer JSON pointer to the wire instance, or null
   * @param itemsPointer JSON pointer to the list of wire instances, or null
   * @param idPointer JSON pointer to the new instance's id, or null
   * @param clientToken where the client token travels, or null
   * @param notFound the answers that mean "not found"
   * @param alreadyGone the answers to terminate that mean "already gone"
   * @param confirmGone the answers to terminate that mean "gone" when a read agrees
   * @param idempotent explicit retry safety, or null for the spec's default
   * @param statusPointer JSON pointer of the raw status in the answer, or null
   * @param absentIsNotFound whether a null instance pointer means not found
   * @param nameTaken the answers to a create that mean the token-derived name is taken
   */
  public Binding {
    args = Map.copyOf(args);
  }

  /**
   * A short-form binding: the operation id alone; the hand-written adapter implements the role.
   *
   * @param role our operation name
   * @param operationId the spec operation's id
   * @return the binding, every long-form part empty
   */
  public static Binding shortForm(String role, String operationId) {
    return new Binding(role, operationId, false, null, Map.of(), null, Pagination.NONE, null, null, null, null,
        Errors.NONE, Errors.NONE, Errors.NONE, null, null, false, Errors.NONE);
  }

  /**
   * Where the instance id travels: a parameter by its spec name, or a JSON pointer into the request body.
   *
   * @param param the parameter that takes the id (its spec name), or null
   * @param bodyPointer the JSON pointer in the request body the id is set at, or null
   */
  public record IdTarget(@Nullable String param, @Nullable String bodyPointer) {}

  /** How a list operation pages. */
  public enum PaginationStyle {
    /** One answer holds every item. */
    NONE,
    /** Each page names the next page's cursor, sent back in {@code cursorParam}. */
    CURSOR,
    /** Pages are numbered from {@code first} in {@code numberParam}. */
    PAGE,
    /** {@code numberParam} takes the offset of the page's first item, from 0. */
    OFFSET
  }

  /**
   * How a list operation reads its pages.
   *
   * @param style the pagination style
   * @param cursorParam the parameter that takes the cursor (cursor style)
   * @param nextPointer JSON pointer of the next page's cursor in a page (cursor style)
   * @param hasMorePointer JSON pointer of a boolean "more pages" flag; false ends the listing even with a cursor
   * @param numberParam the page-number or offset parameter (page, offset)
   * @param sizeParam the page-size parameter, sent as {@code size}
   * @param size the page size asked for
   * @param first the first page number (page style; offsets start at 0)
   */
  public record Pagination(PaginationStyle style, @Nullable String cursorParam, @Nullable String nextPointer,
      @Nullable String hasMorePointer, @Nullable String numberParam, @Nullable String sizeParam, int size, int first) {
    /** No pagination: one answer holds every item. */
    public static final Pagination NONE = new Pagination(PaginationStyle.NONE, null, null, null, null, null, 0, 0);
  }

  /** Where a launch's client token travels. */
  public enum TokenCarrier {
    /** In the instance's name. */
    NAME,
    /** In a tag named {@code key}. */
    TAG,
    /** In a label named {@code key}. */
    LABEL,
    /** In the environment variable {@code key}. */
    ENV
  }

  /** How {@code findByClientToken} finds the instance again. */
  public enum TokenLookup {
    /** Lists every instance and matches the token. */
    LIST,
    /** Gets the instance whose id derives from the token. */
    GET,
    /** The list operation filters server-side by the token. */
    FILTER
  }

  /**
   * Where a launch's client token travels and how {@code findByClientToken} finds it again.
   *
   * @param carrier where the token travels
   * @param key the tag, label or env variable name (tag, label, env), emitted as {@code CLIENT_TOKEN_KEY}
   * @param lookup list (every instance, matched), get (the id derives from the token) or filter (the list
   *     operation filters server-side: {@code filterParam} takes {@code filterValue} with {@code {token}} replaced
   *     by the JSON-escaped token)
   * @param filterParam filter lookup: the list parameter that takes the filter; null otherwise
   * @param filterValue filter lookup: the filter's value, {@code {token}} replaced by the token; null otherwise
   * @param format name carrier: how the name carries the token ({@code TokenNames}: {@code {token}},
   *     {@code {name} [{token}]}, {@code {name}-{token}}; provider.yaml's {@code format}, or {@code nameSuffix: -}
   *     read as {@code {name}-{token}}), {@code {token}} when neither is given; null for the other carriers
   * @param skipGone leave instances already terminated or terminating out of a lookup
   * @param kubernetesName get lookup: the id is the token made a Kubernetes object name
   *     ({@code KubernetesNames.fromToken}), this prefix in front when the token does not start with a letter;
   *     the base then implements {@code instanceIdForClientToken}. Null: the adapter derives the id
   */
  public record ClientToken(TokenCarrier carrier, @Nullable String key, TokenLookup lookup,
      @Nullable String filterParam, @Nullable String filterValue, @Nullable String format, boolean skipGone,
      @Nullable String kubernetesName) {

    /**
     * A token binding whose id (for a get lookup) the adapter derives.
     *
     * @param carrier where the token travels
     * @param key the tag, label or env variable name, or null
     * @param lookup how the token is found again
     * @param filterParam filter lookup: the list parameter that takes the filter, or null
     * @param filterValue filter lookup: the filter's value, or null
     * @param format name carrier: how the name carries the token; null for the other carriers
     * @param skipGone leave instances already terminated or terminating out of a lookup
     */
    public ClientToken(TokenCarrier carrier, @Nullable String key, TokenLookup lookup, @Nullable String filterParam,
        @Nullable String filterValue, @Nullable String format, boolean skipGone) {
      this(carrier, key, lookup, filterParam, filterValue, format, skipGone, null);
    }
  }

  /**
   * Error kinds and provider codes.
   *
   * @param kinds the error kinds that match
   * @param codes the provider's own error codes that match
   */
  public record Errors(List<ErrorKind> kinds, List<String> codes) {
    /** Matches no answer. */
    public static final Errors NONE = new Errors(List.of(), List.of());
    /** Matches the NOT_FOUND kind. */
    public static final Errors NOT_FOUND = new Errors(List.of(ErrorKind.NOT_FOUND), List.of());

    /**
     * Copies both lists.
     *
     * @param kinds the error kinds that match
     * @param codes the provider's own error codes that match
     */
    public Errors {
      kinds = List.copyOf(kinds);
      codes = List.copyOf(codes);
    }

    /**
     * Whether nothing matches.
     *
     * @return true when there are neither kinds nor codes
     */
    public boolean isEmpty() {
      return kinds.isEmpty() && codes.isEmpty();
    }
  }
}
