package dev.edgetpulint.rules;

import dev.edgetpulint.rules.expr.Expression;
import dev.edgetpulint.rules.expr.Functions;
import dev.edgetpulint.rules.expr.ModelFacts;
import dev.edgetpulint.rules.expr.OperatorTensorList;
import dev.edgetpulint.rules.expr.Sandbox;
import dev.edgetpulint.rules.expr.Scope;
import dev.edgetpulint.rules.expr.Template;
import dev.edgetpulint.rules.expr.TensorFacts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** A rule with its expressions compiled. */
final class CompiledRule {
  final Rule rule;
  private final Expression forEach;
  /** Helpers that do not read {@code tensor}: defined once per operator, before {@code for_each}. */
  private final Map<String, Expression> before = new LinkedHashMap<>();
  /** Helpers that read {@code tensor}: defined again for each element. Each is evaluated when first read. */
  private final Map<String, Expression> perTensor = new LinkedHashMap<>();
  /** {@link #before} and {@link #perTensor} as arrays, in order: what each evaluation walks. */
  private final String[] beforeNames;
  private final Expression[] beforeExpressions;
  private final String[] perTensorNames;
  private final Expression[] perTensorExpressions;
  /** The helpers as the scope holds them: each evaluated when an expression first reads it. */
  private final Scope.Deferred[] beforeDeferred;
  private final Scope.Deferred[] perTensorDeferred;
  /**
   * Where in the scope each helper and {@code tensor} were put last time ({@link Scope#define(String,
   * Object, int)}); shared by the threads that evaluate this rule, which is harmless: a hint is
   * tested before it is used.
   */
  private final int[] beforeHints;
  private final int[] perTensorHints;
  private int tensorHint;
  private final Expression when;
  /**
   * The message and fix, compiled when the rule first triggers: in a check most rules never do, and
   * every check starts by compiling the rules its operators meet (docs/performance.md, C19). Whoever
   * validates rules compiles them at once ({@link #withTemplates}).
   */
  private volatile Templates templates;
  /**
   * Where tensors remember this rule's verdict ({@link TensorFacts#verdict(int)}), or -1. A rule
   * whose condition reads nothing but {@code tensor}, the evaluation's constants and helpers that
   * read nothing else has one: its verdict on a tensor is then the same at every operator that reads
   * or writes the tensor (an activation is visited by its producer and each consumer). So has a rule
   * with a {@link #tensorPart}, for the verdicts of that part.
   */
  private final int verdictSlot;
  /**
   * For a rule whose condition also reads the operator: the part of the condition that reads only
   * {@code tensor}, the evaluation's constants and helpers that read nothing else ({@link
   * Sandbox#necessaryCondition}), or null. When it is false on a tensor the rule is false at every
   * operator of the tensor, which the tensor then remembers in {@link #verdictSlot} (a remembered
   * true means only "the part held": the whole condition is judged at each operator).
   */
  private final Expression tensorPart;
  /**
   * For a rule that can be judged on the model's tensors before any operator (see {@link
   * #falseForEveryTensor}): what its {@code for_each} lists, when that can only be tensors of the
   * operator and cannot fail ({@link Sandbox#operatorTensorList}), and the rule has a {@link
   * #verdictSlot}. Else null.
   */
  private final OperatorTensorList tensorList;
  /**
   * For a rule with a {@link #tensorList} whose condition (or {@link #tensorPart}), the helpers it
   * reads and the list's filters read nothing of {@code tensor} but facts many tensors share ({@link
   * TensorFacts#SHARED}): those facts ({@link TensorFacts#mask}). Tensors with equal values of them
   * get the same verdict, so {@link #falseForEveryTensor} judges one tensor per combination of
   * values ({@link ModelFacts#distinctTensors}). Else -1: every tensor is judged.
   */
  private final long sharedFacts;

  /**
   * For a rule without {@code for_each} whose condition and helpers read of the operator only the
   * facts of its operator code ({@link #OPCODE_FACTS}), besides the evaluation's constants: where the
   * rule's false verdicts are remembered per kind of operator ({@link OpcodeVerdicts}), or -1. Such a
   * rule gives every operator of one type, version and custom code in a model the same verdict.
   */
  private final int opcodeSlot;

  /** The facts of an operator that come from its entry in the model's operator codes. */
  private static final Set<String> OPCODE_FACTS = Set.of("type", "version", "custom_code");

  /** The variables whose value is the same at every operator of one evaluation, besides {@code tensor}. */
  private static final Set<String> CONSTANT_VARIABLES = Set.of("model", "runtime", "compiler");

  private CompiledRule(Rule rule, AtomicInteger verdictSlots, AtomicInteger opcodeSlots) {
    this.rule = rule;
    this.forEach = rule.forEach() == null ? null : compile(rule.forEach(), "for_each");
    Set<String> tensorDependent = new HashSet<>();
    tensorDependent.add("tensor");
    for (Map.Entry<String, String> e : rule.let().entrySet()) {
      Expression x = compile(e.getValue(), "let." + e.getKey());
      String name = e.getKey().intern(); // the scope finds interned names by identity
      if (!java.util.Collections.disjoint(x.variables(), tensorDependent)) {
        perTensor.put(name, x);
        tensorDependent.add(name);
      } else {
        before.put(name, x);
      }
    }
    this.beforeNames = before.keySet().toArray(new String[0]);
    this.beforeExpressions = before.values().toArray(new Expression[0]);
    this.perTensorNames = perTensor.keySet().toArray(new String[0]);
    this.perTensorExpressions = perTensor.values().toArray(new Expression[0]);
    this.beforeDeferred = deferred(beforeExpressions);
    this.perTensorDeferred = deferred(perTensorExpressions);
    this.beforeHints = new int[beforeNames.length];
    this.perTensorHints = new int[perTensorNames.length];
    this.when = compile(rule.when(), "when");
    Set<String> tensorOnly = tensorOnlyVariables();
    boolean alone = tensorOnly != null && tensorOnly.containsAll(when.variables());
    this.tensorPart = tensorOnly == null || alone ? null : Sandbox.necessaryCondition(when, tensorOnly);
    this.verdictSlot = alone || tensorPart != null ? slot(verdictSlots) : -1;
    this.tensorList = verdictSlot >= 0 ? Sandbox.operatorTensorList(forEach) : null;
    this.sharedFacts = tensorList == null ? -1 : sharedFacts(tensorPart != null ? tensorPart : when, tensorList);
    this.opcodeSlot = readsOnlyTheOpcode() ? slot(opcodeSlots, OpcodeVerdicts.SLOTS) : -1;
  }

  /** See {@link #opcodeSlot}. */
  private boolean readsOnlyTheOpcode() {
    if (forEach != null) {
      return false;
    }
    // Every helper is read as if the condition read it; a helper that hides a variable of the scope
    // is one of them, so what it reads of the operator is counted too.
    Set<String> allowed = new HashSet<>(CONSTANT_VARIABLES);
    allowed.add("op");
    allowed.addAll(rule.let().keySet());
    List<Expression> all = new ArrayList<>();
    all.add(when);
    all.addAll(before.values());
    all.addAll(perTensor.values());
    for (Expression x : all) {
      if (!allowed.containsAll(x.variables())) {
        return false;
      }
    }
    Set<String> facts = Sandbox.operatorFactsRead(all);
    return facts != null && OPCODE_FACTS.containsAll(facts);
  }

  /** Where {@link OpcodeVerdicts} remember this rule's false verdicts; -1 for nowhere. */
  int opcodeSlot() {
    return opcodeSlot;
  }

  /** See {@link #sharedFacts}: what {@code test}, the helpers it reads and {@code list} read of a tensor. */
  private long sharedFacts(Expression test, OperatorTensorList list) {
    List<Expression> read = new ArrayList<>();
    read.add(test);
    // The per-tensor helpers the test reads, and the helpers those read, ...
    Set<String> names = new HashSet<>(test.variables());
    for (boolean added = true; added; ) {
      added = false;
      for (int i = 0; i < perTensorNames.length; i++) {
        if (names.contains(perTensorNames[i]) && !read.contains(perTensorExpressions[i])) {
          read.add(perTensorExpressions[i]);
          added |= names.addAll(perTensorExpressions[i].variables());
        }
      }
    }
    Set<String> facts = Sandbox.tensorFactsRead(read);
    if (facts == null) {
      return -1;
    }
    facts.addAll(list.facts());
    return TensorFacts.SHARED.containsAll(facts) ? TensorFacts.mask(facts) : -1;
  }

  private static Scope.Deferred[] deferred(Expression[] expressions) {
    Scope.Deferred[] out = new Scope.Deferred[expressions.length];
    for (int i = 0; i < expressions.length; i++) {
      out[i] = new Scope.Deferred(expressions[i]);
    }
    return out;
  }

  /**
   * The variables whose value is the same at every operator that reads or writes one element of
   * {@code for_each}: {@code tensor}, the evaluation's constants and the helpers that read nothing
   * else. Null when the rule has no {@code for_each} or a helper hides a variable of the scope.
   */
  private Set<String> tensorOnlyVariables() {
    if (forEach == null) {
      return null;
    }
    Set<String> known = new HashSet<>(CONSTANT_VARIABLES);
    known.add("tensor");
    for (String name : rule.let().keySet()) {
      if (known.contains(name) || name.equals("op")) {
        return null; // a helper that hides a variable of the scope: too clever to reason about
      }
    }
    // Helpers may read helpers defined after them: add them until nothing changes.
    boolean added = true;
    while (added) {
      added = false;
      for (int i = 0; i < perTensorNames.length; i++) {
        if (!known.contains(perTensorNames[i]) && known.containsAll(perTensorExpressions[i].variables())) {
          known.add(perTensorNames[i]);
          added = true;
        }
      }
    }
    return known;
  }

  private static int slot(AtomicInteger verdictSlots) {
    return slot(verdictSlots, TensorFacts.VERDICT_SLOTS);
  }

  private static int slot(AtomicInteger slots, int available) {
    int slot = slots.getAndIncrement();
    return slot < available ? slot : -1;
  }

  /**
   * Compiles every expression of {@code rule}; a rule that judges tensors alone takes the next of
   * the rule set's {@code verdictSlots}, one that reads only the operator's code the next of its
   * {@code opcodeSlots}.
   *
   * @throws RuleLoadException naming the rule's file, line and field
   */
  static CompiledRule compile(Rule rule, AtomicInteger verdictSlots, AtomicInteger opcodeSlots) {
    return new CompiledRule(rule, verdictSlots, opcodeSlots);
  }

  private Expression compile(String text, String field) {
    try {
      return Sandbox.compile(text);
    } catch (Sandbox.ExpressionException e) {
      throw new RuleLoadException(List.of(rule.origin(field) + ": rule " + rule.id() + ", " + field + ": " + e.getMessage()));
    }
  }

  private record Templates(Template message, Template fix) {}

  /** This rule with its message and fix compiled, for validation; throws {@link RuleLoadException} as compiling does. */
  CompiledRule withTemplates() {
    templates();
    return this;
  }

  private Templates templates() {
    Templates t = templates;
    if (t == null) {
      // Two threads may compile them both; the templates are equal and either is kept.
      t = new Templates(template(rule.message(), "message"), rule.fix() == null ? null : template(rule.fix(), "fix"));
      templates = t;
    }
    return t;
  }

  private Template template(String text, String field) {
    try {
      return Template.compile(text);
    } catch (Sandbox.ExpressionException e) {
      throw new RuleLoadException(List.of(rule.origin(field) + ": rule " + rule.id() + ", " + field + ": " + e.getMessage()));
    }
  }

  /** The finding's message and fix when the rule triggers in {@code scope}, else null. */
  String[] evaluate(Scope scope) {
    for (int i = 0; i < beforeNames.length; i++) {
      beforeHints[i] = scope.define(beforeNames[i], beforeDeferred[i], beforeHints[i]);
    }
    if (forEach == null) {
      return test(scope);
    }
    Object items = forEach.evaluate(scope);
    List<Object> list = items == null ? List.of() : Functions.asList(items);
    if (list.isEmpty() && items != null && !(items instanceof Collection<?>)) {
      list = List.of(items);
    }
    // No copy of the list: the lists facts and functions return are never changed afterwards.
    for (int i = 0, size = list.size(); i < size; i++) {
      Object item = list.get(i);
      if (item == null) {
        continue;
      }
      TensorFacts memo = verdictSlot >= 0 && item instanceof TensorFacts t ? t : null;
      if (memo != null && memo.verdict(verdictSlot) == 0) {
        continue; // judged false at another operator of this tensor
      }
      tensorHint = scope.define("tensor", item, tensorHint);
      String[] result;
      if (tensorPart == null) {
        result = test(scope);
        if (memo != null) {
          memo.verdict(verdictSlot, result != null); // a verdict that threw is not remembered
        }
      } else {
        result = testWithTensorPart(scope, memo);
        if (result == NOT_AT_ANY_OPERATOR) {
          continue;
        }
      }
      if (result != null) {
        return result; // also when remembered true: the message needs this operator's helpers
      }
    }
    return null;
  }

  /** Whether {@link #falseForEveryTensor} may decide this rule for a whole model. */
  boolean judgedByTensors() {
    return tensorList != null;
  }

  /** Where tensors remember this rule's verdict; -1 for none. */
  int verdictSlot() {
    return verdictSlot;
  }

  /**
   * Whether the rule is false at every operator of a model, judged once per tensor: its condition (or
   * its {@link #tensorPart}) is false for each tensor of {@code model} that its {@code for_each} could
   * list. Only for a rule that is {@link #judgedByTensors}: what its {@code for_each} lists at any
   * operator is among those tensors, the condition reads nothing of the operator, and listing cannot
   * fail, so the operators would each find nothing. A tensor on which
   * the condition holds, fails or is not true or false makes the answer false at once, and the
   * operators judge the rule as usual (reporting the failure where they list the tensor). Verdicts
   * found here are remembered for them. {@code scope} is a model's scope with no operator. A rule
   * that reads only {@link #sharedFacts} is judged on one tensor per combination of their values.
   */
  boolean falseForEveryTensor(Scope scope, ModelFacts model) {
    Expression test = tensorPart != null ? tensorPart : when;
    List<TensorFacts> tensors = sharedFacts == -1 ? model.allTensors() : model.distinctTensors(sharedFacts);
    for (int i = 0, n = tensors.size(); i < n; i++) {
      TensorFacts tensor = tensors.get(i);
      int known = tensor.verdict(verdictSlot);
      if (known == 0 || !tensorList.mayList(tensor)) {
        continue;
      }
      if (known == 1) {
        return false;
      }
      tensorHint = scope.define("tensor", tensor, tensorHint);
      defineTensorHelpers(scope);
      Object verdict;
      try {
        verdict = test.evaluate(scope);
      } catch (RuntimeException e) {
        return false;
      }
      if (!Boolean.FALSE.equals(verdict)) {
        if (Boolean.TRUE.equals(verdict)) {
          tensor.verdict(verdictSlot, true);
        }
        return false;
      }
      tensor.verdict(verdictSlot, false);
    }
    return true;
  }

  /** What {@link #testWithTensorPart} gives when the tensor part is false: the rule is false at every operator. */
  private static final String[] NOT_AT_ANY_OPERATOR = new String[0];

  /**
   * {@link #test}, first judging the tensor part once per tensor ({@code memo} null: every time). A
   * part that cannot be evaluated or is not true or false decides nothing: the whole condition is
   * judged, and says what is wrong.
   */
  private String[] testWithTensorPart(Scope scope, TensorFacts memo) {
    defineTensorHelpers(scope);
    if (memo == null || memo.verdict(verdictSlot) < 0) {
      Object part;
      try {
        part = tensorPart.evaluate(scope);
      } catch (RuntimeException e) {
        part = null;
      }
      if (Boolean.FALSE.equals(part)) {
        if (memo != null) {
          memo.verdict(verdictSlot, false);
        }
        return NOT_AT_ANY_OPERATOR;
      }
      if (memo != null && Boolean.TRUE.equals(part)) {
        memo.verdict(verdictSlot, true);
      }
    }
    return decide(scope);
  }

  private String[] test(Scope scope) {
    defineTensorHelpers(scope);
    return decide(scope);
  }

  private void defineTensorHelpers(Scope scope) {
    for (int i = 0; i < perTensorNames.length; i++) {
      perTensorHints[i] = scope.define(perTensorNames[i], perTensorDeferred[i], perTensorHints[i]);
    }
  }

  private String[] decide(Scope scope) {
    Object verdict = when.evaluate(scope);
    if (!(verdict instanceof Boolean)) {
      throw new Sandbox.ExpressionException("the condition gave " + Template.format(verdict) + ", not true or false");
    }
    if (!(Boolean) verdict) {
      return null;
    }
    Templates t = templates();
    return new String[] {t.message().render(scope), t.fix() == null ? null : t.fix().render(scope)};
  }
}
