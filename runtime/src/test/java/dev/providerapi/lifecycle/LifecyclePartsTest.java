package dev.providerapi.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.providerapi.errors.ErrorDetails;
import dev.providerapi.errors.ErrorKind;
import dev.providerapi.errors.InvalidRequestException;
import dev.providerapi.errors.NotFoundException;
import dev.providerapi.model.Region;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LifecyclePartsTest {
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void nullOrBlankIdsAreRefusedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> InstanceIds.require("acme", "get", null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("acme get: the instance id is null; pass the id launch() or list() returned");
    assertThatThrownBy(() -> InstanceIds.require("acme", "stop", "  ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("acme stop: the instance id is blank; pass the id launch() or list() returned");
    assertThat(InstanceIds.require("acme", "get", " i-1 ")).isEqualTo("i-1");
  }

  @Test
  void numericIdsParseOrSayNoSuchInstanceCanExist() {
    assertThat(InstanceIds.asLong("vast", "get", "42")).isEqualTo(OptionalLong.of(42));
    assertThat(InstanceIds.asLong("vast", "get", "i-42")).isEmpty();
    assertThatThrownBy(() -> InstanceIds.requireLong("vast", "stop", "i-42"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("vast stop: instance ids are numbers, got 'i-42'");
  }

  @Test
  void bodiesAreTheTemplateWithTheIdAtItsPointer() {
    JsonNode list = RequestBodies.build(mapper, "{}", "/instance_ids", true, "i-1", JsonNode.class);
    assertThat(list.toString()).isEqualTo("{\"instance_ids\":[\"i-1\"]}");
    JsonNode nested = RequestBodies.build(mapper, "{\"input\":{\"gpuCount\":1}}", "/input/podId", false, "p-1",
        JsonNode.class);
    assertThat(nested.toString()).isEqualTo("{\"input\":{\"gpuCount\":1,\"podId\":\"p-1\"}}");
    JsonNode constant = RequestBodies.build(mapper, "{\"state\":\"stopped\"}", null, false, null, JsonNode.class);
    assertThat(constant.toString()).isEqualTo("{\"state\":\"stopped\"}");
    assertThat(RequestBodies.fill("{\"label\":{\"eq\":\"{token}\"}}", "a\"b"))
        .isEqualTo("{\"label\":{\"eq\":\"a\\\"b\"}}");
  }

  @Test
  void errorMatchesByKindOrProviderCode() {
    ErrorMatch m = ErrorMatch.of(List.of(ErrorKind.NOT_FOUND), List.of("instance/gone"));
    assertThat(m.matches(new NotFoundException(details(404, null), null))).isTrue();
    assertThat(m.matches(new InvalidRequestException(details(400, "instance/gone"), null))).isTrue();
    assertThat(m.matches(new InvalidRequestException(details(400, "other"), null))).isFalse();
  }

  @Test
  void offerIdsOfTypeAtRegion() {
    assertThat(OfferIds.typeAtRegion("lambda", "gpu_1x_a10@us-east-1", "x@y"))
        .isEqualTo(new OfferIds.TypeAtRegion("gpu_1x_a10", "us-east-1"));
    assertThatThrownBy(() -> OfferIds.typeAtRegion("lambda", "gpu_1x_a10", "gpu_1x_h100_sxm5@us-east-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lambda offer ids look like 'gpu_1x_h100_sxm5@us-east-1', got 'gpu_1x_a10'");
  }

  @Test
  void regionsTranslateBothWays() {
    RegionTranslation r = new RegionTranslation(List.of(new Region("us-east-1", "us-east", null),
        new Region("us-east-2", "us-east", null)));
    assertThat(r.canonical("US-EAST-1")).isEqualTo("us-east");
    assertThat(r.canonical("mars-1")).isEqualTo("mars-1");
    assertThat(r.providerRegions("us-east")).containsExactly("us-east-1", "us-east-2");
    assertThat(r.isCanonicalOnly("us-east")).isTrue();
    assertThat(r.isCanonicalOnly("us-east-1")).isFalse();
  }

  @Test
  void noCapacityIsTheTypeABrokerFailsOverOn() {
    var e = Failures.noCapacity("vast", "launch", "no offer fits gpu=H100", null);
    assertThat(e.kind()).isEqualTo(ErrorKind.CAPACITY_UNAVAILABLE);
    assertThat(e.isRetryable()).isFalse();
  }

  private static ErrorDetails details(int status, String code) {
    return new ErrorDetails("acme", "op", status, code, "m", null, false, null);
  }
}
