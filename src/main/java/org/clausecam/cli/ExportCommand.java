package org.clausecam.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code clausecam export}: the parent of one subcommand per downstream format, each in its own
 * class.
 */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        description = {"Feed a downstream archive from the store, in the format of the subcommand: warc, wacz "
                + "(web archives, replay) or ota (Open Terms Archive repositories). The store is only read.",
                "Layouts and what each keeps: docs/export.md."},
        subcommands = {ExportWarcCommand.class, ExportWaczCommand.class, OtaExportCommand.class})
final class ExportCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing format: export warc, export wacz or export ota (see clausecam export --help)");
    }
}
