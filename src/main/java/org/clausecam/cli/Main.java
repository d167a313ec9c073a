package org.clausecam.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code clausecam} executable: one subcommand per user task. */
@Command(name = "clausecam",
        mixinStandardHelpOptions = true,
        versionProvider = AgentVersion.class,
        exitCodeListHeading = "%nExit codes (when several apply, the highest wins):%n",
        exitCodeList = {
                "0:everything was captured (or done)",
                "1:some work failed for page reasons (fetch, extraction, blocked, browser, suspicious version)",
                "2:bad usage, input or declarations",
                "3:the store is unavailable (cannot be opened or written; nothing more could be kept)",
                "4:interrupted by SIGTERM/SIGINT during track (what was done is stored)"},
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
                ExportCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code ({@link ExitCode}): 0 success, 1 page failures, 2 bad input, 3 store unavailable, 4 interrupted. */
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
