package dev.providerapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiRequestTest {
  @Test
  void untypedScalarParametersGoAsTheirTextAndCollectionsRepeatAndNullsAreLeftOut() {
    ApiRequest r = ApiRequest.builder()
        .path("id", TextNode.valueOf("abc"))
        .query("filter", TextNode.valueOf("gpu=4090"))
        .query("n", IntNode.valueOf(3))
        .query("tag", List.of("a", "b"))
        .query("ids", JsonNodeFactory.instance.arrayNode().add(1).add(2))
        .query("absent", null)
        .header("X-Obj", JsonNodeFactory.instance.objectNode().put("k", "v"))
        .build();

    assertThat(r.pathParams()).containsEntry("id", "abc");
    assertThat(r.queryParams()).containsExactly(Map.entry("filter", "gpu=4090"), Map.entry("n", "3"),
        Map.entry("tag", "a"), Map.entry("tag", "b"), Map.entry("ids", "1"), Map.entry("ids", "2"));
    assertThat(r.headers()).containsEntry("X-Obj", "{\"k\":\"v\"}");
  }

  @Test
  void aNullOrBlankPathParameterIsRefusedBeforeAnythingIsSent() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ApiRequest.builder().path("id", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("path parameter 'id' must not be null");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ApiRequest.builder().path("id", " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("path parameter 'id' must not be blank");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ApiRequest.builder().path("id", TextNode.valueOf("")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("path parameter 'id' must not be blank");
  }
}
