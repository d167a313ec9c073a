package org.clausecam.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code clausecam export}: the formats captures leave the store in. */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        description = "Write the store's captures in a format other tools read. The store is only read.",
        subcommands = {ExportWarcCommand.class, ExportWaczCommand.class})
public final class ExportCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say which format: export warc or export wacz");
    }
}
