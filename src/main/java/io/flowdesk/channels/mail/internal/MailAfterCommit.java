package io.flowdesk.channels.mail.internal;

import io.flowdesk.channels.mail.MailImport;
import io.flowdesk.channels.mail.ParsedMail;
import io.flowdesk.shared.Text;
import io.flowdesk.tickets.AttachmentService;
import io.flowdesk.tickets.TicketCommands;
import io.flowdesk.tickets.TicketService;
import io.flowdesk.workflow.EngineBridge;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * What follows an import's commit, each step safe to repeat and none able to undo the import: start the new
 * ticket's flow (the reconciler does it after a crash), move its first task to the mailbox's department, reopen a
 * closed ticket, store attachments through {@link AttachmentService} (the upload limits and type checks apply; a
 * refused file is named in an internal note). Failures are logged; the message stays imported.
 */
@ApplicationScoped
public class MailAfterCommit {

    private static final Logger LOG = Logger.getLogger(MailAfterCommit.class);

    @Inject
    TicketService tickets;

    @Inject
    TicketCommands commands;

    @Inject
    AttachmentService attachments;

    @Inject
    MailSettings settings;

    @Inject
    EngineBridge bridge;

    Uni<Void> run(Mailboxes.Mailbox box, MailImporter.Done done) {
        MailImport result = done.result();
        Uni<Void> steps = Uni.createFrom().voidItem();
        if (done.startTicket() != null) {
            long id = done.startTicket();
            steps = steps.chain(() -> tickets.ensureStarted(id)).chain(() -> department(box, id));
        }
        if (MailImport.REOPENED.equals(result.outcome())) {
            steps = steps.chain(() -> tickets.reopen(MailImporter.MAIL, result.ticketNumber(),
                    Text.of("mail.reopenReason").in(io.flowdesk.shared.Messages.ZH), settings.reopenDays())
                    .replaceWithVoid());
        }
        if (done.ticketId() != null && done.parsed() != null && !done.parsed().attachments().isEmpty()) {
            steps = steps.chain(() -> files(result.ticketNumber(), done.ticketId(), done.parsed(), result.review()));
        }
        return steps.onFailure().recoverWithUni(e -> {
            LOG.warnf(e, "after importing mail into %s", result.ticketNumber());
            return Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> department(Mailboxes.Mailbox box, long ticketId) {
        if (box.department() == null || box.department().isBlank()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> commands.openTasks(ticketId).chain(tasks -> {
            Uni<Void> moves = Uni.createFrom().voidItem();
            for (TicketCommands.OpenTask task : tasks) {
                moves = moves.chain(() -> commands.moveTask(task.taskId(), box.department(), "mail",
                        Text.of("mail.timeline.department", box.key())).replaceWithVoid());
            }
            return moves;
        }));
    }

    private Uni<Void> files(String number, long ticketId, ParsedMail mail, boolean internal) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ParsedMail.Part part : mail.attachments()) {
            String name = part.fileName() == null || part.fileName().isBlank() ? "attachment.bin" : part.fileName();
            chain = chain.chain(() -> bridge.call(() -> temp(part.bytes()))
                    .chain(path -> attachments.store(MailImporter.MAIL, number, name, part.contentType(), path,
                            internal).replaceWithVoid()
                            .onFailure().recoverWithUni(e -> Panache.withTransaction(() -> commands.record(ticketId,
                                    "NOTE", null, null, Text.of("mail.timeline.fileRefused", name), null, true)))
                            .eventually(() -> bridge.run(() -> delete(path)))));
        }
        return chain;
    }

    private static Path temp(byte[] bytes) {
        try {
            Path path = Files.createTempFile("flowdesk-mail-", ".part");
            Files.write(path, bytes);
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.debugf("could not delete %s", path);
        }
    }
}
