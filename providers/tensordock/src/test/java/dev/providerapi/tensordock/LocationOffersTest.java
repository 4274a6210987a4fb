package dev.providerapi.tensordock;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocationOffersTest {

  @Test
  void defaultResourcesScaleWithGpusWithinTheCeilingsAndStorageHasTheMinimum() {
    assertThat(LocationOffers.defaultResources(2, null, null)).isEqualTo(new LocationOffers.Resources(8, 32));
    assertThat(LocationOffers.defaultResources(8, 16, 64)).isEqualTo(new LocationOffers.Resources(16, 64));
    assertThat(LocationOffers.storageGb(null)).isEqualTo(100);
    assertThat(LocationOffers.storageGb(40)).isEqualTo(100);
    assertThat(LocationOffers.storageGb(500)).isEqualTo(500);
  }
}
