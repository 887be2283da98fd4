package io.flowdesk.reports.board.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.flowdesk.reports.board.WallBoard;
import io.flowdesk.shared.Text;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a wall board shows (ADR 0036): the five big numbers and the per-agent strip, dark and high contrast, with
 * inline styles only. Data in ({@link #show}), nothing out; used by the signed-in board and the TV link.
 */
public class BoardPanel extends Div {

    static final String BACKGROUND = "#0b1220";
    static final String TILE = "#17223a";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Locale locale;
    private final ZoneId zone;
    private final Span updated = new Span();
    private final Map<String, Div> tiles = new LinkedHashMap<>();
    private final Map<String, Span> values = new LinkedHashMap<>();
    private final Span onlineOf = new Span();
    private final Div agents = new Div();

    public BoardPanel(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
        updated.setId("board-updated");
        updated.getStyle().set("font-size", "clamp(0.9rem, 1.4vw, 1.4rem)").set("color", "#c8d3e6");
        Div grid = new Div();
        grid.setId("board-tiles");
        grid.getStyle().set("display", "grid").set("gap", "clamp(8px, 1.5vw, 24px)")
                .set("grid-template-columns", "repeat(auto-fit, minmax(min(160px, 45%), 1fr))");
        grid.add(tile("open", "#ffffff"), tile("unassigned", "#ffd54f"), tile("at-risk", "#ffab40"),
                tile("breached", "#ff6e6e"), tile("online", "#69f0ae"));
        Span strip = new Span(t("reports.board.agents"));
        strip.getStyle().set("display", "block").set("font-size", "clamp(1.1rem, 2vw, 2rem)").set("font-weight", "600")
                .set("margin", "clamp(16px, 2.5vw, 36px) 0 12px");
        agents.setId("board-agents");
        agents.getStyle().set("display", "grid").set("gap", "clamp(6px, 1vw, 16px)")
                .set("grid-template-columns", "repeat(auto-fill, minmax(min(220px, 100%), 1fr))");
        add(grid, strip, agents);
    }

    /** The "updated at" line, for the caller's header. */
    public Span updated() {
        return updated;
    }

    /** The page around a board: dark, full height. */
    static void page(Div page) {
        page.getElement().setAttribute("theme", "dark");
        page.getStyle().set("background", BACKGROUND).set("color", "#ffffff").set("min-height", "100vh")
                .set("box-sizing", "border-box").set("padding", "clamp(12px, 2vw, 32px)")
                .set("font-family", "var(--lumo-font-family)");
    }

    private String t(String key, Object... args) {
        return Text.of(key, args).in(locale);
    }

    private Div tile(String id, String color) {
        Span label = new Span(t("reports.board.tile." + id));
        label.getStyle().set("font-size", "clamp(1rem, 1.9vw, 2rem)").set("color", "#dfe7f5").set("font-weight", "600");
        Span value = new Span("–");
        value.setId("board-" + id);
        value.getStyle().set("font-size", "clamp(3rem, 9vw, 9rem)").set("font-weight", "800").set("line-height", "1")
                .set("color", color).set("font-variant-numeric", "tabular-nums");
        Div line = new Div(value);
        line.getStyle().set("display", "flex").set("align-items", "baseline").set("gap", "0.3em")
                .set("white-space", "nowrap");
        if (id.equals("online")) {
            onlineOf.setId("board-online-of");
            onlineOf.getStyle().set("font-size", "clamp(1.5rem, 3.5vw, 3.5rem)").set("font-weight", "700")
                    .set("color", "#c8d3e6");
            line.add(onlineOf);
        }
        values.put(id, value);
        Div tile = new Div(label, line);
        tile.getStyle().set("background", TILE).set("border-radius", "14px").set("padding", "clamp(12px, 1.8vw, 28px)")
                .set("display", "flex").set("flex-direction", "column").set("gap", "8px")
                .set("border", "3px solid transparent");
        tiles.put(id, tile);
        return tile;
    }

    public void show(WallBoard board) {
        set("open", board.open(), false);
        set("unassigned", board.unassigned(), board.unassigned() > 0);
        set("at-risk", board.atRisk(), board.atRisk() > 0);
        set("breached", board.breached(), board.breached() > 0);
        Span online = values.get("online");
        online.setText(String.valueOf(board.agentsOnline()));
        online.getElement().setAttribute("data-value", String.valueOf(board.agentsOnline()));
        onlineOf.setText("/ " + board.agentsTotal());
        updated.setText(t("reports.board.updated", TIME.format(board.at().atZone(zone))));
        updated.getElement().setAttribute("data-at", board.at().toString());
        agents.removeAll();
        if (board.agents().isEmpty()) {
            Span none = new Span(t("reports.board.noAgents"));
            none.getStyle().set("font-size", "clamp(1rem, 1.6vw, 1.6rem)").set("color", "#c8d3e6");
            agents.add(none);
        }
        for (WallBoard.AgentLine a : board.agents()) {
            agents.add(agent(a));
        }
    }

    private void set(String id, long value, boolean alarm) {
        Div tile = tiles.get(id);
        Span number = values.get(id);
        number.setText(String.valueOf(value));
        number.getElement().setAttribute("data-value", String.valueOf(value));
        tile.getStyle().set("border-color", alarm ? number.getStyle().get("color") : "transparent");
    }

    private Div agent(WallBoard.AgentLine a) {
        String dot = switch (a.status()) {
            case "online" -> "#69f0ae";
            case "away" -> "#ffd54f";
            default -> "#8a94a6";
        };
        Span status = new Span();
        status.getElement().setAttribute("aria-label", t("reports.board.status." + a.status()));
        status.getElement().setAttribute("title", t("reports.board.status." + a.status()));
        status.getStyle().set("width", "0.9em").set("height", "0.9em").set("border-radius", "50%")
                .set("background", dot).set("flex", "none");
        Span name = new Span(a.displayName());
        name.getStyle().set("flex", "1 1 auto").set("overflow", "hidden").set("text-overflow", "ellipsis")
                .set("white-space", "nowrap");
        Span open = new Span(String.valueOf(a.open()));
        open.addClassName("board-agent-open");
        open.getStyle().set("font-weight", "800").set("font-size", "1.4em").set("font-variant-numeric",
                "tabular-nums");
        Div row = new Div(status, name, open);
        row.getElement().setAttribute("data-agent", a.username());
        row.getElement().setAttribute("data-open", String.valueOf(a.open()));
        row.getElement().setAttribute("title", t("reports.board.agentLine", a.displayName(), a.open(), a.atRisk(),
                a.breached()));
        row.getStyle().set("display", "flex").set("align-items", "center").set("gap", "12px").set("background", TILE)
                .set("border-radius", "10px").set("padding", "10px 16px").set("font-size", "clamp(1rem, 1.6vw, 1.7rem)")
                .set("border-left", "6px solid " + (a.breached() > 0 ? "#ff6e6e" : a.atRisk() > 0 ? "#ffab40"
                        : "transparent"));
        return row;
    }
}
