package io.flowdesk.tickets;

import io.flowdesk.shared.FlowClock;
import io.flowdesk.audit.AuditLog;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.Text;
import io.flowdesk.tickets.internal.AttachmentEntity;
import io.flowdesk.tickets.internal.TicketEntity;
import io.flowdesk.workflow.EngineBridge;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ticket attachments: size and type limits enforced here, stored under a random key with a SHA-256 checksum,
 * read back only by someone who may see the ticket (customers never get internal ones).
 */
@ApplicationScoped
public class AttachmentService {

    static final Set<String> EXTENSIONS = Set.of("pdf", "png", "jpg", "jpeg", "gif", "webp", "txt", "csv", "log",
            "doc", "docx", "xls", "xlsx", "ppt", "pptx", "zip", "json", "xml", "md", "eml");

    @ConfigProperty(name = "flowdesk.attachments.dir", defaultValue = "data/attachments")
    String dir;

    @ConfigProperty(name = "flowdesk.attachments.max-bytes", defaultValue = "10485760")
    long maxBytes;

    @Inject
    TicketService tickets;

    @Inject
    EngineBridge bridge;

    @Inject
    AuditLog audit;

    public long maxBytes() {
        return maxBytes;
    }

    /** Stores an uploaded file (read from {@code source}, a temporary file) on the ticket. */
    public Uni<AttachmentView> store(CurrentUser user, String number, String originalName, String contentType,
            Path source, boolean internal) {
        String name = safeName(originalName);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)
                : "";
        return bridge.call(() -> {
            try {
                return Files.size(source);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).chain(size -> {
            if (size > maxBytes) {
                return Uni.createFrom().failure(new InvalidInput(Text.of("ticket.error.fileTooLarge"), List.of(FieldError.of(
                        "/file", Text.of("ticket.error.fileSize", size, maxBytes, maxBytes / 1024 / 1024),
                        "max-size"))));
            }
            if (size == 0) {
                return Uni.createFrom().failure(InvalidInput.of("/file", Text.of("ticket.error.fileEmpty"), "min-size"));
            }
            if (!EXTENSIONS.contains(extension)) {
                return Uni.createFrom().failure(new InvalidInput(Text.of("ticket.error.fileTypeTitle"), List.of(
                        FieldError.of("/file", Text.of("ticket.error.fileType", "." + extension,
                                String.join(", ", new java.util.TreeSet<>(EXTENSIONS))), "file-type"))));
            }
            // check access before writing anything
            return Panache.withSession(() -> tickets.accessible(user, number)).chain(ticket -> bridge.call(() -> copy(
                    source)).chain(stored -> Panache.withTransaction(() -> TicketEntity.locked(
                            ticket.id).chain(fresh -> {
                                AttachmentEntity a = new AttachmentEntity();
                                a.ticketId = fresh.id;
                                a.fileName = name;
                                a.contentType = contentType(extension);
                                a.sizeBytes = size;
                                a.sha256 = stored[1];
                                a.storageKey = stored[0];
                                a.uploadedBy = user.username();
                                a.internal = internal && !user.isCustomer();
                                a.createdAt = FlowClock.offsetNow();
                                fresh.updatedAt = a.createdAt;
                                return a.persist()
                                        .call(() -> TicketRelay.timeline(fresh, "ATTACHMENT", user.username(), null,
                                                Text.of("timeline.text.attached", name), TicketRelay.details("file", name, "sha256",
                                                        a.sha256), a.internal))
                                        .call(() -> audit.record(user.username(), "attachment.add", "ticket", number,
                                                Map.of("file", name, "sha256", a.sha256, "size", size)))
                                        .map(v -> view(a));
                            }))));
        });
    }

    public Uni<List<AttachmentView>> list(CurrentUser user, String number) {
        return Panache.withSession(() -> tickets.accessible(user, number).chain(ticket -> AttachmentEntity
                .<AttachmentEntity>list("ticketId = ?1 order by id", ticket.id))
                .map(list -> list.stream().filter(a -> visible(user, a)).map(AttachmentService::view)
                        .toList()));
    }

    /** The stored file of an attachment, after the same checks as reading the ticket. */
    public Uni<AttachmentFile> open(CurrentUser user, String number, long id) {
        return Panache.withSession(() -> tickets.accessible(user, number).chain(ticket -> AttachmentEntity
                .<AttachmentEntity>findById(id).map(a -> {
                    if (a == null || a.ticketId != ticket.id || !visible(user, a)) {
                        throw new NotFound(Text.of("ticket.error.attachmentNotFound", id));
                    }
                    return new AttachmentFile(view(a), Path.of(dir).resolve(a.storageKey));
                })));
    }

    /** Customers never get internal files; a partner (another company) gets only public files and their own. */
    static boolean visible(CurrentUser user, AttachmentEntity a) {
        if (!a.internal) {
            return true;
        }
        return !user.isCustomer() && (!user.isPartner() || user.username().equals(a.uploadedBy));
    }

    /** Keeps only the last path segment, drops control and reserved characters, bounds the length. */
    static String safeName(String original) {
        String name = original == null ? "" : original;
        name = name.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.replaceAll("[\\p{Cntrl}<>:\"|?*]", "_").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.isBlank()) {
            name = "file";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private String[] copy(Path source) {
        try {
            Path root = Files.createDirectories(Path.of(dir));
            String key = UUID.randomUUID().toString().replace("-", "");
            Path target = root.resolve(key);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (var in = new java.security.DigestInputStream(Files.newInputStream(source), digest)) {
                Files.copy(in, target);
            }
            return new String[] {key, HexFormat.of().formatHex(digest.digest())};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String contentType(String extension) {
        return switch (extension) {
            case "pdf" -> "application/pdf";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "gif" -> "image/gif";
            case "webp" -> "image/webp";
            case "txt", "log", "md" -> "text/plain";
            case "csv" -> "text/csv";
            case "json" -> "application/json";
            case "xml" -> "application/xml";
            case "zip" -> "application/zip";
            case "eml" -> "message/rfc822";
            default -> "application/octet-stream";
        };
    }

    static AttachmentView view(AttachmentEntity a) {
        return new AttachmentView(a.id, a.fileName, a.contentType, a.sizeBytes, a.sha256, a.uploadedBy, a.internal,
                a.createdAt);
    }

    /** An attachment and where its bytes are. */
    public record AttachmentFile(AttachmentView meta, Path path) {
    }
}
