package org.clausecam.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code clausecam export}: the parent of one subcommand per downstream format, each in its own
 * class (today {@code ota}).
 */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        description = {"Feed a downstream archive from the store, in the format of the subcommand.",
                "Layouts and what each keeps: docs/export.md."},
        subcommands = {OtaExportCommand.class})
final class ExportCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing format: export ota (see clausecam export --help)");
    }
}
