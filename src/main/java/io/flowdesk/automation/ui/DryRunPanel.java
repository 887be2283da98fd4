package io.flowdesk.automation.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import io.flowdesk.automation.AutomationService;
import io.flowdesk.automation.Rule;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** Tries the rule in the form on the latest N tickets: which would match and what it would do, in words. */
class DryRunPanel extends Composite<VerticalLayout> {

    private final IntegerField n = new IntegerField(getTranslation("rulesview.dry.n"));
    private final Span summary = new Span();
    private final Div results = new Div();

    /**
     * @param rule the rule as the form shows it; @param run the dry run (may throw the service's errors);
     * @param failed shows a validation failure on the form
     */
    DryRunPanel(RuleWords words, Supplier<Rule> rule,
            Function<Rule, Function<Integer, List<AutomationService.DryRunRow>>> run, Consumer<RuntimeException> failed) {
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.addClassName("fd-rule-dry-run");
        layout.setId("rule-dry");
        Span hint = new Span(getTranslation("rulesview.dry.hint"));
        hint.addClassName("fd-hint");
        n.setId("rule-dry-n");
        n.setValue(50);
        n.setMin(1);
        n.setMax(500);
        n.setWidth("9em");
        n.setStepButtonsVisible(true);
        summary.setId("rule-dry-summary");
        results.setId("rule-dry-results");
        results.setWidthFull();
        Button go = new Button(getTranslation("rulesview.dry.run"), VaadinIcon.PLAY.create(), e -> {
            Rule r = rule.get();
            int count = n.getValue() == null ? 50 : n.getValue();
            List<AutomationService.DryRunRow> rows;
            try {
                rows = run.apply(r).apply(count);
            } catch (RuntimeException failure) {
                failed.accept(failure);
                return;
            }
            show(words, r, rows);
        });
        go.setId("rule-dry-run");
        layout.add(new H4(getTranslation("rulesview.dry.title")), hint, Fields.row(n, go), summary, results);
    }

    private void show(RuleWords words, Rule rule, List<AutomationService.DryRunRow> rows) {
        results.removeAll();
        long matched = rows.stream().filter(AutomationService.DryRunRow::matched).count();
        summary.setText(getTranslation("rulesview.dry.summary", String.valueOf(matched), String.valueOf(rows.size())));
        String would = words.actions(rule.actions());
        rows.stream().sorted(Comparator.comparing(r -> !r.matched())).forEach(r -> {
            Div line = new Div();
            line.addClassName("fd-rule-dry-row");
            line.addClassName(r.matched() ? "fd-matched" : "fd-not-matched");
            line.setId("rule-dry-" + r.number());
            line.getStyle().set("margin-block-end", "var(--lumo-space-s)");
            Span number = new Span(r.number());
            number.getStyle().set("font-weight", "600").set("margin-inline-end", "var(--lumo-space-s)");
            Span title = new Span(r.title() == null ? "" : r.title());
            Div what = new Div();
            what.addClassName("fd-hint");
            what.setId("rule-dry-" + r.number() + "-what");
            what.setText(r.matched() ? getTranslation("rulesview.dry.matched", would) : notMatched(words, rule,
                    r.failedCondition()));
            line.add(number, title, what);
            results.add(line);
        });
        summary.scrollIntoView();
    }

    /** The engine names the ANY group by its first row; the panel says none of the group held. */
    private String notMatched(RuleWords words, Rule rule, Rule.Condition failed) {
        if (failed != null && !rule.conditions().all().contains(failed) && rule.conditions().any().contains(failed)) {
            return getTranslation("rulesview.dry.noneHeld", words.join("rulesview.or", rule.conditions().any()
                    .stream().map(words::condition).toList()));
        }
        return getTranslation("rulesview.dry.notMatched", failed == null ? "" : words.condition(failed));
    }

    void clear() {
        summary.setText("");
        results.removeAll();
    }
}
