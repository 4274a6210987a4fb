package dev.providerapi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mockwebserver3.RecordedRequest;

/**
 * The assertions every generated client test uses, kept here once instead of in each generated test class.
 */
public final class GeneratedClientAssertions {
  private GeneratedClientAssertions() {}

  /**
   * The query, as name=value pairs in any order, is exactly {@code expected} (auth parameters included).
   *
   * @param request the request the client sent
   * @param expected every query parameter as {@code name=value}, decoded; none means the URL has no query
   */
  public static void assertQuery(RecordedRequest request, String... expected) {
    List<String> actual = new ArrayList<>();
    for (int i = 0; i < request.getUrl().querySize(); i++) {
      actual.add(request.getUrl().queryParameterName(i) + "=" + request.getUrl().queryParameterValue(i));
    }
    assertThat(actual).containsExactlyInAnyOrderElementsOf(Arrays.asList(expected));
  }

  /**
   * Equal as data: numbers by value, date-times by instant ({@code ...104Z} is {@code ...104000+00:00}), and a
   * member that is null on one side may be absent on the other (the client leaves nulls out).
   *
   * @param mapper the mapper both texts are read with
   * @param expected the JSON the test expects
   * @param actual the JSON the client sent or produced
   * @throws JsonProcessingException when either text is not JSON
   */
  public static void assertSameJson(ObjectMapper mapper, String expected, String actual)
      throws JsonProcessingException {
    JsonNode want = normalized(mapper.readTree(expected));
    JsonNode got = normalized(mapper.readTree(actual));
    assertThat(got.equals((a, b) -> a.isNumber() && b.isNumber()
        ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1, want))
        .as("JSON %s equals %s", got, want)
        .isTrue();
  }

  static JsonNode normalized(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      node.fields().forEachRemaining(e -> {
        if (!e.getValue().isNull()) {
          out.set(e.getKey(), normalized(e.getValue()));
        }
      });
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      node.forEach(n -> out.add(normalized(n)));
      return out;
    }
    if (node.isTextual() && node.asText().length() >= 20 && Character.isDigit(node.asText().charAt(0))) {
      try {
        return JsonNodeFactory.instance.textNode(OffsetDateTime.parse(node.asText()).toInstant().toString());
      } catch (DateTimeParseException notADateTime) {
        return node;
      }
    }
    return node;
  }
}
