package io.flowdesk.channels.mail;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Outlook's {@code Thread-Index} ([MS-OXOMSG] PidTagConversationIndex): a 22-byte header block — the high 6 bytes of
 * the conversation's start as a FILETIME (the first is the reserved 0x01 for any date this century) and a 16-byte
 * GUID — then one 5-byte child block per earlier message: a delta-code bit, 31 bits of the time since the start
 * (FILETIME ticks shifted by 18, or by 23 with the bit set when that does not fit) and 8 bits of "random". FlowDesk
 * derives the GUID from the ticket number and each child from its message, so the index of the next mail is always
 * the index of the one before plus one block: Outlook threads them as parent and child.
 */
public final class ThreadIndex {

    /** Seconds between 1601-01-01 (FILETIME's epoch) and 1970-01-01. */
    private static final long EPOCH_SHIFT = 11_644_473_600L;

    private ThreadIndex() {
    }

    /** An earlier message of the conversation: its Message-ID and when it was sent or received (null: unknown). */
    public record Child(String messageId, Instant at) {
    }

    public static String of(String ticketNumber, Instant start, List<Child> children) {
        long head = filetime(start) & 0xFFFF_FFFF_FFFF_0000L; // what the header keeps of it
        ByteBuffer b = ByteBuffer.allocate(22 + 5 * children.size());
        for (int i = 0; i < 6; i++) {
            b.put((byte) (head >>> (56 - 8 * i)));
        }
        b.put(Arrays.copyOf(sha256("flowdesk-thread:" + ticketNumber), 16));
        for (Child c : children) {
            long diff = c.at() == null ? 0 : Math.max(0, filetime(c.at()) - head);
            long block = diff < (1L << 49) ? (diff >>> 18) & 0x7FFF_FFFFL
                    : 0x8000_0000L | ((diff >>> 23) & 0x7FFF_FFFFL);
            b.putInt((int) block);
            b.put(sha256(c.messageId() == null ? "" : c.messageId())[0]);
        }
        return Base64.getEncoder().encodeToString(b.array());
    }

    static long filetime(Instant at) {
        return (at.getEpochSecond() + EPOCH_SHIFT) * 10_000_000L + at.getNano() / 100;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
