package dev.edgetpulint.service.baseline;

/**
 * One accepted finding. The key is {@code sha256 + rule + location}: the same model bytes, the same
 * rule, the same place. {@code path} is there for people reading the file; it is not part of the key,
 * so moving a model keeps its baseline.
 */
public record BaselineEntry(String path, String sha256, String rule, String location, String reason) {
  public String key() {
    return sha256 + "\u0000" + rule + "\u0000" + location;
  }
}
