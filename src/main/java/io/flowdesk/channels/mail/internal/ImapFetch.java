package io.flowdesk.channels.mail.internal;

import io.flowdesk.notify.SecretSeal;
import io.quarkus.hibernate.reactive.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.jboss.logging.Logger;

/**
 * One round of fetching a mailbox. The order is what makes a crash harmless: (1) read above the watermark without
 * marking anything ({@code BODY.PEEK}); (2) import, committed; (3) flag {@code \Seen} or move to the processed
 * folder; (4) move the watermark. A crash before (2) fetches the message again; after (2) the import's unique keys
 * answer "known" and steps (3) and (4) are done then. Nothing is ever deleted before its import committed.
 */
@ApplicationScoped
public class ImapFetch {

    private static final Logger LOG = Logger.getLogger(ImapFetch.class);
    private static final int BATCH = 200;
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mail-imap-idle-watchdog");
        t.setDaemon(true);
        return t;
    });

    @Inject
    MailImporter importer;

    @Inject
    SecretSeal seal;

    @Inject
    MailSettings settings;

    /** Fetches what is new, then waits for more (IDLE or the poll interval). */
    void round(Mailboxes.Mailbox configured, BooleanSupplier stopped) throws Exception {
        Mailboxes.Mailbox box = ImapPoller.await(() -> Panache.withSession(() -> Mailboxes.find(configured.key())));
        if (box == null || !box.fetched()) {
            Thread.sleep(configured.pollSeconds() * 1000L);
            return;
        }
        Store store = session(box).getStore(box.tls() ? "imaps" : "imap");
        try {
            store.connect(box.host(), box.port(), box.username(), box.passwordSealed() == null ? ""
                    : seal.open(box.passwordSealed()));
            IMAPFolder folder = (IMAPFolder) store.getFolder(box.folder());
            folder.open(Folder.READ_WRITE);
            int imported = fetchNew(box, folder);
            if (imported >= BATCH || stopped.getAsBoolean()) {
                return; // more may be waiting: go round again at once
            }
            waitForMail(box, store, folder);
        } finally {
            try {
                store.close();
            } catch (MessagingException e) {
                LOG.debugf("closing %s: %s", box.key(), e);
            }
        }
    }

    private int fetchNew(Mailboxes.Mailbox box, IMAPFolder folder) throws Exception {
        long validity = folder.getUIDValidity();
        long last = box.uidValidity() != null && box.uidValidity() == validity ? box.lastUid() : 0;
        Message[] messages = folder.getMessagesByUID(last + 1, UIDFolder.MAXUID);
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        folder.fetch(messages, profile);
        int count = 0;
        for (Message message : messages) {
            long uid = folder.getUID(message);
            if (uid <= last) {
                continue; // "n:*" always answers the last message, even below n
            }
            ((IMAPMessage) message).setPeek(true);
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            ImapPoller.await(() -> importer.importMessage(box.key(), raw.toByteArray(), validity, uid));
            if (!settings.pauseAfterImport().isZero()) {
                Thread.sleep(settings.pauseAfterImport().toMillis()); // crash tests: a kill lands here
            }
            done(box, folder, message);
            ImapPoller.await(() -> Panache.withTransaction(() -> Mailboxes.watermark(box.key(), validity, uid)));
            if (++count >= BATCH) {
                break;
            }
        }
        return count;
    }

    /** The message is imported: mark it read, or move it out of the inbox. */
    private static void done(Mailboxes.Mailbox box, IMAPFolder folder, Message message) throws MessagingException {
        if (box.processedFolder() == null) {
            message.setFlag(Flags.Flag.SEEN, true);
            return;
        }
        Folder target = folder.getStore().getFolder(box.processedFolder());
        if (!target.exists()) {
            target.create(Folder.HOLDS_MESSAGES);
        }
        folder.copyMessages(new Message[] {message}, target);
        message.setFlag(Flags.Flag.DELETED, true);
        folder.expunge(new Message[] {message});
    }

    private static void waitForMail(Mailboxes.Mailbox box, Store store, IMAPFolder folder) throws Exception {
        long millis = box.pollSeconds() * 1000L;
        if (store instanceof IMAPStore imap && imap.hasCapability("IDLE")) {
            // any other command on the folder ends IDLE: the watchdog caps the wait at the poll interval
            var abort = WATCHDOG.schedule(() -> {
                try {
                    folder.getMessageCount();
                } catch (MessagingException e) {
                    LOG.debugf("ending IDLE on %s: %s", box.key(), e);
                }
            }, millis, TimeUnit.MILLISECONDS);
            try {
                folder.idle(true);
            } finally {
                abort.cancel(false);
            }
        } else {
            Thread.sleep(millis);
        }
    }

    private static Session session(Mailboxes.Mailbox box) {
        Properties p = new Properties();
        String proto = box.tls() ? "imaps" : "imap";
        p.setProperty("mail." + proto + ".connectiontimeout", "20000");
        p.setProperty("mail." + proto + ".timeout", Long.toString(Math.max(60_000L, box.pollSeconds() * 3000L)));
        p.setProperty("mail." + proto + ".peek", "true");
        p.setProperty("mail." + proto + ".partialfetch", "false");
        return Session.getInstance(p);
    }
}
