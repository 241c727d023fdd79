package dev.edgetpulint.rules;

import dev.edgetpulint.graph.Operator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One rule, as written in a {@code rules/*.yaml} file. Everything Edge TPU specific lives in these
 * fields; the engine only evaluates them.
 *
 * @param id stable id ("EDGETPU-CONV2D-DILATION")
 * @param title one line: what the rule checks
 * @param scope whether the rule judges each operator or the whole model
 * @param ops operator types it applies to ("CONV_2D", "CUSTOM:name", or "*" for every operator)
 * @param excludeOps operator types it never applies to (with "*")
 * @param runtimes Edge TPU runtime versions the rule holds for
 * @param compilers compiler versions the rule holds for
 * @param forEach optional expression giving a list; the condition is tried with {@code tensor} bound
 *     to each element, and the rule reports the first element that meets it
 * @param let named helper expressions, each evaluated when first read, usable in the condition and message
 * @param when the condition (an expression); the rule reports when it is true
 * @param message template with {@code {{expression}}} placeholders for actual values
 * @param compilerStatus the per-op status edgetpu_compiler prints for this cause, or null
 * @param why why the Edge TPU needs this (documentation)
 * @param fix how to fix it (a template, like the message)
 * @param help documentation link, or null for the generated docs anchor
 * @param evidence where the rule comes from and how sure it is (documentation)
 * @param suppresses ids of rules whose findings at the same location this rule's finding replaces
 * @param examples graphs that must and must not trigger the rule (they are the rule's tests)
 * @param file the file the rule came from; {@code line} its line there
 * @param positions where each expression field starts ("when", "let.dw", "message", ...) as
 *     "file:line:column", for error messages; may be empty
 */
public record Rule(
    String id,
    String title,
    Scope scope,
    List<String> ops,
    List<String> excludeOps,
    VersionRange runtimes,
    VersionRange compilers,
    String forEach,
    Map<String, String> let,
    String when,
    Severity severity,
    String message,
    String compilerStatus,
    String why,
    String fix,
    String help,
    String evidence,
    List<String> suppresses,
    List<RuleExample> examples,
    String file,
    int line,
    Map<String, String> positions) {

  /** Where the generated rule reference lives, relative to the repository root. */
  public static final String DOCS_PAGE = "docs/rules.md";

  public enum Scope {
    OPERATOR, MODEL;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Rule {
    ops = List.copyOf(ops);
    excludeOps = List.copyOf(excludeOps);
    let = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(let));
    suppresses = List.copyOf(suppresses);
    positions = positions == null ? Map.of() : Map.copyOf(positions);
    // Built-in rules get a list that reads the examples on first use (see RuleLoader.ExampleSource).
    examples = examples instanceof RuleLoader.LazyExamples ? examples : List.copyOf(examples);
  }

  /** A rule without recorded field positions (rules built in code, tests). */
  public Rule(String id, String title, Scope scope, List<String> ops, List<String> excludeOps, VersionRange runtimes,
      VersionRange compilers, String forEach, Map<String, String> let, String when, Severity severity, String message,
      String compilerStatus, String why, String fix, String help, String evidence, List<String> suppresses,
      List<RuleExample> examples, String file, int line) {
    this(id, title, scope, ops, excludeOps, runtimes, compilers, forEach, let, when, severity, message, compilerStatus,
        why, fix, help, evidence, suppresses, examples, file, line, Map.of());
  }

  /** "file:line:column" of an expression field ("when", "let.dw"), or the rule's own file:line. */
  public String origin(String field) {
    return positions.getOrDefault(field, origin());
  }

  /** Whether this operator rule looks at {@code op} (by type; the condition decides the rest). */
  public boolean appliesTo(Operator op) {
    String type = op.opName();
    String display = op.displayName();
    if (excludeOps.contains(type) || excludeOps.contains(display)) {
      return false;
    }
    return ops.contains("*") || ops.contains(type) || ops.contains(display);
  }

  /** Whether the rule holds for this runtime and compiler. */
  public boolean appliesTo(EvaluationContext context) {
    return appliesTo(context.runtime(), context.compilerNumber());
  }

  /** {@link #appliesTo(EvaluationContext)} with the compiler version already a number. */
  public boolean appliesTo(int runtime, double compiler) {
    return runtimes.contains(runtime) && compilers.contains(compiler);
  }

  /** The documentation anchor of this rule in {@link #DOCS_PAGE}. */
  public String anchor() {
    // By hand, not replaceAll: every rule's link is made on each check, and a regular expression is
    // slow to start in a fresh JVM.
    StringBuilder anchor = new StringBuilder(id.length());
    for (int i = 0; i < id.length(); i++) {
      char c = Character.toLowerCase(id.charAt(i));
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
        anchor.append(c);
      }
    }
    return anchor.toString();
  }

  /** The help link: the rule's own, or its section of the generated rule reference. */
  public String helpUri() {
    return help != null ? help : DOCS_PAGE + "#" + anchor();
  }

  /** "rules/ops.yaml:12". */
  public String origin() {
    return file + ":" + line;
  }
}
