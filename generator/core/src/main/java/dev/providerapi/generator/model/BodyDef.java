package dev.providerapi.generator.model;

/**
 * A request body: its media type, its type and whether it must be sent.
 *
 * @param contentType the media type ({@code application/json})
 * @param type the body's type
 * @param required whether it must be sent
 */
public record BodyDef(String contentType, TypeRef type, boolean required) {}
