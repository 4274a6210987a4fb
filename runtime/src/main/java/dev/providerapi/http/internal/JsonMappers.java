package dev.providerapi.http.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one ObjectMapper configuration for provider bodies. */
public final class JsonMappers {
  private JsonMappers() {}

  /**
   * Unknown properties are ignored (providers add fields freely), unknown enum values fall back to the
   * enum's {@code @JsonEnumDefaultValue} (our UNKNOWN cases), money stays BigDecimal, dates are ISO strings,
   * nulls are left out of request bodies. Jackson's 20 MB cap on one string is lifted: a body is already capped
   * as a whole by {@code ProviderConfig.maxResponseBytes}, and a long string (a startup script, a log) in an
   * otherwise good answer must not turn a success into a failure.
   */
  public static ObjectMapper create() {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
        .build();
    return JsonMapper.builder(factory)
        .addModule(new JavaTimeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .build();
  }
}
