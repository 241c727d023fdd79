package dev.edgetpulint.description;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A quick first look at a description tree against the description JSON Schema, read from the schema
 * itself: it answers {@link Verdict#VALID} only when the tree certainly satisfies the schema, so that
 * the full validator (networknt, which also words the messages) runs only for a tree that may break it.
 * On a large description the full validator costs as much as the YAML scanner's slowest fifth, for a
 * tree that is almost always valid while the user types.
 *
 * <p>Only the keywords the description schema uses are understood; a schema with any other keyword makes
 * every answer {@link Verdict#UNSURE} (the full validator then always runs), so a schema change can make
 * the check slower, never wrong. Where JSON Schema and Java could disagree (a float where an integer is
 * expected, NaN, a pattern over a string with line breaks) the answer is UNSURE as well.
 */
final class SchemaPrecheck {
  enum Verdict { VALID, INVALID, UNSURE }

  private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "title", "description", "$comment");
  private static final Pattern LINE_BREAK = Pattern.compile("[\\n\\r\\u0085\\u2028\\u2029]");

  private final Rule root;
  private final String unsupported;

  private SchemaPrecheck(Rule root, String unsupported) {
    this.root = root;
    this.unsupported = unsupported;
  }

  /** The check for {@code schema}; one that always answers UNSURE when the schema uses other keywords. */
  static SchemaPrecheck of(JsonNode schema) {
    try {
      Compiler compiler = new Compiler(schema);
      Rule root = compiler.compile(schema);
      compiler.resolveReferences();
      return new SchemaPrecheck(root, null);
    } catch (Unsupported e) {
      return new SchemaPrecheck(null, e.getMessage());
    }
  }

  /** Why the check always answers UNSURE, or null when it is in use. */
  String unsupported() {
    return unsupported;
  }

  Verdict check(JsonNode instance) {
    return check(instance, null).verdict();
  }

  /** Checks {@code instance}, trusting the items {@code previous} (a check of an earlier version) found valid. */
  Result check(JsonNode instance, Memo previous) {
    if (root == null) {
      return new Result(Verdict.UNSURE, null);
    }
    Memo memo = new Memo(previous == null ? Collections.emptyMap() : previous.found);
    Verdict verdict = root.check(instance, memo);
    memo.previous = Collections.emptyMap();
    return new Result(verdict, verdict == Verdict.VALID ? memo : null);
  }

  private interface Rule {
    Verdict check(JsonNode instance, Memo memo);
  }

  /**
   * Which collection items were found certainly valid, by identity: the tree of an edited description
   * shares every unchanged item with the previous version's (JSON nodes are never changed once built),
   * so the next check re-checks only the changed ones.
   */
  static final class Memo {
    private Map<JsonNode, Rule> previous; // dropped after the check: memos never chain
    private final Map<JsonNode, Rule> found = new IdentityHashMap<>();

    private Memo(Map<JsonNode, Rule> previous) {
      this.previous = previous;
    }
  }

  /** The verdict, and what the check of the next version may reuse (only when VALID). */
  record Result(Verdict verdict, Memo memo) {}

  private static Verdict all(Rule[] rules, JsonNode instance, Memo memo) {
    Verdict result = Verdict.VALID;
    for (Rule rule : rules) {
      Verdict v = rule.check(instance, memo);
      if (v == Verdict.INVALID) {
        return Verdict.INVALID;
      }
      if (v == Verdict.UNSURE) {
        result = Verdict.UNSURE;
      }
    }
    return result;
  }

  private static Verdict of(boolean valid) {
    return valid ? Verdict.VALID : Verdict.INVALID;
  }

  private static final class Unsupported extends RuntimeException {
    Unsupported(String message) {
      super(message, null, false, false);
    }
  }

  private static final class Compiler {
    private final JsonNode schemaRoot;
    private final Map<String, Rule[]> references = new HashMap<>();

    Compiler(JsonNode schemaRoot) {
      this.schemaRoot = schemaRoot;
    }

    Rule compile(JsonNode schema) {
      if (!schema.isObject()) {
        throw new Unsupported("a schema that is not an object");
      }
      List<Rule> rules = new ArrayList<>();
      Map<String, Rule> properties = new HashMap<>();
      JsonNode additional = null;
      for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode value = e.getValue();
        switch (e.getKey()) {
          case "type" -> rules.add(type(value));
          case "required" -> {
            List<String> names = new ArrayList<>();
            value.forEach(n -> names.add(n.asText()));
            rules.add((i, m) -> {
              if (i.isObject()) {
                for (String name : names) {
                  if (!i.has(name)) {
                    return Verdict.INVALID;
                  }
                }
              }
              return Verdict.VALID;
            });
          }
          case "properties" -> value.fields().forEachRemaining(p -> properties.put(p.getKey(), compile(p.getValue())));
          case "additionalProperties" -> additional = value;
          case "items" -> {
            Rule item = compile(value);
            rules.add((i, m) -> {
              if (!i.isArray()) {
                return Verdict.VALID;
              }
              for (int k = 0; k < i.size(); k++) {
                JsonNode element = i.get(k);
                if (m.previous.get(element) == item) {
                  m.found.put(element, item);
                  continue;
                }
                Verdict v = item.check(element, m);
                if (v != Verdict.VALID) {
                  return v == Verdict.INVALID ? Verdict.INVALID : worstOfRest(item, i, k, m);
                }
                if (element.isContainerNode()) {
                  m.found.put(element, item);
                }
              }
              return Verdict.VALID;
            });
          }
          case "enum", "const" -> rules.add(equalsOneOf(e.getKey().equals("const") ? List.of(value) : list(value)));
          case "minimum" -> rules.add(minimum(value));
          case "pattern" -> {
            Pattern pattern = Pattern.compile(value.asText());
            rules.add((i, m) -> !i.isTextual() ? Verdict.VALID
                : LINE_BREAK.matcher(i.asText()).find() ? Verdict.UNSURE : of(pattern.matcher(i.asText()).find()));
          }
          case "oneOf" -> {
            List<Rule> choices = new ArrayList<>();
            value.forEach(c -> choices.add(compile(c)));
            rules.add((i, m) -> oneOf(choices, i, m));
          }
          case "$ref" -> rules.add(reference(value.asText()));
          case "$defs" -> {
            if (schema != schemaRoot) {
              throw new Unsupported("$defs below the root");
            }
          }
          default -> {
            if (!ANNOTATIONS.contains(e.getKey())) {
              throw new Unsupported("keyword " + e.getKey());
            }
          }
        }
      }
      if (!properties.isEmpty() || additional != null) {
        rules.add(properties(properties, additional == null ? null : additional.isBoolean()
            ? (additional.asBoolean() ? null : (i, m) -> Verdict.INVALID) : compile(additional)));
      }
      Rule[] array = rules.toArray(new Rule[0]);
      return (i, m) -> all(array, i, m);
    }

    /** After one invalid-or-unsure item: INVALID if any later item is invalid, else UNSURE. */
    private static Verdict worstOfRest(Rule item, JsonNode array, int from, Memo memo) {
      for (int k = from; k < array.size(); k++) {
        if (item.check(array.get(k), memo) == Verdict.INVALID) {
          return Verdict.INVALID;
        }
      }
      return Verdict.UNSURE;
    }

    private static Rule properties(Map<String, Rule> declared, Rule additional) {
      return (i, m) -> {
        if (!i.isObject()) {
          return Verdict.VALID;
        }
        Verdict result = Verdict.VALID;
        for (Iterator<Map.Entry<String, JsonNode>> it = i.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          Rule rule = declared.get(field.getKey());
          if (rule == null) {
            rule = additional;
          }
          Verdict v = rule == null ? Verdict.VALID : rule.check(field.getValue(), m);
          if (v == Verdict.INVALID) {
            return Verdict.INVALID;
          }
          if (v == Verdict.UNSURE) {
            result = Verdict.UNSURE;
          }
        }
        return result;
      };
    }

    private static Verdict oneOf(List<Rule> choices, JsonNode instance, Memo memo) {
      int valid = 0;
      for (Rule choice : choices) {
        Verdict v = choice.check(instance, memo);
        if (v == Verdict.UNSURE) {
          return Verdict.UNSURE;
        }
        if (v == Verdict.VALID) {
          valid++;
        }
      }
      return of(valid == 1);
    }

    private Rule type(JsonNode value) {
      List<String> types = value.isArray() ? list(value).stream().map(JsonNode::asText).toList() : List.of(value.asText());
      for (String t : types) {
        if (!Set.of("object", "array", "string", "boolean", "null", "integer", "number").contains(t)) {
          throw new Unsupported("type " + t);
        }
      }
      return (i, m) -> {
        Verdict result = Verdict.INVALID;
        for (String t : types) {
          Verdict v = isType(i, t);
          if (v == Verdict.VALID) {
            return Verdict.VALID;
          }
          if (v == Verdict.UNSURE) {
            result = Verdict.UNSURE;
          }
        }
        return result;
      };
    }

    private static Verdict isType(JsonNode i, String type) {
      boolean finite = i.isNumber() && (i.isIntegralNumber() || Double.isFinite(i.asDouble()));
      return switch (type) {
        case "object" -> of(i.isObject());
        case "array" -> of(i.isArray());
        case "string" -> of(i.isTextual());
        case "boolean" -> of(i.isBoolean());
        case "null" -> of(i.isNull());
        // A float with an integral value (2.0) is an integer to JSON Schema, not to Jackson: unsure.
        case "integer" -> i.isIntegralNumber() ? Verdict.VALID
            : i.isNumber() ? Verdict.UNSURE : of(false);
        default -> !i.isNumber() ? Verdict.INVALID : finite ? Verdict.VALID : Verdict.UNSURE;
      };
    }

    private static Rule equalsOneOf(List<JsonNode> allowed) {
      for (JsonNode a : allowed) {
        if (!a.isTextual()) {
          throw new Unsupported("enum or const of a non-string");
        }
      }
      Set<String> texts = Set.copyOf(allowed.stream().map(JsonNode::asText).toList());
      return (i, m) -> of(i.isTextual() && texts.contains(i.asText()));
    }

    private static Rule minimum(JsonNode value) {
      if (!value.isIntegralNumber() || !value.canConvertToLong()) {
        throw new Unsupported("a minimum that is not an integer");
      }
      long min = value.asLong();
      return (i, m) -> {
        if (!i.isNumber()) {
          return Verdict.VALID;
        }
        if (i.isIntegralNumber() && i.canConvertToLong()) {
          return of(i.asLong() >= min);
        }
        double d = i.asDouble();
        return Double.isFinite(d) && !i.isIntegralNumber() ? of(d >= min) : Verdict.UNSURE;
      };
    }

    private Rule reference(String ref) {
      if (!ref.startsWith("#/$defs/") || ref.indexOf('/', "#/$defs/".length()) >= 0) {
        throw new Unsupported("$ref " + ref);
      }
      Rule[] target = references.computeIfAbsent(ref.substring("#/$defs/".length()), name -> new Rule[1]);
      return (i, m) -> target[0].check(i, m);
    }

    void resolveReferences() {
      JsonNode defs = schemaRoot.get("$defs");
      for (Map.Entry<String, Rule[]> e : new ArrayList<>(references.entrySet())) {
        JsonNode def = defs == null ? null : defs.get(e.getKey());
        if (def == null) {
          throw new Unsupported("$ref to a missing definition " + e.getKey());
        }
        if (e.getValue()[0] == null) {
          e.getValue()[0] = compile(def);
        }
      }
      // Definitions referenced only from other definitions were added while compiling them.
      for (Rule[] target : references.values()) {
        if (target[0] == null) {
          resolveReferences();
          return;
        }
      }
    }

    private static List<JsonNode> list(JsonNode array) {
      List<JsonNode> out = new ArrayList<>();
      array.forEach(out::add);
      return out;
    }
  }
}
