package com.example.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.acme.AcmeProviderBase;
import com.example.acme.api.AcmeApiClient;
import com.example.acme.model.ListMachinesResponseItem;
import dev.providerapi.ProviderConfig;
import dev.providerapi.http.ApiClient;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The client javac generated, called as a user of this project would, against a local server. */
class AcmeClientTest {
  @Test
  void listsMachinesWithTheBearerKey() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .body("[{\"id\":\"m-1\",\"gpu\":\"H100\",\"unknown\":true}]").build());
      ProviderConfig config = ProviderConfig.builder().apiKey("k-123").baseUrl(server.url("/").toString())
          .rateLimited(false).maxAttempts(1).build();
      try (ApiClient client = ApiClient.create(AcmeProviderBase.DESCRIPTOR, config)) {
        List<ListMachinesResponseItem> machines = new AcmeApiClient(client).listMachines();

        assertThat(machines).extracting(ListMachinesResponseItem::id).containsExactly("m-1");
        assertThat(machines.get(0).gpu()).isEqualTo("H100");
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/machines");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer k-123");
      }
    }
  }
}
