package dev.edgetpulint.service.config;

import java.util.List;

/**
 * A suppression written in a configuration file.
 *
 * @param rule the rule id (exact)
 * @param paths globs relative to the configuration file's directory; empty means every model
 * @param location a logical location ("subgraphs[0].operators[3]"), or null for anywhere in the model
 * @param reason why the finding is accepted (required)
 */
public record ConfigSuppression(String rule, List<String> paths, String location, String reason) {
  public ConfigSuppression {
    paths = paths == null ? List.of() : List.copyOf(paths);
  }
}
