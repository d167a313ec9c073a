package org.clausecam.declarations;

import java.util.List;
import java.util.stream.Collectors;

/** A service's declaration could not be read; {@link #problems()} says where and why. */
public final class DeclarationException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String serviceId;
    private final List<DeclarationProblem> problems;

    public DeclarationException(String serviceId, List<DeclarationProblem> problems) {
        super("declaration of " + serviceId + " is invalid: "
                + problems.stream().map(DeclarationProblem::toString).collect(Collectors.joining("; ")));
        this.serviceId = serviceId;
        this.problems = List.copyOf(problems);
    }

    public DeclarationException(String serviceId, DeclarationProblem problem, Throwable cause) {
        super("declaration of " + serviceId + " is invalid: " + problem, cause);
        this.serviceId = serviceId;
        this.problems = List.of(problem);
    }

    public String serviceId() { return serviceId; }

    public List<DeclarationProblem> problems() { return problems; }
}
