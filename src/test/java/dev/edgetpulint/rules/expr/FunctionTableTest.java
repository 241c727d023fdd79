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
}
