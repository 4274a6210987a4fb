package dev.providerapi.model;

import org.jspecify.annotations.Nullable;

/** A provider region with its canonical name (e.g. {@code us-east-1} -> {@code us-east}). */
public record Region(String providerName, String canonicalName, @Nullable String description) {}
