package io.flowdesk.reports.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowdesk.reports.dashboard.Trend.Better;
import io.flowdesk.shared.Messages;
import org.junit.jupiter.api.Test;

/** The trend colour rules of ADR 0034. */
class TrendTest {

    @Test
    void moreResolvedIsGoodAndSlowerFirstResponseIsBad() {
        Trend resolved = Trend.relative(12.0, 10.0, Better.HIGHER, Messages.EN);
        assertEquals("good", resolved.tone());
        assertEquals("▲ 20% vs previous period", resolved.text());
        Trend slower = Trend.relative(45.0, 30.0, Better.LOWER, Messages.EN);
        assertEquals("bad", slower.tone());
        assertEquals("▲", slower.arrow());
        assertEquals("good", Trend.relative(20.0, 30.0, Better.LOWER, Messages.EN).tone());
    }

    @Test
    void createdIsNeitherGoodNorBadAndNoEarlierFigureIsNoTrend() {
        assertEquals("neutral", Trend.relative(30.0, 10.0, Better.NEITHER, Messages.EN).tone());
        Trend none = Trend.relative(5.0, 0.0, Better.HIGHER, Messages.ZH);
        assertEquals("neutral", none.tone());
        assertEquals("上期无数据", none.text());
        assertEquals("→", Trend.relative(5.0, 5.0, Better.HIGHER, Messages.EN).arrow());
    }

    @Test
    void ratesMoveInPercentagePoints() {
        Trend reopen = Trend.points(0.15, 0.10, Better.LOWER, Messages.ZH);
        assertEquals("bad", reopen.tone());
        assertEquals("较上期 ▲ 5 个百分点", reopen.text());
        Trend sla = Trend.points(0.9, 0.95, Better.HIGHER, Messages.EN);
        assertEquals("bad", sla.tone());
        assertEquals("▼ 5 pts vs previous period", sla.text());
    }
}
