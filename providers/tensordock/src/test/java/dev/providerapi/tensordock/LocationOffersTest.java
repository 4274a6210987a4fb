package dev.providerapi.tensordock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LocationOffersTest {

  @Test
  void offerIdsRoundTripAndKeepColonsInTheGpuName() {
    LocationOffers.OfferId id = LocationOffers.OfferId.parse("geforcertx4090-pcie-24gb:3@loc-1");
    assertThat(id).isEqualTo(new LocationOffers.OfferId("geforcertx4090-pcie-24gb", 3, "loc-1"));
    assertThat(id).hasToString("geforcertx4090-pcie-24gb:3@loc-1");
    assertThat(LocationOffers.OfferId.parse("odd:name:2@loc").gpu()).isEqualTo("odd:name");
  }

  @Test
  void malformedOfferIdsAreRefusedWithTheExpectedForm() {
    for (String bad : new String[] {"no-at", "gpu@loc", ":1@loc", "gpu:1@", "gpu:x@loc", "gpu:0@loc"}) {
      assertThatThrownBy(() -> LocationOffers.OfferId.parse(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad);
    }
  }

  @Test
  void defaultResourcesScaleWithGpusWithinTheCeilingsAndStorageHasTheMinimum() {
    assertThat(LocationOffers.defaultResources(2, null, null)).isEqualTo(new LocationOffers.Resources(8, 32));
    assertThat(LocationOffers.defaultResources(8, 16, 64)).isEqualTo(new LocationOffers.Resources(16, 64));
    assertThat(LocationOffers.storageGb(null)).isEqualTo(100);
    assertThat(LocationOffers.storageGb(40)).isEqualTo(100);
    assertThat(LocationOffers.storageGb(500)).isEqualTo(500);
  }
}
