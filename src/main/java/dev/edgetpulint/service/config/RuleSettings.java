package dev.edgetpulint.service.config;

import dev.edgetpulint.rules.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings a configuration file gives at top level or for some paths. Null or empty means "not set".
 *
 * @param select rule ids or id prefixes to report; empty means all
 * @param ignore rule ids or id prefixes never to report
 * @param severity per-rule severity overrides (exact ids), {@code off} drops the rule
 * @param ruleDirs extra rule directories, absolute
 * @param compiler the edgetpu_compiler release to judge for ("2.0"), or null
 */
public record RuleSettings(
    Integer runtime,
    Boolean multipleSubgraphs,
    List<String> select,
    List<String> ignore,
    Map<String, Severity> severity,
    List<Path> ruleDirs,
    String compiler) {

  public static final RuleSettings EMPTY = new RuleSettings(null, null, List.of(), List.of(), Map.of(), List.of());

  /** Settings without a compiler version. */
  public RuleSettings(Integer runtime, Boolean multipleSubgraphs, List<String> select, List<String> ignore,
      Map<String, Severity> severity, List<Path> ruleDirs) {
    this(runtime, multipleSubgraphs, select, ignore, severity, ruleDirs, null);
  }

  public RuleSettings {
    select = select == null ? List.of() : List.copyOf(select);
    ignore = ignore == null ? List.of() : List.copyOf(ignore);
    severity = severity == null ? Map.of() : Map.copyOf(severity);
    ruleDirs = ruleDirs == null ? List.of() : List.copyOf(ruleDirs);
  }

  /** These settings with {@code more} laid over them: scalars and select replaced, ignore/rules added, severities merged. */
  public RuleSettings overlay(RuleSettings more) {
    List<String> ignores = new ArrayList<>(ignore);
    ignores.addAll(more.ignore);
    Map<String, Severity> severities = new LinkedHashMap<>(severity);
    severities.putAll(more.severity);
    List<Path> dirs = new ArrayList<>(ruleDirs);
    for (Path dir : more.ruleDirs) {
      if (!dirs.contains(dir)) {
        dirs.add(dir);
      }
    }
    return new RuleSettings(
        more.runtime != null ? more.runtime : runtime,
        more.multipleSubgraphs != null ? more.multipleSubgraphs : multipleSubgraphs,
        more.select.isEmpty() ? select : more.select,
        ignores, severities, dirs,
        more.compiler != null ? more.compiler : compiler);
  }

  /** Whether findings of {@code ruleId} are reported at all (select/ignore by id or prefix). */
  public boolean selects(String ruleId) {
    return (select.isEmpty() || matchesAny(select, ruleId)) && !matchesAny(ignore, ruleId);
  }

  private static boolean matchesAny(List<String> patterns, String ruleId) {
    for (String pattern : patterns) {
      if (matches(pattern, ruleId)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(String pattern, String ruleId) {
    return pattern.equals("ALL") || ruleId.equals(pattern) || ruleId.startsWith(pattern);
  }
}
