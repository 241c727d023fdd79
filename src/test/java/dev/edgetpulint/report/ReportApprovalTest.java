package dev.edgetpulint.report;

import java.io.StringWriter;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.junit.jupiter.api.Test;

/** Golden files for the three formats on a fixed run (see {@link ReportFixtures}). */
class ReportApprovalTest {
  private static String render(Report report) throws Exception {
    StringWriter out = new StringWriter();
    report.write(ReportFixtures.run(), ReportFixtures.context(), out);
    return out.toString();
  }

  @Test
  void text() throws Exception {
    Approvals.verify(render(new TextReport()));
  }

  @Test
  void json() throws Exception {
    Approvals.verify(render(new JsonReport()), new Options().forFile().withExtension(".json"));
  }

  @Test
  void sarif() throws Exception {
    Approvals.verify(render(new SarifReport()), new Options().forFile().withExtension(".sarif"));
  }
}
