package io.vggsuite.reliability;

import io.vggsuite.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** What the command line did in this JVM: its exit status and what it wrote to standard error. */
record CliOutcome(int status, String err) {

    static CliOutcome run(List<String> args) {
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args.toArray(String[]::new));
        return new CliOutcome(status, err.toString());
    }

    List<String> errorLines() {
        return err.lines().filter(line -> !line.isBlank()).toList();
    }
}
