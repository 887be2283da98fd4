package io.flowdesk.testing;

/**
 * Lets several checkouts on one machine run their tests at once: {@code FLOWDESK_TEST_SLOT=n} (0–9) moves the
 * packaged-app tests' databases and ports and the test SMTP port by n·100; the in-process Quarkus tests take
 * {@code FLOWDESK_TEST_DB} and {@code FLOWDESK_TEST_PORT} (application.properties). Slot 0 is CI's.
 */
public final class TestSlot {

    private TestSlot() {
    }

    public static int slot() {
        String value = System.getenv("FLOWDESK_TEST_SLOT");
        return value == null || value.isBlank() ? 0 : Integer.parseInt(value.trim());
    }

    public static int offset() {
        return slot() * 100;
    }

    public static String suffix() {
        return slot() == 0 ? "" : "_s" + slot();
    }
}
