package dev.edgetpulint.rules.expr;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.JexlInfo;
import org.apache.commons.jexl3.introspection.JexlPermissions;
import org.apache.commons.logging.impl.NoOpLog;

/**
 * The expression language of rule conditions: Apache Commons JEXL reduced to side-effect-free
 * expressions. No loops, no lambdas, no local variables, no assignments, no method calls, no
 * {@code new}, no pragmas or annotations; only properties of fact maps, literals, operators and the
 * functions of {@link Functions}. Introspection is limited by {@link FactPermissions}: no Java class
 * besides the fact maps, their lists and {@link Functions} is reachable. Without loops, lambdas or
 * recursion an expression's evaluation time is bounded by its length times the size of the lists it
 * reads, and {@link #MAX_LENGTH} bounds the length.
 */
public final class Sandbox {
  /** Longest expression accepted (characters). */
  public static final int MAX_LENGTH = 2000;

  private static volatile JexlEngine engine;

  private Sandbox() {}

  static JexlEngine engine() {
    JexlEngine e = engine;
    if (e == null) {
      synchronized (Sandbox.class) {
        e = engine;
        if (e == null) {
          JexlFeatures features = new JexlFeatures()
              .loops(false)
              .lambda(false)
              .localVar(false)
              .sideEffect(false)
              .sideEffectGlobal(false)
              .newInstance(false)
              .methodCall(false)
              .pragma(false)
              .namespacePragma(false)
              .importPragma(false)
              .annotation(false)
              .script(false)
              .structuredLiteral(true);
          Map<String, Object> namespaces = new HashMap<>();
          namespaces.put(null, Functions.INSTANCE);
          e = new JexlBuilder()
              .logger(new NoOpLog())
              .arithmetic(new FactArithmetic())
              .features(features)
              .permissions(new FactPermissions())
              .namespaces(namespaces)
              .strict(true)
              .safe(false)
              .silent(false)
              .cancellable(true)
              .stackOverflow(64)
              .cache(1024)
              .create();
          engine = e;
        }
      }
    }
    return e;
  }

  /**
   * Compiles one expression. {@code where} names its place for messages ("rules/ops.yaml:12:9").
   *
   * @throws ExpressionException with a rule author's explanation
   */
  public static JexlExpression compile(String text, String where) {
    if (text == null || text.isBlank()) {
      throw new ExpressionException("the expression is empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw new ExpressionException("the expression is longer than " + MAX_LENGTH + " characters");
    }
    try {
      return engine().createExpression(new JexlInfo(where, 1, 1), text);
    } catch (JexlException e) {
      throw new ExpressionException(explain(e, text));
    }
  }

  /** A rule author's reading of a JEXL parse or feature error. */
  static String explain(JexlException e, String text) {
    String raw = e.getMessage() == null ? e.toString() : e.getMessage();
    String detail = raw.replaceFirst("^.*?@\\d+:\\d+\\s*", "");
    if (e instanceof JexlException.Feature) {
      String what;
      if (detail.contains("method call")) {
        what = "method calls are not allowed; call one of the rule functions instead (docs/rules-engine.md)";
      } else if (detail.contains("create instance")) {
        what = "creating Java objects (new) is not allowed";
      } else if (detail.contains("local variable") || detail.contains("lambda")) {
        what = "lambdas and local variables are not allowed; use the rule's 'let' section";
      } else if (detail.contains("assign")) {
        what = "assignments are not allowed; expressions only read facts";
      } else if (detail.contains("loop")) {
        what = "loops are not allowed; use the list functions (where, count, all, any)";
      } else {
        what = "this construct is not allowed in rules (" + detail + ")";
      }
      return what + ": " + text.strip();
    }
    if (e instanceof JexlException.Parsing || e instanceof JexlException.Ambiguous) {
      return "cannot parse expression (" + detail + "); loops, scripts and statements are not allowed: " + text.strip();
    }
    return detail + ": " + text.strip();
  }

  /** A rule expression that cannot be compiled or evaluated. */
  public static final class ExpressionException extends RuntimeException {
    public ExpressionException(String message) {
      super(message);
    }
  }

  /**
   * Only the fact maps, lists and {@link Functions}: every other class, constructor, field and
   * method is invisible to expressions (defence in depth behind the disabled method-call syntax).
   */
  static final class FactPermissions implements JexlPermissions {
    private static final Set<String> COLLECTION_READS = Set.of("get", "size", "isEmpty", "contains", "containsKey");

    @Override
    public boolean allow(Class<?> clazz) {
      return clazz == Functions.class
          || Facts.class.isAssignableFrom(clazz)
          || Map.class.isAssignableFrom(clazz)
          || Collection.class.isAssignableFrom(clazz);
    }

    @Override
    public boolean allow(Constructor<?> ctor) {
      return false;
    }

    @Override
    public boolean allow(Field field) {
      return false;
    }

    @Override
    public boolean allow(Method method) {
      Class<?> declaring = method.getDeclaringClass();
      if (declaring == Functions.class) {
        return true;
      }
      return (Map.class.isAssignableFrom(declaring) || Collection.class.isAssignableFrom(declaring))
          && COLLECTION_READS.contains(method.getName());
    }

    @Override
    public boolean allow(Package pack) {
      return true;
    }

    @Override
    public JexlPermissions compose(String... src) {
      return this;
    }
  }
}
