package io.flowdesk.reports.board.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Department;
import io.flowdesk.identity.Role;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.reports.board.BoardService;
import io.flowdesk.reports.board.WallBoard;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.ui.Ui;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The live wall board (ADR 0036), full screen without the workspace frame: made for a TV (big numbers, high
 * contrast, readable from across the room) and still fine on a phone. {@code ?department=} narrows it to a team.
 * It refreshes itself every few seconds through {@link BoardTicker}.
 */
@Route("reports/board")
@PageTitle("FlowDesk")
public class WallBoardView extends Div implements BeforeEnterObserver {

    static final String BACKGROUND = "#0b1220";
    static final String TILE = "#17223a";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final BoardService service;
    private final BoardTicker ticker;
    private final CurrentUser user;
    private final Locale locale;
    private final Select<String> department = new Select<>();
    private final Span updated = new Span();
    private final Map<String, Div> tiles = new LinkedHashMap<>();
    private final Map<String, Span> values = new LinkedHashMap<>();
    private final Span onlineOf = new Span();
    private final Div agents = new Div();
    private final ZoneId zone;
    private Map<String, Department> departments = Map.of();
    private String current;
    private Registration ticking;

    @Inject
    public WallBoardView(BoardService service, BoardTicker ticker, io.flowdesk.reports.ReportService reports) {
        this.service = service;
        this.ticker = ticker;
        this.user = UiSession.user().orElseThrow();
        this.locale = Ui.locale();
        this.zone = reports.zone();
        setId("wall-board");
        getElement().setAttribute("theme", "dark");
        getStyle().set("background", BACKGROUND).set("color", "#ffffff").set("min-height", "100vh")
                .set("box-sizing", "border-box").set("padding", "clamp(12px, 2vw, 32px)")
                .set("font-family", "var(--lumo-font-family)");
        if (!mayRead(user)) {
            return;
        }
        H1 title = new H1(t("reports.board.title"));
        title.setId("board-title");
        title.getStyle().set("margin", "0").set("font-size", "clamp(1.5rem, 3.2vw, 3rem)").set("color", "#ffffff")
                .set("flex", "1 1 auto");
        departments = new LinkedHashMap<>();
        for (Department d : Ui.await(() -> service.departments(user))) {
            departments.put(d.key(), d);
        }
        department.setId("board-department");
        department.setAriaLabel(t("reports.board.department"));
        department.setItems(List.copyOf(departments.keySet()));
        department.setEmptySelectionAllowed(true);
        department.setEmptySelectionCaption(t("reports.board.allDepartments"));
        department.setItemLabelGenerator(k -> k == null ? t("reports.board.allDepartments")
                : departments.get(k).name(locale.toLanguageTag()));
        department.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                UI.getCurrent().navigate("reports/board", e.getValue() == null ? QueryParameters.empty()
                        : QueryParameters.of("department", e.getValue()));
            }
        });
        updated.setId("board-updated");
        updated.getStyle().set("font-size", "clamp(0.9rem, 1.4vw, 1.4rem)").set("color", "#c8d3e6");
        Anchor back = new Anchor("", t("reports.board.back"));
        back.getStyle().set("color", "#9ecbff").set("font-size", "clamp(0.9rem, 1.4vw, 1.4rem)");
        Div head = new Div(title, department, updated, back);
        head.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("align-items", "center")
                .set("gap", "12px 24px").set("margin-bottom", "clamp(12px, 2vw, 28px)");
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
        add(head, grid, strip, agents);
    }

    static boolean mayRead(CurrentUser user) {
        return user.has(Role.SUPERVISOR) || user.has(Role.ADMIN);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!mayRead(user)) {
            event.forwardTo("");
            return;
        }
        List<String> asked = event.getLocation().getQueryParameters().getParameters().getOrDefault("department",
                List.of());
        String key = asked.isEmpty() || asked.get(0).isBlank() ? null : asked.get(0).strip();
        current = key != null && departments.containsKey(key) ? key : null;
        if (key != null && current == null) {
            Ui.error(Ui.text(Text.of("reports.board.error.department", Text.of("reports.board.department"), key)));
        }
        department.setValue(current);
        try {
            show(Ui.await(() -> service.board(user, current, locale)));
        } catch (FlowDeskException e) {
            Ui.error(Ui.message(e));
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        if (mayRead(user)) {
            ticking = ticker.start(event.getUI(), () -> Ui.await(() -> service.board(user, current, locale)),
                    this::show);
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (ticking != null) {
            ticking.remove();
            ticking = null;
        }
        super.onDetach(event);
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

    void show(WallBoard board) {
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
