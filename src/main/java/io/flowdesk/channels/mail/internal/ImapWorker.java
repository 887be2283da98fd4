package io.flowdesk.channels.mail.internal;

import java.util.Objects;
import org.jboss.logging.Logger;

/** The thread that fetches one mailbox: fetch above the watermark, then IDLE or sleep, until stopped. */
final class ImapWorker implements Runnable {

    private static final Logger LOG = Logger.getLogger(ImapWorker.class);

    private final Mailboxes.Mailbox box;
    private final ImapFetch fetch;
    private final Thread thread;
    private volatile boolean stopped;

    ImapWorker(Mailboxes.Mailbox box, ImapFetch fetch) {
        this.box = box;
        this.fetch = fetch;
        this.thread = new Thread(this, "mail-imap-" + box.key());
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() {
        stopped = true;
        thread.interrupt();
    }

    /** Whether the configuration this worker connects with changed (the watermark may move). */
    boolean changed(Mailboxes.Mailbox now) {
        return !Objects.equals(box.host(), now.host()) || !Objects.equals(box.port(), now.port())
                || box.tls() != now.tls() || !Objects.equals(box.username(), now.username())
                || !Objects.equals(box.passwordSealed(), now.passwordSealed())
                || !Objects.equals(box.folder(), now.folder())
                || !Objects.equals(box.processedFolder(), now.processedFolder())
                || box.pollSeconds() != now.pollSeconds();
    }

    @Override
    public void run() {
        long backoff = 1000;
        while (!stopped) {
            try {
                fetch.round(box, () -> stopped);
                ImapPoller.recordPoll(box.key(), null);
                backoff = 1000;
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                LOG.warnf("mailbox %s: %s", box.key(), e.toString());
                ImapPoller.recordPoll(box.key(), MailImporter.clip(e.toString(), 2000));
                try {
                    Thread.sleep(Math.min(backoff, box.pollSeconds() * 1000L));
                } catch (InterruptedException stop) {
                    return;
                }
                backoff = Math.min(backoff * 2, 60_000);
            }
        }
    }
}
