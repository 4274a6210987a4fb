package dev.providerapi.generator.template;

import org.jspecify.annotations.Nullable;

/**
 * Example bodies for one operation from {@code specs/<p>/fixtures/<operationId>.request.json} and
 * {@code <operationId>.response.json}. A fixture overrides the spec's example for the same side (request or
 * response). Response bodies may be given as on the wire (wrapped in the envelope) or as the bare payload.
 *
 * @param requestJson the request body from the fixture file, or null when there is none
 * @param responseJson the response body from the fixture file, or null when there is none
 */
public record Fixture(@Nullable String requestJson, @Nullable String responseJson) {}
