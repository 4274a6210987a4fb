package dev.providerapi.processor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a hand-written adapter: at compile time it is checked against its provider.yaml (it extends the
 * generated base, implements every method a declared capability makes mandatory, can be created by
 * {@link java.util.ServiceLoader}) and is listed in {@code META-INF/services/dev.providerapi.Provider}, so
 * {@code Providers.load("<name>")} finds it.
 *
 * <p>The provider.yaml is the one a {@link GenerateProvider} in the same compilation names, else
 * {@code specs/<name>/provider.yaml} under the processor's root.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.SOURCE)
public @interface ProviderAdapter {
  /**
   * The provider name, as in provider.yaml ({@code name:}).
   *
   * @return the provider's name, such as {@code lambda}
   */
  String value();
}
