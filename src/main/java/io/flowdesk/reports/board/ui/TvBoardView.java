package io.flowdesk.reports.board.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.flowdesk.identity.ui.PublicPage;
import io.flowdesk.reports.ReportService;
import io.flowdesk.reports.board.BoardTokens;
import io.flowdesk.reports.board.WallBoard;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.ui.Ui;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * The wall board through a read-only link, for a TV without a session (ADR 0036): no navigation, no controls. The
 * link is checked again at every refresh, so a revoked link stops showing numbers within one refresh.
 */
@Route("board/tv")
@PageTitle("FlowDesk")
public class TvBoardView extends Div implements PublicPage, HasUrlParameter<String> {

    private final BoardTokens tokens;
    private final BoardTicker ticker;
    private final Locale locale;
    private final BoardPanel panel;
    private final H1 title = new H1();
    private final Span gone = new Span();
    private String token;
    private Registration ticking;

    @Inject
    public TvBoardView(BoardTokens tokens, BoardTicker ticker, ReportService reports) {
        this.tokens = tokens;
        this.ticker = ticker;
        this.locale = Ui.locale();
        this.panel = new BoardPanel(locale, reports.zone());
        setId("wall-board");
        BoardPanel.page(this);
        title.setId("board-title");
        title.getStyle().set("margin", "0").set("font-size", "clamp(1.5rem, 3.2vw, 3rem)").set("color", "#ffffff")
                .set("flex", "1 1 auto");
        Div head = new Div(title, panel.updated());
        head.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("align-items", "center")
                .set("gap", "12px 24px").set("margin-bottom", "clamp(12px, 2vw, 28px)");
        gone.setId("board-gone");
        gone.getStyle().set("font-size", "clamp(1.2rem, 2.5vw, 2.5rem)");
        gone.setVisible(false);
        add(head, gone, panel);
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        token = parameter;
        show(load());
    }

    private WallBoard load() {
        try {
            return Ui.await(() -> tokens.board(token, locale));
        } catch (FlowDeskException e) {
            return null;
        }
    }

    private void show(WallBoard board) {
        panel.setVisible(board != null);
        gone.setVisible(board == null);
        if (board == null) {
            title.setText(Text.of("reports.board.title").in(locale));
            gone.setText(Text.of("reports.board.error.link").in(locale));
            return;
        }
        title.setText(Text.of("reports.board.title").in(locale) + (board.departmentName() == null ? ""
                : " · " + board.departmentName()));
        panel.show(board);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        ticking = ticker.start(event.getUI(), this::load, this::show);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (ticking != null) {
            ticking.remove();
            ticking = null;
        }
        super.onDetach(event);
    }
}
