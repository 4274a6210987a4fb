package dev.providerapi.generator.model;

/** A request body: its media type, its type and whether it must be sent. */
public record BodyDef(String contentType, TypeRef type, boolean required) {}
