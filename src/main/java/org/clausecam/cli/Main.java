package org.clausecam.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code clausecam} executable: one subcommand per user task. */
@Command(name = "clausecam",
        mixinStandardHelpOptions = true,
        versionProvider = AgentVersion.class,
        description = "Capture agent for online terms and policies: renders pages in Chromium, keeps "
                + "snapshots, full-page screenshots and Markdown versions, and detects changes.",
        subcommands = {
                TrackCommand.class,
                CaptureCommand.class,
                CaptureEmailCommand.class,
                HistoryCommand.class,
                DiffCommand.class,
                ExtractCommand.class,
                ValidateCommand.class,
                VerifyCommand.class,
                StoreCopyCommand.class,
                ReportCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code: 0 success, 1 some work failed, 2 bad usage or input. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new ErrorReporter());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }
}
