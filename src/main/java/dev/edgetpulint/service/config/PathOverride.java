package dev.edgetpulint.service.config;

import java.util.List;

/** Settings that apply to the models matching {@code paths} (globs relative to the configuration file). */
public record PathOverride(List<String> paths, RuleSettings settings) {
  public PathOverride {
    paths = List.copyOf(paths);
  }
}
