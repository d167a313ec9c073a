package org.clausecam.cli;

import org.clausecam.declarations.TermsTypes;
import org.clausecam.declarations.TermsTypesException;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The {@code --terms-types} option of the commands that read declarations or name a terms type:
 * the list of terms types the collection uses, when it is not where Open Terms Archive keeps it.
 */
final class TermsTypesOption {

    @Option(names = "--terms-types", paramLabel = "FILE",
            description = "The collection's own terms types (Open Terms Archive's termsTypes.json format). "
                    + "Default: terms-types/termsTypes.json beside the declarations folder (for commands that read one) "
                    + "when it exists, else Open Terms Archive's standard list.")
    Path file;

    /** The list for a declarations folder: the one named, else the collection's own beside it, else the standard. */
    TermsTypes forDeclarations(Path declarations) {
        try {
            return file != null ? TermsTypes.read(file) : TermsTypes.forDeclarations(declarations);
        } catch (TermsTypesException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** The list named, else the standard one: for commands that read no declarations folder. */
    TermsTypes namedOrStandard() {
        try {
            return file != null ? TermsTypes.read(file) : TermsTypes.standard();
        } catch (TermsTypesException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }
}
