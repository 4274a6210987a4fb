package dev.providerapi.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class GeneratedClientAssertionsTest {
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void jsonIsComparedAsData() {
    assertThatCode(() -> GeneratedClientAssertions.assertSameJson(mapper,
        "{\"n\":110.0,\"at\":\"2025-11-13T19:45:33.104000+00:00\",\"gone\":null,\"xs\":[1]}",
        "{\"xs\":[1],\"at\":\"2025-11-13T19:45:33.104Z\",\"n\":110}")).doesNotThrowAnyException();
    assertThatThrownBy(() -> GeneratedClientAssertions.assertSameJson(mapper, "{\"a\":1,\"b\":2}", "{\"a\":1}"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("JSON {\"a\":1} equals {\"a\":1,\"b\":2}");
    assertThatThrownBy(() -> GeneratedClientAssertions.assertSameJson(mapper, "{\"s\":\"x\"}", "{\"s\":\"y\"}"))
        .isInstanceOf(AssertionError.class);
  }
}
