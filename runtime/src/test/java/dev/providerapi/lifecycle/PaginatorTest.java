package dev.providerapi.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.providerapi.errors.UnexpectedResponseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaginatorTest {
  private final Paginator paginator = new Paginator("acme", "listThings");

  @Test
  void followsCursorsAcrossThreePagesAndStopsAtABlankOne() {
    Map<String, Paginator.Page<String>> pages = Map.of(
        "", new Paginator.Page<>(List.of("a", "b"), "c2"),
        "c2", new Paginator.Page<>(List.of("c"), "c3"),
        "c3", new Paginator.Page<>(List.of("d"), " "));
    List<String> asked = new ArrayList<>();
    List<String> all = paginator.byCursor(cursor -> {
      asked.add(String.valueOf(cursor));
      return pages.get(cursor == null ? "" : cursor);
    });
    assertThat(all).containsExactly("a", "b", "c", "d");
    assertThat(asked).containsExactly("null", "c2", "c3");
  }

  @Test
  void aCursorServedTwiceIsATypedErrorNotATruncatedListing() {
    assertThatThrownBy(() -> paginator.byCursor(cursor -> new Paginator.Page<>(List.of("x"),
        cursor == null ? "c1" : cursor.equals("c1") ? "c2" : "c1")))
        .isInstanceOf(UnexpectedResponseException.class)
        .hasMessage("acme listThings: HTTP 200 pagination served cursor 'c1' a second time after 3 page(s); the"
            + " listing would never end, so it is not trusted");
  }

  @Test
  void pageNumbersRunUntilAShortPage() {
    List<Integer> asked = new ArrayList<>();
    List<Integer> all = paginator.byNumber(1, 1, 2, n -> {
      asked.add(n);
      return n < 3 ? List.of(n * 10, n * 10 + 1) : List.of(99);
    });
    assertThat(all).containsExactly(10, 11, 20, 21, 99);
    assertThat(asked).containsExactly(1, 2, 3);
  }

  @Test
  void offsetsAdvanceByThePageSizeAndAnEmptyPageEnds() {
    List<Integer> asked = new ArrayList<>();
    List<String> all = paginator.byNumber(0, 2, 2, offset -> {
      asked.add(offset);
      return offset < 4 ? List.of("i" + offset, "i" + (offset + 1)) : List.of();
    });
    assertThat(all).containsExactly("i0", "i1", "i2", "i3");
    assertThat(asked).containsExactly(0, 2, 4);
  }

  @Test
  void aProviderThatIgnoresThePageNumberIsATypedErrorNotTenThousandPages() {
    List<Integer> asked = new ArrayList<>();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> paginator.byNumber(1, 1, 2, n -> {
      asked.add(n);
      return List.of("a", "b"); // page 1, whatever was asked
    })).isInstanceOf(dev.providerapi.errors.UnexpectedResponseException.class)
        .hasMessageContaining("pagination served the same 2 item(s) for page 2 as for the page before; the provider"
            + " ignores the page parameter");
    assertThat(asked).containsExactly(1, 2);
  }
}
