package io.flowdesk.channels.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplyTokenTest {

    private final ReplyToken tokens = new ReplyToken("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void aTokenFromFlowDeskNamesItsTicketInReferencesOrAPlusAddress() {
        String id = tokens.messageId("FD-2026-000123", "flowdesk.local");
        assertTrue(id.matches("fd\\.FD-2026-000123\\.[0-9a-f]{12}\\.[0-9a-f]{16}@flowdesk\\.local"), id);
        assertEquals(Optional.of("FD-2026-000123"), tokens.ticketOf(List.of("other@example.com", id)));
        String local = id.substring(0, id.indexOf('@'));
        assertEquals(Optional.of("FD-2026-000123"), tokens.ticketOf(List.of("support+" + local + "@flowdesk.local")));
    }

    @Test
    void aTokenWithAnotherTicketNumberOrAnotherKeyIsRefused() {
        String id = tokens.messageId("FD-2026-000123", "flowdesk.local");
        assertEquals(Optional.empty(), tokens.ticketOf(List.of(id.replace("000123", "000124"))));
        ReplyToken other = new ReplyToken("fedcba9876543210fedcba9876543210".getBytes());
        assertEquals(Optional.empty(), other.ticketOf(List.of(id)));
    }

    @Test
    void theTicketNumberIsFoundInSubjectsWithReplyPrefixes() {
        for (String subject : List.of("[FD-2026-000123] 打印机", "Re: [FD-2026-000123] printer",
                "RE: Fwd: FD-2026-000123 printer", "回复：[FD-2026-000123] 打印机", "答复：FD-2026-000123",
                "转发：[fd-2026-000123] 打印机")) {
            assertEquals(Optional.of("FD-2026-000123"), ReplyToken.numberInSubject(subject), subject);
        }
        assertEquals(Optional.empty(), ReplyToken.numberInSubject("订单 20261201 未到账"));
        assertEquals(Optional.empty(), ReplyToken.numberInSubject("XFD-2026-000123"));
    }
}
