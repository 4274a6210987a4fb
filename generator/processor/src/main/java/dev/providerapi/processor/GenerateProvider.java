package dev.providerapi.processor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@code package-info.java}: javac generates this provider's client, models and adapter base (what
 * {@code ./provider-api <p>} writes to {@code src/generated/java}) at compile time, for projects that would
 * rather not check generated code in.
 *
 * <pre>{@code
 * @GenerateProvider(manifest = "specs/lambda/provider.yaml")
 * package com.example.cloud;
 * }</pre>
 *
 * <p>Paths are relative to the processor option {@code -Aproviderapi.root=DIR} (default: the working folder
 * of javac; with Maven pass {@code -Aproviderapi.root=${project.basedir}}).
 */
@Target(ElementType.PACKAGE)
@Retention(RetentionPolicy.SOURCE)
public @interface GenerateProvider {
  /**
   * The provider.yaml; the spec it names (and every file the spec {@code $ref}s) is read from there.
   *
   * @return the manifest's path, relative to the processor's root
   */
  String manifest();
}
