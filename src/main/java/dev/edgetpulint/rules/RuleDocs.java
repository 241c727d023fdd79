package dev.edgetpulint.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.edgetpulint.graph.Model;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rule reference, generated from the rules themselves (never written twice): text for a terminal,
 * JSON for scripts, Markdown for docs/rules.md. Each Markdown section runs the rule's first
 * triggering example through the engine and shows the message it really produces.
 */
public final class RuleDocs {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final RuleSet rules;
  private final RuleEngine engine;

  public RuleDocs(RuleSet rules) {
    this.rules = rules;
    this.engine = new RuleEngine(rules);
  }

  /** One line per rule: id, severity, runtimes, title. */
  public String text() {
    int width = rules.rules().stream().mapToInt(r -> r.id().length()).max().orElse(10);
    int rangeWidth = rules.rules().stream().mapToInt(r -> range(r).length()).max().orElse(8);
    StringBuilder sb = new StringBuilder();
    for (Rule r : rules.rules()) {
      sb.append(String.format("%-" + width + "s  %-7s  %-" + rangeWidth + "s  %s%n", r.id(), r.severity().id(), range(r), r.title()));
    }
    sb.append(rules.size()).append(" rules. Details: edgetpu-lint rules --format markdown, or ").append(Rule.DOCS_PAGE).append('\n');
    return sb.toString();
  }

  /** "all", ">=13", or "all, compiler <=2.0" when the rule also depends on the compiler. */
  private static String range(Rule r) {
    return r.runtimes().text() + (r.compilers().isAll() ? "" : ", compiler " + r.compilers().text());
  }

  /** Every rule's metadata and examples as JSON. */
  public String json() {
    ObjectNode root = JSON.createObjectNode();
    root.put("count", rules.size());
    ArrayNode list = root.putArray("rules");
    for (Rule r : rules.rules()) {
      ObjectNode n = list.addObject();
      n.put("id", r.id());
      n.put("title", r.title());
      n.put("severity", r.severity().id());
      n.put("scope", r.scope().id());
      ArrayNode ops = n.putArray("ops");
      r.ops().forEach(ops::add);
      ArrayNode exclude = n.putArray("exclude_ops");
      r.excludeOps().forEach(exclude::add);
      n.put("runtimes", r.runtimes().text());
      n.put("compilers", r.compilers().text());
      if (r.forEach() != null) {
        n.put("for_each", r.forEach());
      }
      ObjectNode let = n.putObject("let");
      r.let().forEach(let::put);
      n.put("when", r.when());
      n.put("message", r.message());
      n.put("compiler_status", r.compilerStatus());
      n.put("why", r.why());
      n.put("fix", r.fix());
      n.put("help", r.helpUri());
      n.put("evidence", r.evidence());
      ArrayNode sup = n.putArray("suppresses");
      r.suppresses().forEach(sup::add);
      n.put("file", r.file());
      n.put("line", r.line());
      ArrayNode ex = n.putArray("examples");
      for (RuleExample e : r.examples()) {
        ObjectNode x = ex.addObject();
        x.put("name", e.name());
        x.put("expect", e.triggers() ? "trigger" : "pass");
        x.put("runtime", e.runtime());
        if (e.compiler() != null) {
          x.put("compiler", e.compiler());
        }
        x.set("model", e.model());
      }
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rule reference page (docs/rules.md). */
  public String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("# Rule reference\n\n");
    sb.append("<!-- Generated from rules/*.yaml by `edgetpu-lint rules --format markdown > docs/rules.md`. Do not edit. -->\n\n");
    sb.append("edgetpu-lint has ").append(rules.size()).append(" rules. Each is a YAML entry in `rules/`; this page is generated ")
        .append("from them, and every example on it is one of the rule's tests. How rules are written: ")
        .append("[rules-engine.md](rules-engine.md).\n\n");
    sb.append("Severity `error` means the operation (or the model) will not run on the Edge TPU; `warning` means it may not; ")
        .append("`info` is advice. A rule's runtimes are the Edge TPU runtime versions (`-m`) it holds for.\n\n");
    sb.append("| Rule | Severity | Runtimes | What it checks |\n|---|---|---|---|\n");
    for (Rule r : rules.rules()) {
      sb.append("| [").append(r.id()).append("](#").append(r.anchor()).append(") | ").append(r.severity().id()).append(" | ")
          .append(cell(r.runtimes().text())).append(" | ").append(cell(r.title())).append(" |\n");
    }
    for (Rule r : rules.rules()) {
      section(r, sb);
    }
    return sb.toString();
  }

  private void section(Rule r, StringBuilder sb) {
    sb.append("\n## ").append(r.id()).append("\n\n");
    sb.append("**").append(r.title()).append(".**\n\n");
    sb.append("| | |\n|---|---|\n");
    sb.append("| Severity | ").append(r.severity().id()).append(" |\n");
    if (r.scope() == Rule.Scope.MODEL) {
      sb.append("| Applies to | the whole model |\n");
    } else {
      sb.append("| Operators | ").append(r.ops().contains("*") ? "every operator" : code(r.ops()))
          .append(r.excludeOps().isEmpty() ? "" : " except " + code(r.excludeOps())).append(" |\n");
    }
    sb.append("| Runtimes | ").append(r.runtimes().describe("runtime")).append(" |\n");
    if (!r.compilers().isAll()) {
      sb.append("| Compilers | ").append(r.compilers().describe("compiler")).append(" |\n");
    }
    if (r.compilerStatus() != null) {
      sb.append("| Compiler status | ").append(cell(r.compilerStatus())).append(" |\n");
    }
    sb.append("| Defined in | `").append(r.file()).append("` |\n\n");

    sb.append("### What it does\n\n");
    sb.append("Reports ").append(r.scope() == Rule.Scope.MODEL ? "the model" : "an operator").append(" when this condition holds");
    if (r.forEach() != null) {
      sb.append(" for some `tensor` of the list `for_each`");
    }
    sb.append(":\n\n```yaml\n");
    if (r.forEach() != null) {
      sb.append("for_each: ").append(r.forEach()).append('\n');
    }
    if (!r.let().isEmpty()) {
      sb.append("let:\n");
      for (Map.Entry<String, String> e : r.let().entrySet()) {
        sb.append("  ").append(e.getKey()).append(": ").append(e.getValue().replaceAll("\\s+", " ").strip()).append('\n');
      }
    }
    sb.append("when: ").append(r.when()).append("\n```\n\n");
    if (r.why() != null) {
      sb.append("### Why it matters\n\n").append(r.why()).append("\n\n");
    }
    Optional<RuleExample> bad = r.examples().stream().filter(RuleExample::triggers).findFirst();
    Optional<RuleExample> good = r.examples().stream().filter(e -> !e.triggers()).findFirst();
    Finding finding = null;
    if (bad.isPresent()) {
      RuleExample e = bad.get();
      sb.append("### Example\n\n").append(capitalised(e.name())).append(" (runtime ").append(e.runtime())
          .append(e.compiler() == null ? "" : ", compiler " + e.compiler()).append("):\n\n");
      sb.append("```yaml\n").append(YamlSnippet.write(e.model())).append("```\n\n");
      finding = findingOf(r, e);
      if (finding != null) {
        sb.append("edgetpu-lint reports:\n\n> ").append(r.id()).append(" (").append(finding.severity().id()).append("): ")
            .append(finding.message()).append("\n\n");
      }
    }
    if (good.isPresent()) {
      RuleExample e = good.get();
      sb.append("Not reported: ").append(e.name()).append(" (runtime ").append(e.runtime())
          .append(e.compiler() == null ? "" : ", compiler " + e.compiler()).append("):\n\n");
      sb.append("```yaml\n").append(YamlSnippet.write(e.model())).append("```\n\n");
    }
    sb.append("### How to fix\n\n").append(finding != null && finding.fix() != null ? finding.fix() : r.fix()).append("\n\n");
    if (r.evidence() != null) {
      sb.append("### Evidence\n\n").append(r.evidence()).append("\n");
    }
  }

  private Finding findingOf(Rule r, RuleExample e) {
    try {
      Model model = ExampleModels.model(r, e);
      for (Finding f : engine.evaluate(model, new EvaluationContext(e.runtime(), e.compiler()))) {
        if (f.ruleId().equals(r.id())) {
          return f;
        }
      }
    } catch (IllegalArgumentException ignored) {
      // An invalid example is reported by the rule tests; the page then shows no message.
    }
    return null;
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String code(List<String> items) {
    StringBuilder sb = new StringBuilder();
    for (String s : items) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append('`').append(s).append('`');
    }
    return sb.toString();
  }

  private static String cell(String s) {
    return s.replace("|", "\\|");
  }
}
