package org.clausecam.cli;

import org.clausecam.agent.Agent;
import org.clausecam.declarations.Declaration;
import org.clausecam.declarations.DeclarationException;
import org.clausecam.declarations.DeclarationLoader;
import org.clausecam.declarations.DeclarationProblem;
import org.clausecam.declarations.DeclarationValidator;
import org.clausecam.declarations.Terms;
import org.clausecam.track.LiveCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code clausecam validate}: checks declarations against the Open Terms Archive format and
 * prints one {@code file: /json/pointer: message} line per problem on stdout, then a summary on
 * stderr, so that stdout can be piped into editors and CI annotations.
 */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {
                "Check declarations (<Service>.json, <Service>.history.json) against the Open Terms Archive format, "
                        + "then fetch each declared document as a run would.",
                "The files: JSON Schema, terms types, http(s) URLs, range selectors, filter names, duplicate documents. "
                        + "Then, as Open Terms Archive's validate does, each declared document is fetched through the agent's "
                        + "fetchers (network guard and politeness applying): every select/remove selector must match, the "
                        + "filters must run, the version must not be empty; --schema-only skips this.",
                "Prints one line per problem on stdout, 'file: /json/pointer: message' or "
                        + "'Service / Terms type: URL: message', and a count on stderr.",
                "Exit 0 when clean, 1 when any problem, 2 when the folder or a file does not exist."},
        footer = {"", "Examples:",
                "  clausecam validate --schema-only",
                "  clausecam validate --declarations ../genai-declarations \"Claude.ai.json\""})
public final class ValidateCommand implements Callable<Integer> {

    @Option(names = "--declarations", paramLabel = "DIR", defaultValue = "${env:CLAUSECAM_DECLARATIONS:-declarations}",
            description = "Declarations folder. Default: $CLAUSECAM_DECLARATIONS, else declarations.")
    Path declarations;

    @Parameters(paramLabel = "FILES", arity = "0..*",
            description = "Only these files (paths, or names inside the declarations folder). Default: the whole folder.")
    List<Path> files = new ArrayList<>();

    @Mixin
    TermsTypesOption termsTypes;

    @Option(names = "--schema-only", negatable = false,
            description = "Check the files only (format, types, URLs, selectors' syntax, filter names); fetch nothing.")
    boolean schemaOnly;

    @Mixin
    CaptureSettings capture;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int checked;
        List<DeclarationProblem> problems = new ArrayList<>();
        List<Path> current = new ArrayList<>();
        if (files.isEmpty()) {
            if (!Files.isDirectory(declarations)) {
                err.println("clausecam: declarations folder not found: " + declarations);
                return 2;
            }
            DeclarationValidator validator = new DeclarationValidator(termsTypes.forDeclarations(declarations));
            DeclarationValidator.Report report = validator.validateFolder(declarations);
            checked = report.filesChecked();
            problems.addAll(report.problems());
            try (var listing = Files.list(declarations)) {
                listing.filter(f -> DeclarationValidator.isDeclarationFile(f) && !f.getFileName().toString().endsWith(".history.json"))
                        .sorted().forEach(current::add);
            }
        } else {
            List<Path> resolved = new ArrayList<>();
            for (Path file : files) {
                Path found = Files.isRegularFile(file) ? file : declarations.resolve(file);
                if (!Files.isRegularFile(found)) {
                    err.println("clausecam: no such declaration file: " + file);
                    return 2;
                }
                if (!DeclarationValidator.isDeclarationFile(found)) {
                    err.println("clausecam: not a declaration file (expected <Service>.json or <Service>.history.json): " + file);
                    return 2;
                }
                resolved.add(found);
            }
            // Files given by path belong to the collection of the folder that holds them.
            Map<Path, DeclarationValidator> validators = new HashMap<>();
            for (Path file : resolved) {
                Path folder = file.toAbsolutePath().normalize().getParent();
                problems.addAll(validators.computeIfAbsent(folder, f -> new DeclarationValidator(termsTypes.forDeclarations(f)))
                        .validateFile(file));
            }
            checked = resolved.size();
            resolved.stream().filter(f -> !f.getFileName().toString().endsWith(".history.json")).forEach(current::add);
        }

        for (DeclarationProblem p : problems) out.println(UserText.printable(p.toString()));
        out.flush();
        err.println("checked " + checked + (checked == 1 ? " file: " : " files: ")
                + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
        err.flush();
        if (schemaOnly) return problems.isEmpty() ? 0 : 1;

        // Files with problems were reported above; the others are checked on their live pages.
        List<LiveCheck.Problem> live = checkLive(current.stream()
                .filter(f -> problems.stream().noneMatch(p -> p.file().equals(f))).toList(), out, err);
        return problems.isEmpty() && live.isEmpty() ? 0 : 1;
    }

    private List<LiveCheck.Problem> checkLive(List<Path> files, PrintWriter out, PrintWriter err) throws Exception {
        List<LiveCheck.Problem> problems = new ArrayList<>();
        if (files.isEmpty()) return problems;
        int documents = 0;
        try (Agent agent = Agent.start(capture.agentSettings(false, false))) {
            LiveCheck check = new LiveCheck(agent.sourceCapturer(), agent.extractor());
            for (Path file : files) {
                Path folder = file.toAbsolutePath().normalize().getParent();
                String name = file.getFileName().toString();
                String service = name.substring(0, name.length() - ".json".length());
                Declaration declaration;
                try {
                    declaration = new DeclarationLoader(folder, termsTypes.forDeclarations(folder)).load(service);
                } catch (DeclarationException e) {
                    e.problems().forEach(p -> out.println(UserText.printable(p.toString())));
                    continue;
                }
                for (Terms terms : declaration.terms().values()) {
                    documents += terms.sourceDocuments().size();
                    for (LiveCheck.Problem p : check.check(terms, declaration.filtersSource())) {
                        problems.add(p);
                        out.println(UserText.printable(p.toString()));
                        out.flush();
                    }
                }
            }
        }
        err.println("fetched " + documents + (documents == 1 ? " document: " : " documents: ")
                + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
        err.flush();
        return problems;
    }
}
