package dev.providerapi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.OperationDef;
import dev.providerapi.generator.openapi.OpenApiReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperationGuesserTest {
  /** Hyperstack's published spec (219 operations), as kept in the shared corpus. */
  static final Path HYPERSTACK = Path.of("../../../shared/corpus/openapi/hyperstack/openapi.yaml");

  private static ApiModel read(Path spec) {
    return new OpenApiReader().read(spec, null);
  }

  private static ApiModel fixture(String name) {
    try {
      return read(Path.of(OperationGuesserTest.class.getResource("/guesser/" + name).toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> ids(OperationGuesser.Guess guess) {
    Map<String, String> out = new LinkedHashMap<>();
    guess.bound().forEach((ours, op) -> out.put(ours, op.id()));
    return out;
  }

  private static List<String> runnersUp(OperationGuesser.Guess guess, String ours) {
    return guess.runnersUp().getOrDefault(ours, List.of()).stream().map(c -> c.op().id()).toList();
  }

  @Test
  void instanceOperationsWinOverClustersVolumesAndNameChecksThatLookLikeThem() {
    OperationGuesser.Guess guess = OperationGuesser.guess(fixture("traps.yaml"));

    assertThat(ids(guess)).containsExactly(Map.entry("offers", "List_Flavors"), Map.entry("list", "List_VMs"),
        Map.entry("get", "Get_VM"), Map.entry("launch", "Create_VMs"), Map.entry("terminate", "Delete_VM"),
        Map.entry("stop", "Stop_VM"), Map.entry("start", "Start_VM"), Map.entry("restart", "Hard_reboot_VM"));
    assertThat(guess.instanceCollection()).isEqualTo("/core/virtual-machines");
    assertThat(guess.stateChangingGets()).containsExactly("stop", "start", "restart");
  }

  @Test
  void runnersUpAreRankedAndNeverIncludeNameChecks() {
    OperationGuesser.Guess guess = OperationGuesser.guess(fixture("traps.yaml"));

    assertThat(runnersUp(guess, "offers")).containsExactly("List_GPUs", "Get_Cluster_Master_Flavors");
    assertThat(runnersUp(guess, "launch")).containsExactly("Start_Deployment");
    assertThat(runnersUp(guess, "terminate")).isEmpty();
    assertThat(guess.runnersUp().values().stream().flatMap(List::stream).map(c -> c.op().id()))
        .doesNotContain("Check_VM_name_availability", "Fetch_cluster_name_availability", "Create_volume",
            "Delete_volume", "Get_Node_Group", "Stop_Deployment", "Hibernate_VM");
    // The Kubernetes node calls score below zero: unrelated resource and nested under a cluster id.
    assertThat(runnersUp(guess, "list")).doesNotContain("Get_Cluster_Nodes");
  }

  @Test
  void customMethodsAndOperationCollectionsAreActionsOnTheInstanceResource() {
    OperationGuesser.Guess guess = OperationGuesser.guess(fixture("custom-methods.yaml"));

    assertThat(ids(guess)).containsExactly(Map.entry("offers", "list-instance-types"),
        Map.entry("list", "list-instances"), Map.entry("get", "get-instance"), Map.entry("launch", "launchInstance"),
        Map.entry("terminate", "terminateInstance"), Map.entry("stop", "stop-instance"),
        Map.entry("start", "start-instance"));
    // A deployment's restart is not an instance's: nothing is bound rather than the wrong call.
    assertThat(guess.bound()).doesNotContainKey("restart");
    assertThat(guess.stateChangingGets()).isEmpty();
    assertThat(guess.instanceCollection()).isEqualTo("/instances");
  }

  @Test
  void routesReadCollectionItemAndActionShapes() {
    assertThat(route("GET", "/core/virtual-machines/{vm_id}/hard-reboot")).satisfies(r -> {
      assertThat(r.shape()).isEqualTo(OperationGuesser.Shape.ACTION);
      assertThat(r.verb()).isEqualTo("restart");
      assertThat(r.onItem()).isTrue();
      assertThat(r.collection()).isEqualTo("/core/virtual-machines");
    });
    assertThat(route("PUT", "/instance/{id}:stop")).satisfies(r -> {
      assertThat(r.shape()).isEqualTo(OperationGuesser.Shape.ACTION);
      assertThat(r.verb()).isEqualTo("stop");
      assertThat(r.collection()).isEqualTo("/instance");
    });
    assertThat(route("GET", "/core/clusters/{cluster_id}/nodes")).satisfies(r -> {
      assertThat(r.shape()).isEqualTo(OperationGuesser.Shape.COLLECTION);
      assertThat(r.resource()).isEqualTo("nodes");
      assertThat(r.nested()).isTrue();
    });
    assertThat(OperationGuesser.instanceResource("instance-operations")).isEqualTo(10);
    assertThat(OperationGuesser.instanceResource("instance-types")).isZero();
    assertThat(OperationGuesser.instanceResource("gpu-instances")).isEqualTo(8);
    assertThat(OperationGuesser.offerResource("name-availability")).isZero();
    assertThat(OperationGuesser.unrelated("node-groups")).isTrue();
    assertThat(OperationGuesser.unrelated("name-availability")).isTrue();
    assertThat(OperationGuesser.unrelated("catalog")).isFalse();
    assertThat(OperationGuesser.unrelated("virtual-machines")).isFalse();
  }

  private static OperationGuesser.Route route(String method, String path) {
    OperationDef.Http http = new OperationDef.Http(method, path);
    return OperationGuesser.route(new OperationDef("x", "x", null, null, http, List.of(), null, null, null, 200,
        true, false, List.of()), http);
  }

  @Test
  void hyperstacksPublishedSpecBindsTheVirtualMachineOperations() {
    ApiModel model = read(HYPERSTACK);
    assertThat(model.operations()).hasSize(219);

    OperationGuesser.Guess guess = OperationGuesser.guess(model);

    assertThat(ids(guess)).containsExactly(Map.entry("offers", "List_Flavors"), Map.entry("list", "List_VMs"),
        Map.entry("get", "Get_VM"), Map.entry("launch", "Create_VMs"), Map.entry("terminate", "Delete_VM"),
        Map.entry("stop", "Stop_VM"), Map.entry("start", "Start_VM"), Map.entry("restart", "Hard_reboot_VM"));
    assertThat(guess.stateChangingGets()).containsExactly("stop", "start", "restart");
    assertThat(runnersUp(guess, "offers")).first().isEqualTo("List_GPUs");
    assertThat(runnersUp(guess, "launch")).contains("Start_Deployment").doesNotContain("Create_Node_Group");
  }
}
