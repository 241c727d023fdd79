package dev.edgetpulint.rules;

import dev.edgetpulint.graph.Operator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * For one model: the rules found false on each kind of operator (type, version and custom code),
 * for the rules that read nothing of an operator but those ({@link CompiledRule#opcodeSlot()}). Every
 * operator of a kind then gets the same verdict, so one false verdict spares the rest of that kind:
 * a model has hundreds of operators and a dozen kinds. Only false verdicts are remembered; a rule that
 * triggers or cannot be evaluated is judged at each operator, which its finding needs.
 */
final class OpcodeVerdicts {
  /** How many rules can be remembered (bits of a kind's set). */
  static final int SLOTS = Long.SIZE;

  /** A kind of operator. Not a record: a record's equals and hashCode go through method handles. */
  private static final class Kind {
    final String type;
    final int version;
    final String customCode;

    Kind(Operator op) {
      this.type = op.opName();
      this.version = op.version();
      this.customCode = op.customCode();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Kind k && k.version == version && k.type.equals(type) && Objects.equals(k.customCode, customCode);
    }

    @Override
    public int hashCode() {
      return (31 * type.hashCode() + version) * 31 + Objects.hashCode(customCode);
    }
  }

  /** Per kind: bit i set when the rule with opcode slot i was false on an operator of that kind. */
  private final Map<Kind, long[]> falseRules = new HashMap<>();

  /** The false verdicts of {@code op}'s kind: a set to test and add to (bit = opcode slot). */
  long[] of(Operator op) {
    Kind kind = new Kind(op);
    long[] set = falseRules.get(kind);
    if (set == null) {
      set = new long[1];
      falseRules.put(kind, set);
    }
    return set;
  }
}
