package dev.providerapi.model;

import org.jspecify.annotations.Nullable;

/**
 * A provider region with its canonical name (e.g. {@code us-east-1} -> {@code us-east}).
 *
 * @param providerName the provider's name for the region
 * @param canonicalName our canonical name for it
 * @param description the provider's description; null if none
 */
public record Region(String providerName, String canonicalName, @Nullable String description) {}
