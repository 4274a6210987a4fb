package dev.providerapi.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.providerapi.model.InstanceStatus;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatusMappingTest {
  final StatusMapping mapping = new StatusMapping(
      Map.of("booting", InstanceStatus.PROVISIONING, "Active", InstanceStatus.RUNNING,
          "preempted", InstanceStatus.TERMINATED),
      Set.of("Preempted"));

  @Test
  void mapsIgnoringCaseAndSurroundingSpace() {
    assertThat(mapping.map("active")).isEqualTo(InstanceStatus.RUNNING);
    assertThat(mapping.map(" BOOTING ")).isEqualTo(InstanceStatus.PROVISIONING);
  }

  @Test
  void unknownAndNullValuesAreUnknown() {
    assertThat(mapping.map("hibernating")).isEqualTo(InstanceStatus.UNKNOWN);
    assertThat(mapping.map(null)).isEqualTo(InstanceStatus.UNKNOWN);
  }

  @Test
  void preemptionIsItsOwnFlag() {
    assertThat(mapping.isPreempted("preempted")).isTrue();
    assertThat(mapping.map("preempted")).isEqualTo(InstanceStatus.TERMINATED);
    assertThat(mapping.isPreempted("active")).isFalse();
    assertThat(mapping.isPreempted(null)).isFalse();
  }
}
