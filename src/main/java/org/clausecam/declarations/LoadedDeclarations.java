package org.clausecam.declarations;

import java.util.List;

/**
 * What loading a whole declarations folder gave: the services that could be read, and one
 * problem line per file that could not (those services are skipped, the others still run).
 */
public record LoadedDeclarations(List<Declaration> declarations, List<DeclarationProblem> problems) {
    public LoadedDeclarations {
        declarations = List.copyOf(declarations);
        problems = List.copyOf(problems);
    }
}
