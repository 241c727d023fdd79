package dev.edgetpulint.rules.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The function table links every public rule function of {@link Functions}, with its arities. */
class FunctionTableTest {
  @Test
  void everyPublicFunctionIsLinkedWithItsArity() {
    Map<String, List<Integer>> declared = new TreeMap<>();
    for (Method m : Functions.class.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())) {
        declared.computeIfAbsent(m.getName(), k -> new ArrayList<>()).add(m.getParameterCount());
      }
    }
    Map<String, List<Integer>> linked = new TreeMap<>();
    for (FunctionTable.Function f : FunctionTable.all()) {
      List<Integer> arities = new ArrayList<>();
      for (int a = f.min(); a <= f.max(); a++) {
        arities.add(a);
      }
      linked.put(f.name(), arities);
    }
    declared.values().forEach(l -> l.sort(null));
    assertEquals(declared, linked);
  }

  /**
   * Each name runs its own method: the table's result equals a direct call of the method of that
   * name, for several argument sets chosen so that no two functions of the same arity agree on all.
   */
  @Test
  void eachNameCallsItsMethod() throws Exception {
    Scope scope = ExpressionFixture.scope();
    List<Object> tensors = Functions.asList(((OperatorFacts) scope.get("op")).get("inputs"));
    List<List<Object>> lists = List.of(List.of(3, 1, 4, 4), List.of(5, 1, 5, 2, 7), List.of(-1, 0, 2));
    List<Object> numbers = List.of(4, 2, -1);
    List<String> facts = List.of("constant", "graph_input", "rank");
    for (Method m : Functions.class.getDeclaredMethods()) {
      if (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      Class<?>[] types = m.getParameterTypes();
      for (int set = 0; set < 3; set++) {
        Object[] args = new Object[types.length];
        boolean byFact = types.length > 1 && types[1] == String.class;
        for (int i = 0; i < args.length; i++) {
          if (i == 0) {
            args[i] = byFact ? tensors : lists.get(set);
          } else if (types[i] == String.class) {
            args[i] = m.getName().equals("join") ? ", " : facts.get(set);
          } else {
            args[i] = byFact ? numbers.get(set) : lists.get(set).size() > i ? numbers.get((set + i) % 3) : 1;
          }
        }
        Object direct = m.invoke(Functions.INSTANCE, args);
        Object linked = FunctionTable.link(m.getName(), args.length).apply(args);
        assertEquals(direct, linked, m.getName() + java.util.Arrays.toString(args));
      }
    }
  }
}
