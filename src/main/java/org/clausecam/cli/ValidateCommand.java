package org.clausecam.cli;

import org.clausecam.declarations.DeclarationProblem;
import org.clausecam.declarations.DeclarationValidator;
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
                "Check declarations (<Service>.json, <Service>.history.json) against the Open Terms Archive format:",
                "JSON Schema, terms types, http(s) URLs, range selectors, filter names, duplicate documents.",
                "Prints one line per problem, 'file: /json/pointer: message'.",
                "Exit 0 when clean, 1 when any problem, 2 when the folder or a file does not exist."})
public final class ValidateCommand implements Callable<Integer> {

    @Option(names = "--declarations", paramLabel = "DIR", defaultValue = "${env:CLAUSECAM_DECLARATIONS:-declarations}",
            description = "Declarations folder (default: ${DEFAULT-VALUE}).")
    Path declarations;

    @Parameters(paramLabel = "FILES", arity = "0..*",
            description = "Only these files (paths, or names inside the declarations folder). Default: the whole folder.")
    List<Path> files = new ArrayList<>();

    @Mixin
    TermsTypesOption termsTypes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int checked;
        List<DeclarationProblem> problems = new ArrayList<>();
        if (files.isEmpty()) {
            if (!Files.isDirectory(declarations)) {
                err.println("clausecam: declarations folder not found: " + declarations);
                return 2;
            }
            DeclarationValidator validator = new DeclarationValidator(termsTypes.forDeclarations(declarations));
            DeclarationValidator.Report report = validator.validateFolder(declarations);
            checked = report.filesChecked();
            problems.addAll(report.problems());
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
        }

        for (DeclarationProblem p : problems) out.println(UserText.printable(p.toString()));
        out.flush();
        err.println("checked " + checked + (checked == 1 ? " file: " : " files: ")
                + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
        err.flush();
        return problems.isEmpty() ? 0 : 1;
    }
}
