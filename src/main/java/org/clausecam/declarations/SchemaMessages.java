package org.clausecam.declarations;

import com.networknt.schema.ValidationMessage;

import java.nio.file.Path;

/** Turns the schema library's messages into problem lines that point at the offending key. */
final class SchemaMessages {

    private SchemaMessages() {}

    static DeclarationProblem toProblem(Path file, ValidationMessage message) {
        String pointer = message.getInstanceLocation().toString();
        String type = message.getType();
        String property = message.getProperty();
        if ("additionalProperties".equals(type) && property != null) {
            return new DeclarationProblem(file, pointer + DeclarationProblem.token(property), "unknown property \"" + property + "\"");
        }
        if ("required".equals(type) && property != null) {
            return new DeclarationProblem(file, pointer, "missing required property \"" + property + "\"");
        }
        if ("format".equals(type)) {
            return new DeclarationProblem(file, pointer, "must be an RFC 3339 date-time (such as 2024-05-02T00:30:06Z), got "
                    + message.getInstanceNode());
        }
        return new DeclarationProblem(file, pointer, message.getError());
    }
}
