package io.flowdesk.reports.board.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Department;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.reports.board.BoardService;
import io.flowdesk.reports.board.BoardTokens;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.ui.Ui;
import jakarta.inject.Inject;
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

    private final BoardService service;
    private final BoardTicker ticker;
    private final CurrentUser user;
    private final Locale locale;
    private final Select<String> department = new Select<>();
    private final BoardPanel panel;
    private final BoardTokens tokens;
    private final Span link = new Span();
    private Map<String, Department> departments = Map.of();
    private String current;
    private Registration ticking;

    @Inject
    public WallBoardView(BoardService service, BoardTicker ticker, io.flowdesk.reports.ReportService reports,
            BoardTokens tokens) {
        this.service = service;
        this.tokens = tokens;
        this.ticker = ticker;
        this.user = UiSession.user().orElseThrow();
        this.locale = Ui.locale();
        this.panel = new BoardPanel(locale, reports.zone());
        setId("wall-board");
        BoardPanel.page(this);
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
        Anchor back = new Anchor("", t("reports.board.back"));
        back.getStyle().set("color", "#9ecbff").set("font-size", "clamp(0.9rem, 1.4vw, 1.4rem)");
        Button tv = new Button(t("reports.board.tvLink"), e -> Ui.attempt(() -> {
            BoardTokens.Created made = Ui.await(() -> tokens.create(user, current, null));
            link.setText(t("reports.board.tvLinkMade", made.path()));
            link.getElement().setAttribute("data-path", made.path());
        }));
        tv.setId("board-tv-link");
        tv.addThemeVariants(ButtonVariant.LUMO_CONTRAST, ButtonVariant.LUMO_SMALL);
        link.setId("board-link");
        link.getStyle().set("flex-basis", "100%").set("color", "#c8d3e6").set("word-break", "break-all");
        Div head = new Div(title, department, panel.updated(), tv, back, link);
        head.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("align-items", "center")
                .set("gap", "12px 24px").set("margin-bottom", "clamp(12px, 2vw, 28px)");
        add(head, panel);
    }

    static boolean mayRead(CurrentUser user) {
        return BoardService.mayRead(user);
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
            panel.show(Ui.await(() -> service.board(user, current, locale)));
        } catch (FlowDeskException e) {
            Ui.error(Ui.message(e));
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        if (mayRead(user)) {
            ticking = ticker.start(event.getUI(), () -> Ui.await(() -> service.board(user, current, locale)),
                    panel::show);
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

}
