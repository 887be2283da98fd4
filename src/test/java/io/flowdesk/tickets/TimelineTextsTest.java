package io.flowdesk.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.Messages;
import io.flowdesk.shared.StoredText;
import io.flowdesk.shared.Text;
import io.flowdesk.tickets.internal.TicketEventEntity;
import java.time.OffsetDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Timeline and notification texts: stored as key and arguments, read in either language. */
class TimelineTextsTest {

    static final JsonNode APPROVAL = Json.parse("""
            {"type":"object","properties":{"approved":{"type":"boolean"},"channel":{"type":"string",
             "enum":["phone","mail"]},"urgent":{"type":"boolean"},"tags":{"type":"array","items":{"enum":["a","b"]}},
             "contactPhone":{"type":"string"}},
             "x-ui":{"fields":{
               "approved":{"widget":"radio","label":{"zh-CN":"审批结果","en":"Decision"},
                 "options":{"true":{"zh-CN":"批准","en":"Approve"},"false":{"zh-CN":"驳回","en":"Reject"}}},
               "channel":{"widget":"select","label":{"zh-CN":"联系方式","en":"Contact by"},
                 "options":{"phone":{"zh-CN":"电话","en":"Phone"},"mail":{"zh-CN":"邮件","en":"Mail"}}},
               "urgent":{"widget":"checkbox","label":{"zh-CN":"加急","en":"Urgent"}},
               "tags":{"widget":"multiselect","label":{"zh-CN":"标签","en":"Tags"},
                 "options":{"a":{"zh-CN":"甲","en":"Alpha"},"b":{"zh-CN":"乙","en":"Beta"}}},
               "contactPhone":{"widget":"phone","label":{"zh-CN":"联系电话","en":"Phone number"},"sensitive":true}}}}
            """);

    static TicketEventEntity completed(String summaryText, String changes) {
        TicketEventEntity e = new TicketEventEntity();
        e.id = 7L;
        e.at = OffsetDateTime.now();
        e.kind = "TASK_COMPLETED";
        e.actor = "agent1";
        e.taskId = "t1";
        e.summary = "Step completed by agent1: Review";
        e.summaryText = summaryText;
        e.detailsJson = "{\"task\":\"主管审批\",\"taskEn\":\"Supervisor approval\",\"changes\":" + changes + "}";
        e.internal = true;
        return e;
    }

    static final String CHANGES = """
            [{"field":"approved","to":true},{"field":"channel","to":"phone"},{"field":"urgent","to":false},
             {"field":"tags","to":["a","b"]},{"field":"contactPhone","to":"13812345678"}]""";

    @Test
    void completedStepShowsLabelsOptionNamesAndYesNoInBothLanguages() {
        Text stored = Text.of("timeline.text.taskCompleted", "agent1", TimelineTexts.task("主管审批", "Supervisor approval"));
        TicketEventEntity e = completed(StoredText.write(stored), CHANGES);
        TimelineEntry entry = TimelineTexts.entry(e, false, Json.parse(e.detailsJson), APPROVAL, Set.of());
        assertEquals("agent1 完成了步骤“主管审批”：审批结果：批准；联系方式：电话；加急：否；标签：甲、乙；联系电话：13812345678",
                entry.summary(Messages.ZH));
        assertEquals("agent1 completed the step Supervisor approval: Decision: Approve, Contact by: Phone,"
                + " Urgent: No, Tags: Alpha, Beta, Phone number: 13812345678", entry.summary(Messages.EN));
        assertEquals("timeline.text.taskCompleted", entry.summaryKey());
        assertEquals(entry.summary(Messages.ZH), entry.in(Messages.ZH).summary());
    }

    @Test
    void changedFieldsAreListedInTheFormsOrderWhateverOrderTheDataCameIn() {
        String reversed = """
                [{"field":"contactPhone","to":"13812345678"},{"field":"tags","to":["a"]},{"field":"urgent","to":true},
                 {"field":"channel","to":"mail"},{"field":"approved","to":false}]""";
        Text stored = Text.of("timeline.text.taskCompleted", "agent1", TimelineTexts.task("主管审批", "Supervisor approval"));
        TicketEventEntity e = completed(StoredText.write(stored), reversed);
        TimelineEntry entry = TimelineTexts.entry(e, false, Json.parse(e.detailsJson), APPROVAL, Set.of());
        assertEquals("agent1 completed the step Supervisor approval: Decision: Reject, Contact by: Mail,"
                + " Urgent: Yes, Tags: Alpha, Phone number: 13812345678", entry.summary(Messages.EN));
    }

    @Test
    void personalDataStaysMaskedForPartnersInSummaryAndDetails() {
        TicketEventEntity e = completed(null, CHANGES);
        TimelineEntry entry = TimelineTexts.entry(e, false, Json.parse(e.detailsJson), APPROVAL,
                Set.of("contactPhone"));
        assertEquals("agent1 completed the step Supervisor approval: Decision: Approve, Contact by: Phone,"
                + " Urgent: No, Tags: Alpha, Beta, Phone number: 138****5678", entry.summary(Messages.EN));
        assertEquals("138****5678", entry.details().path("changes").get(4).path("to").asText());
    }

    @Test
    void rowsWithoutKeyShowTheirStoredSentence() {
        TicketEventEntity e = new TicketEventEntity();
        e.id = 1L;
        e.kind = "ATTACHMENT";
        e.summary = "Attached photo.png";
        TimelineEntry entry = TimelineTexts.entry(e, false, null, null, Set.of());
        assertEquals("Attached photo.png", entry.summary(Messages.ZH));
        assertNull(entry.summaryKey());
    }

    @Test
    void storedTextsReadBackInEitherLanguage() {
        Text attached = StoredText.read(StoredText.write(Text.of("timeline.text.attached", "photo.png")));
        assertEquals("上传了附件 photo.png", attached.in(Messages.ZH));
        assertEquals("Attached photo.png", attached.in(Messages.EN));
        Text transfer = StoredText.read(StoredText.write(Text.of("timeline.text.transferred",
                TimelineTexts.task("仓储拦截", "Warehouse intercept"), Text.bilingual("财务", "Finance"), "退款")));
        assertEquals("步骤“仓储拦截”已转交给 财务：退款", transfer.in(Messages.ZH));
        assertEquals("Step Warehouse intercept transferred to Finance: 退款", transfer.in(Messages.EN));
        Text mention = StoredText.read(StoredText.write(Text.of("notify.mention", "李客服", "FD-2026-000001",
                "@agent2 请看")));
        assertEquals("李客服 在 FD-2026-000001 中提到了你：@agent2 请看", mention.in(Messages.ZH));
        assertEquals("李客服 mentioned you on FD-2026-000001: @agent2 请看", mention.in(Messages.EN));
        Text rated = StoredText.read(StoredText.write(Text.of("timeline.text.rated", 5)));
        assertEquals("Rated 5/5", rated.in(Messages.EN));
        Text status = StoredText.read(StoredText.write(Text.of("timeline.text.status", TimelineTexts.status("NEW"),
                TimelineTexts.status("OPEN"))));
        assertEquals("Status New → Open", status.in(Messages.EN));
        assertEquals("状态 新建 → 待处理", status.in(Messages.ZH));
    }
}
