package io.flowdesk.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void acceptLanguagePicksChineseOrEnglish() {
        assertEquals(Messages.ZH, Messages.locale("zh-CN,zh;q=0.9,en;q=0.8"));
        assertEquals(Messages.ZH, Messages.locale("zh"));
        assertEquals(Messages.EN, Messages.locale("en-US,en;q=0.9"));
        assertEquals(Messages.EN, Messages.locale("fr-FR"));
        assertEquals(Messages.EN, Messages.locale("de;q=1.0,zh;q=0.1,en;q=0.5"), "the preferred known language wins");
        assertEquals(Messages.EN, Messages.locale(";;;"));
    }

    @Test
    void nestedTextsAndNumbersAreWrittenInTheReadersLanguage() {
        Text nested = Text.of("problem.json.shape", Text.literal("/data/amount"));
        assertEquals("请求内容在 /data/amount 处的值类型不对。", nested.in(Messages.ZH));
        assertEquals("The request body has a value of the wrong type at /data/amount.", nested.in(Messages.EN));
        assertEquals("The request body has a value of the wrong type at 100000.",
                Text.of("problem.json.shape", 100000).in(Messages.EN), "numbers are not grouped");
        assertEquals("退款", Text.bilingual("退款", "Refund").in(Messages.ZH));
        assertEquals("Refund", Text.bilingual("退款", "Refund").in(Messages.EN));
        assertEquals("退款", Text.bilingual("退款", "").in(Messages.EN), "a missing translation falls back");
    }
}
