package io.flowdesk.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** FlowDesk's own settings ({@code flowdesk.*}, env {@code FLOWDESK_*}). */
@ConfigMapping(prefix = "flowdesk")
public interface FlowDeskConfig {

    /** Seed demo users (password {@code demo}). On in dev and test, off in prod. */
    @WithDefault("false")
    boolean demo();

    /** Open demo tickets at past instants (bin/flowdesk run), created once into an empty database. */
    @WithDefault("false")
    boolean demoTickets();

    Templates templates();

    Reconcile reconcile();

    Db db();

    Attachments attachments();

    Engine engine();

    interface Engine {
        /**
         * Flowable history: {@code activity} (default: process, step and task history; variables copied at the
         * end) or {@code audit} (variables kept in sync all along, about 7 more rows per ticket).
         */
        @WithDefault("activity")
        String history();
    }

    Portal portal();

    /** Read by {@code io.flowdesk.shared.FlowClock} (declared here so that the mapping knows it). */
    Clock clock();

    interface Clock {
        /** Tests and demos: the clock runs at the system's pace plus an offset an admin moves (ADR 0015). */
        @WithDefault("false")
        boolean adjustable();
    }

    /** Read by {@code io.flowdesk.tickets.TicketEventStream}. */
    Events events();

    interface Events {
        /** How often each node looks for new ticket events per consumer. */
        @WithDefault("PT0.5S")
        Duration poll();

        /** How long a consumer waits in front of a hole in the ids before passing it (a rolled-back id). */
        @WithDefault("PT10S")
        Duration holeWait();

        /** Off only in tools that must not consume (e.g. a read-only replica). */
        @WithDefault("true")
        boolean enabled();
    }

    /** Read by {@code io.flowdesk.deadlines.DeadlineScanner} (ADR 0018). */
    Deadlines deadlines();

    interface Deadlines {
        /** How often each node looks for due deadlines. */
        @WithDefault("PT0.25S")
        Duration poll();

        /** How many due deadlines one transaction fires. */
        @WithDefault("200")
        int batch();

        /**
         * How many batches one node fires at once, each on its own connection and its own share of the tickets
         * ({@code ticket_id % workers}); ADR 0023.
         */
        @WithDefault("2")
        int workers();

        /** After this many failed attempts a deadline is left alone (logged as an error, reason in the row). */
        @WithDefault("5")
        int maxAttempts();

        /** A failed deadline is tried again after attempts × this. */
        @WithDefault("PT1M")
        Duration retryDelay();

        /** Off only in tools that must not fire (e.g. a read-only replica). */
        @WithDefault("true")
        boolean enabled();

        /** The name this node records on what it fired; host name and HTTP port when absent. */
        Optional<String> node();
    }

    /** Read by {@code io.flowdesk.sla} (docs/sla.md, ADR 0023). */
    Sla sla();

    interface Sla {
        /** Ticket statuses during which SLA clocks pause. */
        @WithDefault("WAITING_CUSTOMER")
        java.util.Set<String> waitingStatuses();

        /** How many tickets one transaction of a recompute-all (after a calendar or policy edit) handles. */
        @WithDefault("500")
        int recomputeBatch();

        /** How many transactions a recompute-all runs side by side, each on its share of the ticket ids. */
        @WithDefault("2")
        int recomputeLanes();
    }

    /** Read by {@code io.flowdesk.routing.RoutingConsumer} (ADR 0021). */
    Routing routing();

    interface Routing {
        /** P1 tasks left in a queue notify every member of their department. */
        @WithDefault("true")
        @io.smallrye.config.WithName("announce-p1")
        boolean announceP1();
    }

    interface Attachments {
        /** Where attachment files are stored (random names; metadata and checksums are in the database). */
        @WithDefault("data/attachments")
        String dir();

        /** Largest accepted file. */
        @WithDefault("10485760")
        long maxBytes();
    }

    interface Portal {
        /** How long after resolution a customer may reopen instead of opening a new ticket. */
        @WithDefault("7")
        int reopenDays();
    }

    interface Templates {
        /** Folder with one sub-folder per template, imported at start-up. */
        @WithDefault("process-templates")
        String dir();
    }

    interface Reconcile {
        /** A PENDING ticket younger than this is left to the request that is creating it. */
        @WithDefault("30s")
        Duration grace();
    }

    interface Db {
        /** Create the database when missing (needs a role that may create databases). */
        @WithDefault("true")
        boolean create();

        /** Drop and recreate the database at start (tests only). */
        @WithDefault("false")
        boolean reset();
    }

    /** Read by {@code io.flowdesk.notify} (the notification hub, ADR 0024). */
    @io.smallrye.config.WithName("notify")
    Notify notifications();

    interface Notify {
        /** Off in tests, which drive the sender themselves ({@code DeliverySender.drain()}). */
        @WithDefault("true")
        boolean enabled();

        /** How often each node looks for deliveries to send. */
        @WithDefault("PT1S")
        Duration poll();

        /** How many deliveries one pass takes. */
        @WithDefault("50")
        int batch();

        /** After this many failed attempts a delivery is dead-lettered ({@code failed}). */
        @WithDefault("6")
        int maxAttempts();

        /** The first retry waits this long; each further one twice as long (at most an hour). */
        @WithDefault("PT30S")
        Duration retryDelay();

        /** A delivery left 'sending' longer than this was interrupted by a crash (ADR 0024 says what follows). */
        @WithDefault("PT5M")
        Duration lease();

        /** Tests only: wait this long after a send before recording it (the kill -9 window). */
        @WithDefault("PT0S")
        Duration pauseAfterSend();

        /** Messages a minute one robot takes (WeCom, DingTalk: 20); more are merged into one digest. */
        @WithDefault("20")
        int robotPerMinute();

        /** The domain of Message-IDs and ticket thread ids in mail. */
        @WithDefault("flowdesk.local")
        String mailDomain();

        /** Where links in mail and robot messages point. */
        @WithDefault("http://localhost:8080")
        String baseUrl();

        /** Connect and answer timeout of robot and webhook calls. */
        @WithDefault("PT10S")
        Duration httpTimeout();

        /**
         * With {@code flowdesk.demo}: a DingTalk robot for the supervisors' department pointing at this node's demo
         * sink (ADR 0028); off in the in-process tests.
         */
        @WithDefault("true")
        boolean demoRobot();
    }

    /** Sealing of stored secrets (robot and webhook URLs and keys). */
    Secrets secrets();

    interface Secrets {
        /** AES key, base64 (16 or 32 bytes); required to store robots and webhook endpoints. */
        Optional<String> key();
    }

    /** Read by {@code io.flowdesk.channels.mail.internal.MailSettings} (mail in, ADR 0042). */
    Mail mail();

    interface Mail {
        /** Within how many days of resolution a mail reopens its ticket; after that it opens a linked new one. */
        @WithDefault("7")
        int reopenDays();

        /** A sender creating more tickets than this within {@code throttleMinutes} is throttled (logged). */
        @WithDefault("10")
        int throttleCount();

        @WithDefault("60")
        int throttleMinutes();

        /** Whether this node fetches the configured IMAP mailboxes. */
        @WithDefault("true")
        boolean imapEnabled();

        /** How often the poller looks at which mailboxes are due (each has its own interval). */
        @WithDefault("PT5S")
        Duration imapTick();

        /**
         * Where replies to FlowDesk's mail go ({@code support@example.com}): mail about a ticket gets Reply-To
         * {@code support+<signed ticket number>@example.com} (ADR 0051); unset, no Reply-To.
         */
        Optional<String> replyTo();

        /** Crash tests only: a pause between a fetched message's import commit and its Seen flag. */
        @WithDefault("PT0S")
        Duration pauseAfterImport();
    }
}
