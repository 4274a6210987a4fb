package dev.providerapi.lifecycle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Reads every page of a list, so {@code list()} returns all instances or a typed error, never a silent first
 * page. A cursor served twice, a numbered page equal to the one before it, or more than {@link #MAX_PAGES}
 * pages, is a provider bug that would loop
 * forever: it is an {@link dev.providerapi.errors.UnexpectedResponseException}, not a truncated answer.
 */
public final class Paginator {
  /** A bound no real account reaches; past it the provider is looping. */
  public static final int MAX_PAGES = 10_000;

  private final String provider;
  private final String operation;

  /**
   * A paginator for one list operation.
   *
   * @param provider the provider's name, for failures
   * @param operation the operation id, for failures
   */
  public Paginator(String provider, String operation) {
    this.provider = provider;
    this.operation = operation;
  }

  /**
   * One page as read: its items and the cursor of the next page (null or blank: this was the last).
   *
   * @param <T> the item type
   * @param items the page's items (copied; null means none)
   * @param next the next page's cursor; null or blank on the last page
   */
  public record Page<T>(List<T> items, @Nullable String next) {
    /**
     * Copies the items; null becomes an empty list.
     *
     * @param items the page's items
     * @param next the next page's cursor, or null
     */
    public Page {
      items = items == null ? List.of() : List.copyOf(items);
    }
  }

  /**
   * Cursor pagination: {@code fetch} gets null first, then each page's next cursor.
   *
   * @param <T> the item type
   * @param fetch reads the page at a cursor (null for the first)
   * @return every page's items, in order
   * @throws dev.providerapi.errors.UnexpectedResponseException if a cursor comes twice or there are more than
   *     {@link #MAX_PAGES} pages
   */
  public <T> List<T> byCursor(Function<@Nullable String, Page<T>> fetch) {
    List<T> all = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String cursor = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      Page<T> p = fetch.apply(cursor);
      all.addAll(p.items());
      if (p.next() == null || p.next().isBlank()) {
        return all;
      }
      if (!seen.add(p.next())) {
        throw Failures.unexpected(provider, operation, "pagination served cursor '" + p.next() + "' a second"
            + " time after " + (page + 1) + " page(s); the listing would never end, so it is not trusted");
      }
      cursor = p.next();
    }
    throw tooMany();
  }

  /**
   * Page-number or offset pagination: {@code fetch} gets {@code first}, then each next page number (or offset,
   * advanced by {@code step}) until a page brings fewer than {@code pageSize} items.
   *
   * @param <T> the item type
   * @param first the first page number or offset
   * @param step what to add to get the next one (1 for page numbers, the page size for offsets)
   * @param pageSize the full size of a page; a shorter page is the last
   * @param fetch reads the page at a number or offset
   * @return every page's items, in order
   * @throws dev.providerapi.errors.UnexpectedResponseException if a page equals the one before it or there are
   *     more than {@link #MAX_PAGES} pages
   */
  public <T> List<T> byNumber(int first, int step, int pageSize, IntFunction<List<T>> fetch) {
    List<T> all = new ArrayList<>();
    List<T> previous = null;
    int n = first;
    for (int page = 0; page < MAX_PAGES; page++) {
      List<T> items = fetch.apply(n);
      if (items == null || items.isEmpty()) {
        return all;
      }
      if (items.equals(previous)) {
        // A provider that ignores the page parameter serves full page 1 forever: it would loop to MAX_PAGES.
        throw Failures.unexpected(provider, operation, "pagination served the same " + items.size() + " item(s) for"
            + " page " + n + " as for the page before; the provider ignores the page parameter, so the listing"
            + " would never end and is not trusted");
      }
      previous = items;
      all.addAll(items);
      if (items.size() < pageSize) {
        return all;
      }
      n += step;
    }
    throw tooMany();
  }

  private RuntimeException tooMany() {
    return Failures.unexpected(provider, operation, "more than " + MAX_PAGES + " pages; stopping");
  }
}
