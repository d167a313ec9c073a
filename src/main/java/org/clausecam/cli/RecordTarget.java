package org.clausecam.cli;

import org.clausecam.declarations.LayoutSafeName;
import org.clausecam.declarations.TermsTypes;

import java.nio.file.Path;
import java.util.function.Supplier;

/** The checks of {@code --out} and {@code --service}/{@code --type} shared by the one-off capture commands. */
final class RecordTarget {

    private RecordTarget() {
    }

    /**
     * @param what what is being captured ("capture", "e-mail"), for the message
     * @param termsTypes the types {@code --type} may name, read only when a type is given
     * @throws UsageException when nothing says where the result goes, or the terms named are not usable
     */
    static void check(Path out, String service, String type, String what, Supplier<TermsTypes> termsTypes) {
        if ((service == null) != (type == null)) throw new UsageException("--service and --type go together");
        if (out == null && service == null) {
            throw new UsageException("say where the " + what + " goes: --out DIR, or --service and --type to record it");
        }
        if (service != null) {
            LayoutSafeName.whyUnsafe(service).ifPresent(why -> { throw new UsageException("--service '" + service + "': " + why); });
            TermsTypes known = termsTypes.get();
            if (!known.isKnown(type)) throw new UsageException("--type: " + known.unknownTypeMessage(type));
        }
    }
}
