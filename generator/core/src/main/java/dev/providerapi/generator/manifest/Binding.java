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
 * @param longForm written as a map: the generated base implements the role from it
 * @param id where the instance id goes (null: the operation takes none, or the long form leaves it to the
 *     default, the single required path parameter)
 * @param args constant values of parameters, by parameter name (JSON scalars)
 * @param body constant request body as JSON ({@code {"state":"stopped"}}), the id set into it at
 *     {@code id.bodyPointer}; null when the operation has no body or the adapter supplies it (launch)
 * @param instancePointer JSON pointer into the response to the wire instance ({@code /} the response itself)
 * @param itemsPointer JSON pointer into a list response to the list of wire instances
 * @param idPointer JSON pointer into a launch response to the new instance's id ({@code /instance_ids/0})
 * @param idempotent overrides the operation's retry safety; null keeps the spec's (method) default
 * @param statusPointer launch, stop, start, restart: JSON pointer of the raw status in the answer, for the
 *     instance reported when reading it back fails
 * @param absentIsNotFound get: a success whose instance pointer is null means the provider no longer knows the
 *     instance (Vast's {@code {"instances": null}}); otherwise such an answer is unreadable
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
    boolean absentIsNotFound) {

  public Binding {
    args = Map.copyOf(args);
  }

  public static Binding shortForm(String role, String operationId) {
    return new Binding(role, operationId, false, null, Map.of(), null, Pagination.NONE, null, null, null, null,
        Errors.NONE, Errors.NONE, Errors.NONE, null, null, false);
  }

  /** Where the instance id travels: a parameter by its spec name, or a JSON pointer into the request body. */
  public record IdTarget(@Nullable String param, @Nullable String bodyPointer) {}

  public enum PaginationStyle { NONE, CURSOR, PAGE, OFFSET }

  /**
   * @param cursorParam the parameter that takes the cursor (cursor style)
   * @param nextPointer JSON pointer of the next page's cursor in a page (cursor style)
   * @param hasMorePointer JSON pointer of a boolean "more pages" flag; false ends the listing even with a cursor
   * @param numberParam the page-number or offset parameter (page, offset)
   * @param sizeParam the page-size parameter, sent as {@code size}
   * @param first the first page number (page style; offsets start at 0)
   */
  public record Pagination(PaginationStyle style, @Nullable String cursorParam, @Nullable String nextPointer,
      @Nullable String hasMorePointer, @Nullable String numberParam, @Nullable String sizeParam, int size, int first) {
    public static final Pagination NONE = new Pagination(PaginationStyle.NONE, null, null, null, null, null, 0, 0);
  }

  public enum TokenCarrier { NAME, TAG, LABEL, ENV }

  public enum TokenLookup { LIST, GET, FILTER }

  /**
   * Where a launch's client token travels and how {@code findByClientToken} finds it again.
   *
   * @param key the tag, label or env variable name (tag, label, env), emitted as {@code CLIENT_TOKEN_KEY}
   * @param lookup list (every instance, matched), get (the id derives from the token) or filter (the list
   *     operation filters server-side: {@code filterParam} takes {@code filterValue} with {@code {token}} replaced
   *     by the JSON-escaped token)
   * @param nameSuffix the name may also end with this separator and the token ({@code -} for {@code train-<token>})
   * @param skipGone leave instances already terminated or terminating out of a lookup
   */
  public record ClientToken(TokenCarrier carrier, @Nullable String key, TokenLookup lookup,
      @Nullable String filterParam, @Nullable String filterValue, @Nullable String nameSuffix, boolean skipGone) {}

  /** Error kinds and provider codes. */
  public record Errors(List<ErrorKind> kinds, List<String> codes) {
    public static final Errors NONE = new Errors(List.of(), List.of());
    public static final Errors NOT_FOUND = new Errors(List.of(ErrorKind.NOT_FOUND), List.of());

    public Errors {
      kinds = List.copyOf(kinds);
      codes = List.copyOf(codes);
    }

    public boolean isEmpty() {
      return kinds.isEmpty() && codes.isEmpty();
    }
  }
}
