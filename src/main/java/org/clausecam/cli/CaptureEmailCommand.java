package org.clausecam.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clausecam.agent.Agent;
import org.clausecam.agent.AgentSettings;
import org.clausecam.capture.Screenshot;
import org.clausecam.capture.ScreenshotOptions;
import org.clausecam.declarations.SourceDocument;
import org.clausecam.email.EmailAddress;
import org.clausecam.email.EmailAttachment;
import org.clausecam.email.EmailFormatException;
import org.clausecam.email.EmailMessage;
import org.clausecam.email.EmbeddedImageData;
import org.clausecam.email.PreheaderFiller;
import org.clausecam.extract.ExtractionException;
import org.clausecam.extract.Extractor;
import org.clausecam.store.Sha256;
import org.clausecam.store.Store;
import org.clausecam.store.StoreException;
import org.clausecam.store.StoredRecord;
import org.clausecam.store.TermsKey;
import org.clausecam.track.EmailEvidence;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "capture-email", mixinStandardHelpOptions = true,
        description = {"Render a notification e-mail (.eml: MIME, HTML or text part, inline cid: images) to a "
                + "full-page screenshot plus a Markdown text and a JSON of its headers. Remote content is "
                + "never loaded.",
                "A notice forwarded as an attachment (message/rfc822) is shown below the note that carries it, "
                        + "with its own headers, and is in the text too; saved separately, it can be captured alone.",
                "With --service and --type it is recorded in the store as evidence attached to that terms, "
                        + "dated by the e-mail's Date header; history shows it."},
        footer = {"", "Examples:",
                "  clausecam capture-email announcement.eml --out evidence/",
                "  clausecam capture-email announcement.eml --service Claude.ai --type \"Privacy Policy\""})
final class CaptureEmailCommand implements Callable<Integer> {

    /** Where relative links of an e-mail resolve: nowhere (an e-mail has no location). */
    private static final URI NO_LOCATION = URI.create("https://email.invalid/");

    @Parameters(index = "0", paramLabel = "FILE.eml", description = "The e-mail, as saved by a mail client (RFC 5322 / MIME).")
    Path file;

    /** The original message in {@code --out}, kept as the store keeps it: the bytes as read. */
    static final String MESSAGE_FILE = "message.eml";

    @Option(names = "--out", paramLabel = "DIR", description = "Write screenshot.png, email.md, email.json and the "
            + "original message, byte for byte, as " + MESSAGE_FILE + " here.")
    Path out;

    @Option(names = "--service", paramLabel = "SERVICE", description = "Record it in the store under this service id…")
    String service;

    @Option(names = "--type", paramLabel = "TYPE", description = "…and this terms type.")
    String type;

    @Mixin
    TermsTypesOption termsTypes;

    @Option(names = "--viewport-width", paramLabel = "PX", defaultValue = "800",
            description = "Width of the rendered e-mail (default ${DEFAULT-VALUE}, a mail client's reading pane).")
    int viewportWidth;

    @Mixin
    StoreOption store;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RecordTarget.check(out, service, type, "e-mail", termsTypes::namedOrStandard);
        byte[] raw;
        EmailMessage email;
        try {
            // A missing, unreadable or non-e-mail file is bad input that names the file.
            raw = EmailMessage.readFile(file);
            email = EmailMessage.parse(raw, file.toString());
        } catch (EmailFormatException e) {
            throw new UsageException(e.getMessage(), e);
        }

        ScreenshotOptions shooting = ScreenshotOptions.builder().viewportWidth(viewportWidth).build();
        // Only the browser is needed; the e-mail's own HTML never reaches the network.
        AgentSettings settings = AgentSettings.defaults();
        // The store is opened and proved writable before the e-mail is rendered: an unusable store costs no work.
        try (Agent agent = service != null ? Agent.start(settings, openStore()) : Agent.start(settings)) {
            Screenshot shot = agent.pageShooter().screenshot(file.toString(), email.renderableHtml(), shooting);
            String markdown = markdown(email);
            if (out != null) {
                Files.createDirectories(out);
                Files.write(out.resolve(MESSAGE_FILE), raw);
                Files.write(out.resolve("screenshot.png"), shot.png());
                Files.writeString(out.resolve("email.md"), markdown, StandardCharsets.UTF_8);
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("email.json").toFile(), headers(email, raw));
            }
            StoredRecord stored = service != null
                    ? agent.recorder(AgentVersion.current(), null).recordEmail(new TermsKey(service, type), evidence(raw, email, shot, markdown))
                    : null;

            var o = spec.commandLine().getOut();
            o.printf("e-mail \"%s\" from %s, %s%n", email.subject(), join(email.from()), email.dateHeader().orElse("undated"));
            o.printf("screenshot: %d x %d px; text: %d characters; %d inline parts, %d attachments%n", shot.width(), shot.height(),
                    markdown.length(), email.inlineParts().size(), email.attachments().size());
            if (out != null) o.println("written to " + out);
            if (stored != null) o.printf("recorded as e-mail evidence of %s / %s: %s%n", service, type, stored.id());
            return 0;
        }
    }

    /** Said first when it is new, as track does. */
    private Store openStore() throws StoreException {
        Store opened = store.open();
        store.sayIfCreated(spec.commandLine().getOut());
        return opened;
    }

    /** The e-mail as evidence: the raw message, the headers people quote, dated by its Date header. */
    private EmailEvidence evidence(byte[] raw, EmailMessage email, Screenshot shot, String markdown) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("from", List.of(join(email.from())));
        headers.put("to", List.of(join(email.to())));
        email.dateHeader().ifPresent(d -> headers.put("date", List.of(d)));
        headers.put("subject", List.of(email.subject()));
        email.messageId().ifPresent(id -> headers.put("message-id", List.of(id)));
        String id = email.messageId().map(m -> "mid:" + m.replaceAll("[<>]", "")).orElse("file:" + file.getFileName());
        return new EmailEvidence(id, raw, headers, shot.png(), shot.height(), markdown, email.date().orElseGet(Instant::now));
    }

    /** The headers people quote (From, To, Date, Subject), then the body in the versions' Markdown. */
    private static String markdown(EmailMessage email) throws ExtractionException {
        StringBuilder text = new StringBuilder();
        text.append("From: ").append(join(email.from())).append("  \n");
        text.append("To: ").append(join(email.to())).append("  \n");
        email.dateHeader().ifPresent(d -> text.append("Date: ").append(d).append("  \n"));
        text.append("Subject: ").append(email.subject()).append("\n\n");
        String body = email.html().isPresent()
                ? new Extractor().extract(new SourceDocument(null, NO_LOCATION, List.of(), List.of(), List.of(), false), null,
                        email.bodyHtml().getBytes(StandardCharsets.UTF_8), "text/html", NO_LOCATION)
                : email.text().orElse("").strip();
        // The preheader's invisible filler is no text a reader sees: left in, it is a line of junk.
        text.append(EmbeddedImageData.abbreviated(PreheaderFiller.strip(body)));
        for (EmailMessage attached : email.forwarded()) {
            text.append("\n\n---\n\nAttached message:\n\n").append(markdown(attached));
        }
        return text.toString();
    }

    /** The headers, attachments and inline parts, and the original message's file and SHA-256 (as a record names its blob). */
    private static ObjectNode headers(EmailMessage email, byte[] raw) {
        ObjectNode json = new ObjectMapper().createObjectNode();
        json.putObject("message").put("file", MESSAGE_FILE).put("sha256", Sha256.hex(raw)).put("size", raw.length);
        describe(email, json);
        return json;
    }

    /** The headers people quote, the attachments, and the messages attached whole, each described the same way. */
    private static void describe(EmailMessage email, ObjectNode json) {
        json.put("subject", email.subject());
        json.put("from", join(email.from()));
        json.put("to", join(email.to()));
        json.put("cc", join(email.cc()));
        json.put("date", email.date().map(Instant::toString).orElse(null));
        json.put("dateHeader", email.dateHeader().orElse(null));
        json.put("messageId", email.messageId().orElse(null));
        ArrayNode attachments = json.putArray("attachments");
        for (EmailAttachment a : email.attachments()) {
            attachments.addObject().put("fileName", a.fileName()).put("mimeType", a.mimeType()).put("size", a.size());
        }
        json.put("inlineParts", email.inlineParts().size());
        if (!email.forwarded().isEmpty()) {
            ArrayNode forwarded = json.putArray("attachedMessages");
            for (EmailMessage attached : email.forwarded()) {
                describe(attached, forwarded.addObject());
            }
        }
    }

    private static String join(List<EmailAddress> addresses) {
        return String.join(", ", addresses.stream().map(EmailAddress::toString).toList());
    }

}
