package dev.edgetpulint.rules.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link Sandbox#necessaryCondition}: the part of a condition that reads only the known variables,
 * false whenever the whole condition is false. The fixture's tensor is the CONV_2D's input, of rank 4.
 */
class NecessaryConditionTest {
  private static final Set<String> TENSOR = Set.of("tensor");

  private static Object part(String condition) {
    Expression part = Sandbox.necessaryCondition(condition, TENSOR);
    if (part == null) {
      return null;
    }
    assertEquals(TENSOR, part.variables(), "the part of " + condition + " reads more than the tensor");
    return part.evaluate(ExpressionFixture.scope());
  }

  @Test
  void aConjunctionKeepsTheSideThatReadsTheTensorOnly() {
    assertEquals(true, part("tensor.rank == 4 && op.index == 99"));
    assertEquals(false, part("tensor.rank == 3 && op.index == 0"));
    assertEquals(true, part("(tensor.rank == 3 || op.index == 0) && tensor.name == 'in'"));
  }

  @Test
  void aDisjunctionNeedsAPartOnBothSides() {
    assertNull(part("op.index == 0 || tensor.rank == 3"));
    assertEquals(false, part("(tensor.rank == 3 && op.index == 0) || (tensor.name == 'out' && op.version > 0)"));
  }

  @Test
  void whatIsNotAConjunctionOrDisjunctionIsTakenWholeOrNotAtAll() {
    assertNull(part("!(tensor.rank == 3 && op.index == 0)"));
    assertNull(part("op.index == 0 ? tensor.rank == 3 : false"));
    assertEquals(false, part("tensor.rank == 3"));
  }

  /**
   * The property the engine relies on, over every condition of depth two on two known variables
   * (t1, t2) and two unknown ones (o1, o2) built with !, && and ||: wherever the part is false,
   * the whole condition is false.
   */
  @Test
  void wheneverThePartIsFalseTheWholeConditionIsFalse() {
    List<String> conditions = List.of("t1", "t2", "o1", "o2");
    for (int depth = 0; depth < 2; depth++) {
      List<String> next = new ArrayList<>(conditions);
      for (String a : conditions) {
        next.add("!" + a);
        for (String b : conditions) {
          next.add("(" + a + " && " + b + ")");
          next.add("(" + a + " || " + b + ")");
        }
      }
      conditions = next;
    }
    int checked = 0;
    int partFalse = 0;
    for (String condition : conditions) {
      Expression whole = Sandbox.compile(condition);
      Expression part = Sandbox.necessaryCondition(condition, Set.of("t1", "t2"));
      if (part == null) {
        continue;
      }
      for (int values = 0; values < 16; values++) {
        Scope scope = ExpressionFixture.scope();
        scope.set("t1", (values & 1) != 0);
        scope.set("t2", (values & 2) != 0);
        scope.set("o1", (values & 4) != 0);
        scope.set("o2", (values & 8) != 0);
        checked++;
        if (Boolean.FALSE.equals(part.evaluate(scope))) {
          partFalse++;
          if (!Boolean.FALSE.equals(whole.evaluate(scope))) {
            fail("part of " + condition + " false but the condition true at t1, t2, o1, o2 = " + Integer.toBinaryString(16 | values));
          }
        }
      }
    }
    assertEquals(3280, conditions.size());
    // The check has teeth: many parts exist and are false somewhere.
    if (checked < 10_000 || partFalse < 5_000) {
      fail("only " + checked + " evaluations, " + partFalse + " with a false part");
    }
  }
}
