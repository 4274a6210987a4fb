/**
 * The provider-api runtime: the {@link dev.providerapi.Provider} interface and model, and the HTTP machinery
 * every generated client uses. {@code dev.providerapi.http.internal} is not exported: it is the chain's
 * implementation, free to change between releases.
 */
module dev.providerapi.runtime {
  requires transitive com.fasterxml.jackson.annotation;
  requires transitive com.fasterxml.jackson.core;
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires transitive java.net.http;
  requires io.github.bucket4j.core;
  requires dev.failsafe.core;
  requires org.slf4j;
  requires static transitive org.jspecify;

  exports dev.providerapi;
  exports dev.providerapi.descriptor;
  exports dev.providerapi.errors;
  exports dev.providerapi.gpu;
  exports dev.providerapi.http;
  exports dev.providerapi.json;
  exports dev.providerapi.lifecycle;
  exports dev.providerapi.model;
  exports dev.providerapi.spi;

  // Jackson binds the model, the descriptors, the GPU catalog and GraphQL request bodies by reflection.
  opens dev.providerapi.model to com.fasterxml.jackson.databind;
  opens dev.providerapi.descriptor to com.fasterxml.jackson.databind;
  opens dev.providerapi.gpu to com.fasterxml.jackson.databind;
  opens dev.providerapi.json to com.fasterxml.jackson.databind;
  opens dev.providerapi.http to com.fasterxml.jackson.databind; // GraphQlRequest is a request body

  uses dev.providerapi.Provider;
}
