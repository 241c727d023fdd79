package dev.edgetpulint.service.config;

import dev.edgetpulint.rules.Severity;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * One .edgetpu-lint.yaml, parsed and checked.
 *
 * @param file the file, or null for "no configuration"
 * @param failOn the failure threshold, or null
 */
public record LintConfig(
    Path file,
    RuleSettings settings,
    Severity failOn,
    List<PathOverride> overrides,
    List<ConfigSuppression> suppressions) {

  public static final String FILE_NAME = ".edgetpu-lint.yaml";
  public static final LintConfig NONE = new LintConfig(null, RuleSettings.EMPTY, null, List.of(), List.of());

  public LintConfig {
    overrides = List.copyOf(overrides);
    suppressions = List.copyOf(suppressions);
  }

  /** The settings for {@code model}: top level, then every matching override in file order. */
  public RuleSettings settingsFor(Path model) {
    RuleSettings result = settings;
    for (PathOverride override : overrides) {
      if (matchesAny(override.paths(), model)) {
        result = result.overlay(override.settings());
      }
    }
    return result;
  }

  /** The suppressions whose paths match {@code model}. */
  public List<ConfigSuppression> suppressionsFor(Path model) {
    List<ConfigSuppression> out = new ArrayList<>();
    for (ConfigSuppression s : suppressions) {
      if (s.paths().isEmpty() || matchesAny(s.paths(), model)) {
        out.add(s);
      }
    }
    return List.copyOf(out);
  }

  private boolean matchesAny(List<String> globs, Path model) {
    if (file == null) {
      return false;
    }
    Path base = file.toAbsolutePath().normalize().getParent();
    Path absolute = model.toAbsolutePath().normalize();
    if (!absolute.startsWith(base)) {
      return false;
    }
    String relative = base.relativize(absolute).toString().replace('\\', '/');
    String name = absolute.getFileName().toString();
    for (String glob : globs) {
      if (globMatches(glob, relative) || (!glob.contains("/") && globMatches(glob, name))) {
        return true;
      }
    }
    return false;
  }

  static boolean globMatches(String glob, String relativePath) {
    Path path = Path.of(relativePath);
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    if (matcher.matches(path)) {
      return true;
    }
    // "**/x" should also match "x" at the top, as in .gitignore.
    return glob.startsWith("**/") && globMatches(glob.substring(3), relativePath);
  }
}
